import Foundation

@testable import Security

/// A key, a clock and helpers to forge tokens of any shape for the verifier tests.
struct TokenFixture {
    static let now = 1_764_770_000
    static let issuer = "https://lesocial.fr"
    static let audience = "lesocial-api"

    let key: Ed25519PrivateKey
    var kid: String { key.publicKey.thumbprint }

    init() throws {
        key = try Ed25519PrivateKey()
    }

    func verifier(leeway: Int = 30, at time: Int = TokenFixture.now) -> TokenVerifier {
        TokenVerifier(
            keys: [kid: key.publicKey], issuer: Self.issuer, audience: Self.audience, leeway: leeway,
            now: { Date(timeIntervalSince1970: Double(time)) })
    }

    func issuer(lifetime: Int = 600) -> TokenIssuer {
        TokenIssuer(
            key: key, issuer: Self.issuer, audience: Self.audience, lifetime: lifetime,
            now: { Date(timeIntervalSince1970: Double(TokenFixture.now)) })
    }

    /// Claims valid at `now`, as a JSON object that tests can bend.
    static func claims() -> [String: Any] {
        [
            "iss": issuer, "sub": "user-42", "aud": audience, "iat": now, "nbf": now, "exp": now + 600,
            "jti": "jti-1", "ent": [["scope": "ifsi", "until": now + 86_400]],
        ]
    }

    /// A token signed by this fixture's key with `header` and `claims` as given.
    func token(header: [String: Any]? = nil, claims: [String: Any] = TokenFixture.claims()) throws -> String {
        let header = header ?? ["alg": "EdDSA", "kid": kid, "typ": "JWT"]
        return try JWSSigner.compact(protectedHeader: json(header), payload: json(claims), key: key)
    }

    func json(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
