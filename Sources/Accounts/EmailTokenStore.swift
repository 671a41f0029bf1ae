import Foundation
import Security
import Storage

/// Single-use links sent by mail (address confirmation, password reset).
public struct EmailTokenStore {
    /// What a link is for, and how long it stays valid.
    public enum Purpose: String, Sendable {
        case confirmEmail = "confirm"
        case resetPassword = "reset"

        /// Lifetime of a link of this purpose.
        public var lifetime: TimeInterval {
            switch self {
            case .confirmEmail: 48 * 3600
            case .resetPassword: 3600
            }
        }
    }

    let db: Database

    public init(_ db: Database) {
        self.db = db
    }

    /// Creates a link token for a user; only its hash is stored.
    public func issue(userID: Int64, purpose: Purpose, now: Date) throws -> String {
        let token = SecureRandom.token(byteCount: 32)
        let seconds = Int64(now.timeIntervalSince1970)
        try db.run(
            """
            INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """,
            SessionStore.hash(token), userID, purpose.rawValue, seconds, seconds + Int64(purpose.lifetime))
        return token
    }

    /// Marks a token used and returns its user; refuses unknown, expired and reused tokens.
    public func consume(_ token: String, purpose: Purpose, now: Date) throws -> Int64 {
        let seconds = Int64(now.timeIntervalSince1970)
        let tokenHash = SessionStore.hash(token)
        guard
            let row = try db.queryOne(
                "SELECT user_id, expires_at, used_at FROM email_tokens WHERE token_hash = ? AND purpose = ?",
                tokenHash, purpose.rawValue)
        else { throw AccountError.tokenInvalid }
        if row.optionalInt64("used_at") != nil { throw AccountError.tokenAlreadyUsed }
        if row.int64("expires_at") <= seconds { throw AccountError.tokenExpired }
        try db.run(
            "UPDATE email_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", seconds, tokenHash)
        guard db.changes == 1 else { throw AccountError.tokenAlreadyUsed }
        return row.int64("user_id")
    }

    /// Deletes links expired for more than a day (used or not); returns how many. The day keeps an
    /// expired link answering "expired" rather than "invalid" to whoever clicks it late.
    @discardableResult
    public func purgeExpired(now: Date) throws -> Int {
        try db.run("DELETE FROM email_tokens WHERE expires_at <= ?", Int64(now.timeIntervalSince1970) - 24 * 3600)
        return db.changes
    }

    /// Voids every unused token of a purpose for a user (a newer link replaces older ones).
    public func revokeAll(userID: Int64, purpose: Purpose, now: Date) throws {
        try db.run(
            "UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
            Int64(now.timeIntervalSince1970), userID, purpose.rawValue)
    }
}
