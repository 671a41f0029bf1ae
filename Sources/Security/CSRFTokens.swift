/// CSRF tokens derived from the session id with HMAC-SHA256, so checking one
/// costs a MAC and no storage.
///
/// The secret must serve only this purpose.
public struct CSRFTokens: Sendable {
    private let secret: [UInt8]

    /// Creates the token source; `secret` should be 32 random bytes.
    public init(secret: [UInt8]) {
        precondition(!secret.isEmpty, "CSRFTokens: empty secret")
        self.secret = secret
    }

    /// The token for a session: base64url of HMAC-SHA256(secret, session id).
    public func token(for sessionID: String) -> String {
        Base64URL.encode(HMAC.sha256(key: secret, message: sessionID))
    }

    /// Whether `token` belongs to the session, compared in constant time;
    /// `false` for an empty session id.
    public func verify(_ token: String, sessionID: String) -> Bool {
        guard !sessionID.isEmpty, let presented = Base64URL.decode(token) else { return false }

        return constantTimeEquals(presented, HMAC.sha256(key: secret, message: sessionID))
    }
}
