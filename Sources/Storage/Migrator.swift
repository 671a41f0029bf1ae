import Foundation
import Logging

/// Brings a database to the schema of this binary.
///
/// The schema version is the number of migrations applied, kept in
/// `PRAGMA user_version`; each applied migration is also recorded with its
/// name and time in `schema_migrations`. Each migration runs in its own
/// immediate transaction, so a failure leaves the database at the previous
/// version, and two processes migrating at once apply each step once.
public struct Migrator: Sendable {
    /// The ordered list; its length is the version this binary knows.
    public let migrations: [Migration]
    private let logger: Logger

    /// Creates a migrator for `migrations`, in order.
    public init(migrations: [Migration], logger: Logger = Logger(label: "storage")) {
        self.migrations = migrations
        self.logger = logger
    }

    /// The version this binary brings a database to.
    public var knownVersion: Int { migrations.count }

    /// The database's schema version: how many migrations it has applied.
    public func currentVersion(_ db: Database) throws -> Int {
        try Int(db.queryOne("PRAGMA user_version")?.int64(0) ?? 0)
    }

    /// How many migrations `migrate` would apply; throws if the database is newer than this binary.
    ///
    /// `serve` calls this to refuse a newer schema and to ask for
    /// `lesocial migrate` when migrations are pending.
    public func pendingCount(_ db: Database) throws -> Int {
        let version = try currentVersion(db)
        guard version <= knownVersion else {
            throw MigrationError.databaseNewerThanCode(database: version, known: knownVersion)
        }
        return knownVersion - version
    }

    /// Applies the pending migrations in order and returns the versions before and after.
    ///
    /// Running it on an up-to-date database changes nothing.
    @discardableResult
    public func migrate(_ db: Database) throws -> (from: Int, to: Int) {
        let start = try currentVersion(db)
        _ = try pendingCount(db)
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """)

        while try applyNext(db) != nil {}

        let version = try currentVersion(db)
        if version > start {
            logger.info("migrations applied", [("from", "\(start)"), ("to", "\(version)")])
        }
        return (start, version)
    }

    /// The recorded migrations, oldest first.
    public func history(_ db: Database) throws -> [(version: Int, name: String, appliedAt: Date)] {
        let exists = try db.queryOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists != nil else { return [] }
        return try db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").map {
            ($0.int("version"), $0.string("name"), $0.date("applied_at"))
        }
    }

    /// Applies the first migration the database lacks and returns the new version; `nil` when none is left.
    ///
    /// The version is read again inside the transaction, under the write
    /// lock, so a step that a concurrent migrator just applied is skipped.
    private func applyNext(_ db: Database) throws -> Int? {
        let next = try currentVersion(db)
        guard next < knownVersion else { return nil }
        let migration = migrations[next]
        let togglesForeignKeys = migration.disablesForeignKeys && db.options.foreignKeys

        if togglesForeignKeys { try db.execute("PRAGMA foreign_keys = OFF") }
        let result = Result { try apply(migration, version: next + 1, db) }
        if togglesForeignKeys { try db.execute("PRAGMA foreign_keys = ON") }
        return try result.get()
    }

    private func apply(_ migration: Migration, version: Int, _ db: Database) throws -> Int {
        do {
            return try db.transaction(.immediate) {
                let current = try currentVersion(db)
                guard current == version - 1 else { return current }

                try migration.apply(db)
                if migration.disablesForeignKeys {
                    let broken = try db.query("PRAGMA foreign_key_check").count
                    guard broken == 0 else {
                        throw MigrationError.foreignKeyViolations(version: version, name: migration.name, count: broken)
                    }
                }

                try db.run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    version, migration.name, Date())
                try db.execute("PRAGMA user_version = \(version)")
                logger.info("migration applied", [("version", "\(version)"), ("name", migration.name)])
                return version
            }
        } catch let error as MigrationError {
            throw error
        } catch {
            throw MigrationError.migrationFailed(version: version, name: migration.name, underlying: error)
        }
    }
}
