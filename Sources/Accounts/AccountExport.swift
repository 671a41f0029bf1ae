import Foundation
import Storage

/// The data a user can download about themselves (RGPD, right of access).
public struct AccountExport: Codable, Sendable {
    public struct Session: Codable, Sendable {
        public var createdAt: Date
        public var lastSeenAt: Date
        public var userAgent: String
    }

    public var exportedAt: Date
    public var account: User
    public var sessions: [Session]
    /// Further sections added by other modules (attempts, orders, posts), keyed by name.
    public var sections: [String: [[String: String]]]

    /// Collects the account part; other modules add theirs to `sections`.
    public static func collect(userID: Int64, db: Database, now: Date) throws -> AccountExport? {
        guard let user = try UserStore(db).find(id: userID) else { return nil }
        let sessions = try db.query(
            "SELECT created_at, last_seen_at, user_agent FROM sessions WHERE user_id = ? ORDER BY created_at",
            userID
        ).map { row in
            Session(
                createdAt: Date(timeIntervalSince1970: TimeInterval(row.int64("created_at"))),
                lastSeenAt: Date(timeIntervalSince1970: TimeInterval(row.int64("last_seen_at"))),
                userAgent: row.string("user_agent"))
        }
        return AccountExport(exportedAt: now, account: user, sessions: sessions, sections: [:])
    }
}
