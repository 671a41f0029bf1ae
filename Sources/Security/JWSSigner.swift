import Foundation

/// Produces compact JWS (RFC 7515) signed with Ed25519.
public struct JWSSigner: Sendable {
    /// The signing key.
    public let key: Ed25519PrivateKey
    /// The `kid` put in headers: the key's RFC 7638 thumbprint.
    public let keyID: String

    /// Creates a signer for `key`.
    public init(key: Ed25519PrivateKey) {
        self.key = key
        self.keyID = key.publicKey.thumbprint
    }

    /// Signs `payload` under the header `{"alg":"EdDSA","kid":...,"typ":"JWT"}`.
    public func sign(payload: [UInt8]) throws -> String {
        let header = #"{"alg":"EdDSA","kid":"\#(keyID)","typ":"JWT"}"#
        return try Self.compact(protectedHeader: Array(header.utf8), payload: payload, key: key)
    }

    /// Signs claims encoded as compact JSON with sorted keys.
    public func sign<Claims: Encodable>(claims: Claims) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload: Data
        do {
            payload = try encoder.encode(claims)
        } catch {
            throw SecurityError(operation: "encode token claims", reason: "\(error)")
        }
        return try sign(payload: Array(payload))
    }

    /// `header.payload.signature` for exactly these header and payload bytes.
    public static func compact(protectedHeader: [UInt8], payload: [UInt8], key: Ed25519PrivateKey) throws -> String {
        let signingInput = Base64URL.encode(protectedHeader) + "." + Base64URL.encode(payload)
        let signature = try key.signature(for: Array(signingInput.utf8))

        return signingInput + "." + Base64URL.encode(signature)
    }
}
