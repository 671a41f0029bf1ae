import Foundation
import Storage

/// Reads and writes the `users` table.
public struct UserStore {
    let db: Database

    public init(_ db: Database) {
        self.db = db
    }

    /// Inserts a user and returns it; throws `AccountError.emailTaken` on a duplicate address.
    public func create(
        email: String, displayName: String, passwordHash: String, role: Role, confirmed: Bool, now: Date
    ) throws -> User {
        let seconds = Int64(now.timeIntervalSince1970)
        do {
            try db.run(
                """
                INSERT INTO users (email, display_name, password_hash, role, email_confirmed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                email, displayName, passwordHash, role.rawValue, confirmed ? seconds : nil, seconds)
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw AccountError.emailTaken
        }
        return User(
            id: db.lastInsertRowID, email: email, displayName: displayName, role: role,
            emailConfirmedAt: confirmed ? Date(timeIntervalSince1970: TimeInterval(seconds)) : nil,
            createdAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The user with this id, if any.
    public func find(id: Int64) throws -> User? {
        try db.queryOne("SELECT * FROM users WHERE id = ?", id).map(Self.user)
    }

    /// The user with this address (case-insensitive), with the stored password hash.
    public func findWithHash(email: String) throws -> (user: User, passwordHash: String)? {
        guard let row = try db.queryOne("SELECT * FROM users WHERE email = ?", email) else { return nil }
        return (Self.user(row), row.string("password_hash"))
    }

    /// The stored password hash of a user.
    public func passwordHash(userID: Int64) throws -> String? {
        try db.queryOne("SELECT password_hash FROM users WHERE id = ?", userID)?.string("password_hash")
    }

    /// Replaces a user's password hash.
    public func setPasswordHash(userID: Int64, _ hash: String) throws {
        try db.run("UPDATE users SET password_hash = ? WHERE id = ?", hash, userID)
    }

    /// Marks the address of a user as confirmed (keeps the first confirmation time).
    public func confirmEmail(userID: Int64, now: Date) throws {
        try db.run(
            "UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, ?) WHERE id = ?",
            Int64(now.timeIntervalSince1970), userID)
    }

    /// Changes the role of a user.
    public func setRole(userID: Int64, _ role: Role) throws {
        try db.run("UPDATE users SET role = ? WHERE id = ?", role.rawValue, userID)
    }

    /// Changes the display name of a user.
    public func setDisplayName(userID: Int64, _ name: String) throws {
        try db.run("UPDATE users SET display_name = ? WHERE id = ?", name, userID)
    }

    /// Sets the exam time factor of a user (1 = none, 4/3 = tiers-temps).
    public func setTimeFactor(userID: Int64, _ factor: Double) throws {
        try db.run("UPDATE users SET time_factor = ? WHERE id = ?", factor, userID)
    }

    /// Deletes a user; sessions and tokens go with it through foreign keys.
    public func delete(userID: Int64) throws {
        try db.run("DELETE FROM users WHERE id = ?", userID)
    }

    /// How many accounts exist.
    public func count() throws -> Int {
        try db.queryOne("SELECT COUNT(*) AS n FROM users")?.int("n") ?? 0
    }

    static func user(_ row: Row) -> User {
        User(
            id: row.int64("id"),
            email: row.string("email"),
            displayName: row.string("display_name"),
            role: Role(rawValue: row.string("role")) ?? .member,
            emailConfirmedAt: row.optionalInt64("email_confirmed_at").map {
                Date(timeIntervalSince1970: TimeInterval($0))
            },
            createdAt: Date(timeIntervalSince1970: TimeInterval(row.int64("created_at"))),
            timeFactor: row.double("time_factor"))
    }
}
