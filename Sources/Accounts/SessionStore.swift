import Foundation
import Security
import Storage

/// Server-side sessions; the cookie holds a random id, the table only its SHA-256.
public struct SessionStore {
    let db: Database

    /// How long a session lives without being used.
    public static let idleLifetime: TimeInterval = 30 * 24 * 3600

    public init(_ db: Database) {
        self.db = db
    }

    /// Opens a session for a user and returns the id to put in the cookie.
    public func create(userID: Int64, userAgent: String, now: Date) throws -> String {
        let id = SecureRandom.token(byteCount: 32)
        let seconds = Int64(now.timeIntervalSince1970)
        try db.run(
            """
            INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            Self.hash(id), userID, seconds, seconds, seconds + Int64(Self.idleLifetime),
            String(userAgent.prefix(200)))
        return id
    }

    /// The user of a live session, sliding its expiry forward; nil when unknown or expired.
    public func user(sessionID: String, now: Date) throws -> User? {
        let seconds = Int64(now.timeIntervalSince1970)
        let idHash = Self.hash(sessionID)
        guard
            let row = try db.queryOne(
                """
                SELECT u.*, s.last_seen_at AS session_seen FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.id_hash = ? AND s.expires_at > ?
                """,
                idHash, seconds)
        else { return nil }
        // Touch at most once a minute: a write per page view would cost more than it tells.
        if seconds - row.int64("session_seen") > 60 {
            try db.run(
                "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?",
                seconds, seconds + Int64(Self.idleLifetime), idHash)
        }
        return UserStore.user(row)
    }

    /// Ends one session.
    public func delete(sessionID: String) throws {
        try db.run("DELETE FROM sessions WHERE id_hash = ?", Self.hash(sessionID))
    }

    /// Ends every session of a user ("se déconnecter partout"); returns how many ended.
    @discardableResult
    public func deleteAll(userID: Int64) throws -> Int {
        try db.run("DELETE FROM sessions WHERE user_id = ?", userID)
        return db.changes
    }

    /// How many live sessions a user has.
    public func count(userID: Int64, now: Date) throws -> Int {
        try db.queryOne(
            "SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND expires_at > ?",
            userID, Int64(now.timeIntervalSince1970))?.int("n") ?? 0
    }

    /// Removes expired sessions; returns how many.
    @discardableResult
    public func purgeExpired(now: Date) throws -> Int {
        try db.run("DELETE FROM sessions WHERE expires_at <= ?", Int64(now.timeIntervalSince1970))
        return db.changes
    }

    static func hash(_ id: String) -> String {
        Hex.encode(Digest.sha256(Array(id.utf8)))
    }
}
