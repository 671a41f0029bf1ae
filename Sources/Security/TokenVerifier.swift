import Foundation

/// Verifies access tokens: Ed25519 only, a known `kid`, the expected issuer
/// and audience, and every time claim within a small leeway.
public struct TokenVerifier: Sendable {
    /// The header fields the verifier reads.
    private struct Header: Decodable {
        var alg: String?
        var kid: String?
        var crit: [String]?
    }

    /// Accepted `alg` values: "Ed25519" is the newer name of the same algorithm.
    public static let acceptedAlgorithms: Set<String> = ["EdDSA", "Ed25519"]

    /// Verification keys by `kid`.
    public let keys: [String: Ed25519PublicKey]
    /// Expected `iss`.
    public let issuer: String
    /// Audience that must appear in `aud`.
    public let audience: String
    /// Clock skew tolerated on `exp`, `nbf` and `iat`, in seconds.
    public let leeway: Int
    private let now: @Sendable () -> Date

    /// Creates a verifier; `now` is the clock, replaceable in tests.
    public init(
        keys: [String: Ed25519PublicKey], issuer: String, audience: String, leeway: Int = 30,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.now = now
    }

    /// The claims of `token` once every check has passed.
    public func verify(_ token: String) throws(TokenError) -> AccessClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw .malformed(.segmentCount(parts.count)) }

        guard let headerBytes = Base64URL.decode(parts[0]) else { throw .malformed(.encoding(.header)) }
        guard let payloadBytes = Base64URL.decode(parts[1]) else { throw .malformed(.encoding(.payload)) }
        guard let signature = Base64URL.decode(parts[2]) else { throw .malformed(.encoding(.signature)) }

        let key = try verificationKey(forHeader: headerBytes)

        let signingInput = Array((parts[0] + "." + parts[1]).utf8)
        guard key.isValidSignature(signature, for: signingInput) else { throw .badSignature }

        let claims = try decodeClaims(payloadBytes)
        try check(claims)
        return claims
    }

    private func verificationKey(forHeader bytes: [UInt8]) throws(TokenError) -> Ed25519PublicKey {
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes)) else {
            throw .malformed(.json(.header))
        }
        guard let alg = header.alg else { throw .malformed(.missingAlgorithm) }
        guard Self.acceptedAlgorithms.contains(alg) else { throw .unsupportedAlgorithm(alg) }
        if let critical = header.crit { throw .unsupportedCriticalHeader(critical) }

        guard let kid = header.kid else { throw .missingKeyID }
        guard let key = keys[kid] else { throw .unknownKeyID(kid) }
        return key
    }

    private func decodeClaims(_ bytes: [UInt8]) throws(TokenError) -> AccessClaims {
        do {
            return try JSONDecoder().decode(AccessClaims.self, from: Data(bytes))
        } catch DecodingError.keyNotFound(let key, let context) where context.codingPath.isEmpty {
            throw .missingClaim(key.stringValue)
        } catch DecodingError.keyNotFound(_, let context) {
            throw .invalidClaim(context.codingPath.first?.stringValue ?? "")
        } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
            throw .invalidClaim(context.codingPath[0].stringValue)
        } catch DecodingError.valueNotFound(_, let context) where !context.codingPath.isEmpty {
            throw .invalidClaim(context.codingPath[0].stringValue)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            throw .invalidClaim(context.codingPath[0].stringValue)
        } catch {
            throw .malformed(.json(.payload))
        }
    }

    private func check(_ claims: AccessClaims) throws(TokenError) {
        guard claims.iss == issuer else { throw .wrongIssuer(claims.iss) }
        guard claims.aud.contains(audience) else { throw .wrongAudience(claims.aud) }

        let current = Int(now().timeIntervalSince1970.rounded(.down))
        guard current < claims.exp + leeway else { throw .expired(at: claims.exp) }
        guard claims.nbf <= current + leeway else { throw .notYetValid(claim: "nbf", at: claims.nbf) }
        guard claims.iat <= current + leeway else { throw .notYetValid(claim: "iat", at: claims.iat) }
    }
}
