import Foundation

/// A JWKS document, `{"keys":[...]}`, as served at `/.well-known/jwks.json`.
public struct JSONWebKeySet: Codable, Equatable, Sendable {
    /// The keys, public parts only when built here.
    public var keys: [JWK]

    /// Creates a set from keys.
    public init(keys: [JWK]) {
        self.keys = keys
    }

    /// The set publishing `publicKeys`, each with its thumbprint as `kid`.
    public init(publicKeys: [Ed25519PublicKey]) {
        self.keys = publicKeys.map(JWK.init(publicKey:))
    }

    private enum CodingKeys: String, CodingKey {
        case keys
    }

    /// A key entry that may be of a type this module does not model (RSA, EC).
    private struct ForeignTolerantKey: Decodable {
        let jwk: JWK?

        init(from decoder: Decoder) throws {
            jwk = try? JWK(from: decoder)
        }
    }

    /// Reads a set, leaving out entries that are not OKP keys.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keys = try container.decode([ForeignTolerantKey].self, forKey: .keys).compactMap(\.jwk)
    }

    /// Parses a JWKS document.
    public init(jsonBytes: [UInt8]) throws {
        do {
            self = try JSONDecoder().decode(JSONWebKeySet.self, from: Data(jsonBytes))
        } catch {
            throw SecurityError(operation: "read JWKS", reason: "not a JWKS document: \(error)")
        }
    }

    /// The document as compact JSON with sorted keys.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw SecurityError(operation: "write JWKS", reason: "\(error)")
        }
    }

    /// The Ed25519 signing keys by `kid`, for a `TokenVerifier`.
    ///
    /// Keys of other types or uses, and keys that do not parse, are skipped:
    /// a set may list keys meant for other verifiers. A key without `kid` is
    /// filed under its thumbprint.
    public func verificationKeys() -> [String: Ed25519PublicKey] {
        var result = [String: Ed25519PublicKey]()
        for jwk in keys where jwk.isEd25519 && (jwk.use ?? "sig") == "sig" {
            guard let key = try? jwk.publicKey() else { continue }
            result[jwk.kid ?? key.thumbprint] = key
        }
        return result
    }
}
