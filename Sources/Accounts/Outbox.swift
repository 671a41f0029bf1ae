import Foundation
import Storage

/// A mail waiting in the outbox.
public struct OutgoingMail: Equatable, Sendable {
    public var id: Int64
    public var recipient: String
    public var subject: String
    public var body: String
    public var createdAt: Date
}

/// The mail queue: handlers enqueue in their transaction, a background job delivers.
public struct Outbox {
    let db: Database

    public init(_ db: Database) {
        self.db = db
    }

    /// Queues a plain-text mail.
    public func enqueue(to recipient: String, subject: String, body: String, now: Date) throws {
        try db.run(
            "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?)",
            recipient, subject, body, Int64(now.timeIntervalSince1970))
    }

    /// Mails not yet sent, oldest first.
    public func pending(limit: Int = 50) throws -> [OutgoingMail] {
        try db.query(
            "SELECT * FROM outbox WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT ?", limit
        ).map { row in
            OutgoingMail(
                id: row.int64("id"), recipient: row.string("recipient"), subject: row.string("subject"),
                body: row.string("body"),
                createdAt: Date(timeIntervalSince1970: TimeInterval(row.int64("created_at"))))
        }
    }

    /// Records a successful delivery.
    public func markSent(id: Int64, now: Date) throws {
        try db.run("UPDATE outbox SET sent_at = ? WHERE id = ?", Int64(now.timeIntervalSince1970), id)
    }

    /// Records a failed delivery attempt and its reason.
    public func markFailed(id: Int64, reason: String) throws {
        try db.run("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", reason, id)
    }

    /// Deletes queued mail addressed to someone (account deletion).
    public func deleteAll(recipient: String) throws {
        try db.run("DELETE FROM outbox WHERE recipient = ? COLLATE NOCASE", recipient)
    }
}
