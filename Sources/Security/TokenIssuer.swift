import Foundation

/// Issues short-lived access tokens carrying a user's entitlements.
public struct TokenIssuer: Sendable {
    /// The signer, holding the active key.
    public let signer: JWSSigner
    /// Value of `iss`.
    public let issuer: String
    /// Value of `aud`.
    public let audience: String
    /// Seconds from issue to expiry; minutes, not days.
    public let lifetime: Int
    private let now: @Sendable () -> Date

    /// Creates an issuer; `now` is the clock, replaceable in tests.
    public init(
        key: Ed25519PrivateKey, issuer: String, audience: String, lifetime: Int = 600,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        precondition(lifetime > 0, "TokenIssuer: lifetime must be positive, got \(lifetime)")
        self.signer = JWSSigner(key: key)
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
        self.now = now
    }

    /// The claims a token issued now for `subject` carries, with a fresh `jti`.
    public func claims(subject: String, entitlements: [EntitlementClaim]) -> AccessClaims {
        let issuedAt = Int(now().timeIntervalSince1970)
        return AccessClaims(
            iss: issuer, sub: subject, aud: [audience], iat: issuedAt, nbf: issuedAt, exp: issuedAt + lifetime,
            jti: SecureRandom.token(byteCount: 16), ent: entitlements)
    }

    /// A signed token for `subject` with `entitlements`.
    public func issue(subject: String, entitlements: [EntitlementClaim]) throws -> String {
        try signer.sign(claims: claims(subject: subject, entitlements: entitlements))
    }
}
