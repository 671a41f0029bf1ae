import COpenSSL

/// An Ed25519 signing key; owns its OpenSSL `EVP_PKEY`.
public final class Ed25519PrivateKey: @unchecked Sendable {
    // OpenSSL 3 allows concurrent signing with one EVP_PKEY; nothing mutates it after init.
    private let handle: OpaquePointer

    /// The matching public key.
    public let publicKey: Ed25519PublicKey

    /// Generates a new key with OpenSSL's key generator.
    public convenience init() throws {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
            throw SecurityError.openSSL("EVP_PKEY_CTX_new_id Ed25519")
        }
        defer { EVP_PKEY_CTX_free(context) }

        guard EVP_PKEY_keygen_init(context) == 1 else { throw SecurityError.openSSL("EVP_PKEY_keygen_init Ed25519") }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen(context, &generated) == 1, let generated else {
            throw SecurityError.openSSL("EVP_PKEY_keygen Ed25519")
        }
        try self.init(owning: generated)
    }

    /// Restores a key from its 32-byte seed (the JWK `d` value).
    public convenience init(seed: [UInt8]) throws {
        guard seed.count == 32 else {
            throw SecurityError(operation: "read Ed25519 private key", reason: "seed has \(seed.count) bytes, not 32")
        }
        let handle = seed.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, 32)
        }
        guard let handle else { throw SecurityError.openSSL("EVP_PKEY_new_raw_private_key Ed25519") }
        try self.init(owning: handle)
    }

    private init(owning handle: OpaquePointer) throws {
        self.handle = handle
        do {
            let raw = try Ed25519PublicKey.rawPublicKey(of: handle)
            self.publicKey = try Ed25519PublicKey(rawRepresentation: raw)
        } catch {
            EVP_PKEY_free(handle)
            throw error
        }
    }

    deinit {
        EVP_PKEY_free(handle)
    }

    /// The 32-byte seed, for storing the key (keep it secret).
    public func seed() throws -> [UInt8] {
        var seed = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_private_key(handle, &seed, &length) == 1, length == 32 else {
            throw SecurityError.openSSL("EVP_PKEY_get_raw_private_key Ed25519")
        }
        return seed
    }

    /// Signs `message` (pure Ed25519, no pre-hash); returns 64 bytes.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw SecurityError.openSSL("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }

        guard EVP_DigestSignInit(context, nil, nil, nil, handle) == 1 else {
            throw SecurityError.openSSL("EVP_DigestSignInit Ed25519")
        }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let result = withCBytes(message) { pointer, count in
            EVP_DigestSign(context, &signature, &length, pointer, count)
        }
        guard result == 1, length == 64 else { throw SecurityError.openSSL("EVP_DigestSign Ed25519") }
        return signature
    }
}
