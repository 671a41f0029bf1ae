/// One step of the schema, in the ordered list compiled into the binary.
///
/// Never edit or reorder a migration once released: add a new one.
public struct Migration: Sendable {
    /// A short stable name, recorded in `schema_migrations` (`create_users`).
    public let name: String
    /// Whether foreign keys are switched off while it runs, for SQLite's
    /// table rebuild (create new, copy, drop old, rename).
    ///
    /// `PRAGMA foreign_keys` cannot change inside a transaction, so the
    /// migrator switches it off before `BEGIN`, runs
    /// `PRAGMA foreign_key_check` before committing and refuses to commit
    /// if any row is left pointing nowhere. See
    /// <https://www.sqlite.org/lang_altertable.html#otheralter>.
    public let disablesForeignKeys: Bool
    /// The work; runs inside the migration's transaction.
    public let apply: @Sendable (Database) throws -> Void

    /// A migration written as an SQL script.
    public init(name: String, disablesForeignKeys: Bool = false, sql: String) {
        self.init(name: name, disablesForeignKeys: disablesForeignKeys) { db in try db.execute(sql) }
    }

    /// A migration written in Swift, for data transformations SQL cannot express.
    public init(name: String, disablesForeignKeys: Bool = false, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.disablesForeignKeys = disablesForeignKeys
        self.apply = apply
    }
}
