import COpenSSL

/// An Ed25519 verification key; owns its OpenSSL `EVP_PKEY`.
public final class Ed25519PublicKey: @unchecked Sendable {
    // Read-only after init; OpenSSL 3 allows concurrent verification with one EVP_PKEY.
    private let handle: OpaquePointer

    /// The 32 raw bytes (the JWK `x` value).
    public let rawRepresentation: [UInt8]

    /// Reads a key from its 32 raw bytes.
    public init(rawRepresentation: [UInt8]) throws {
        guard rawRepresentation.count == 32 else {
            throw SecurityError(
                operation: "read Ed25519 public key", reason: "key has \(rawRepresentation.count) bytes, not 32")
        }
        let handle = rawRepresentation.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, 32)
        }
        guard let handle else { throw SecurityError.openSSL("EVP_PKEY_new_raw_public_key Ed25519") }
        self.handle = handle
        self.rawRepresentation = rawRepresentation
    }

    deinit {
        EVP_PKEY_free(handle)
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by this key.
    ///
    /// A failure inside OpenSSL counts as invalid: the caller can only refuse either way.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64, let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }

        guard EVP_DigestVerifyInit(context, nil, nil, nil, handle) == 1 else {
            ERR_clear_error()
            return false
        }
        let result = withCBytes(message) { pointer, count in
            EVP_DigestVerify(context, signature, 64, pointer, count)
        }
        if result != 1 { ERR_clear_error() }
        return result == 1
    }

    /// The RFC 7638 JWK thumbprint (base64url SHA-256), used as `kid`.
    public var thumbprint: String {
        let canonical = #"{"crv":"Ed25519","kty":"OKP","x":"\#(Base64URL.encode(rawRepresentation))"}"#
        return Base64URL.encode(Digest.sha256(canonical))
    }

    /// Reads the raw public key out of any Ed25519 `EVP_PKEY`.
    static func rawPublicKey(of handle: OpaquePointer) throws -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(handle, &raw, &length) == 1, length == 32 else {
            throw SecurityError.openSSL("EVP_PKEY_get_raw_public_key Ed25519")
        }
        return raw
    }
}
