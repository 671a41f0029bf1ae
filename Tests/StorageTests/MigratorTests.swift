import Testing

@testable import Storage

struct MigratorTests {
    let directory: TemporaryDirectory
    let db: Database

    static let schema = [
        Migration(
            name: "create_users", sql: "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);"),
        Migration(
            name: "create_posts",
            sql: "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));"),
        Migration(name: "seed_admin") { db in
            try db.run("INSERT INTO users (email) VALUES (?)", "admin@example.org")
        },
    ]

    init() throws {
        directory = try TemporaryDirectory()
        db = try Database(path: directory.path("schema.db"))
    }

    @Test func migratesFromZeroToTheListLength() throws {
        let migrator = Migrator(migrations: Self.schema)
        #expect(try migrator.currentVersion(db) == 0)
        #expect(try migrator.pendingCount(db) == 3)

        let result = try migrator.migrate(db)

        #expect(result.from == 0 && result.to == 3)
        #expect(try migrator.currentVersion(db) == 3)
        #expect(try db.queryOne("PRAGMA user_version")?.int(0) == 3)
        #expect(try db.queryOne("SELECT email FROM users")?.string("email") == "admin@example.org")
        #expect(
            try migrator.history(db).map { "\($0.version) \($0.name)" } == [
                "1 create_users", "2 create_posts", "3 seed_admin",
            ])
    }

    @Test func rerunningMigrateChangesNothing() throws {
        let migrator = Migrator(migrations: Self.schema)
        try migrator.migrate(db)

        let again = try migrator.migrate(db)

        #expect(again.from == 3 && again.to == 3)
        #expect(try db.queryOne("SELECT count(*) FROM users")?.int(0) == 1)
        #expect(try migrator.pendingCount(db) == 0)
    }

    @Test func newMigrationsAppliedOnTopOfOlderSchema() throws {
        try Migrator(migrations: Array(Self.schema.prefix(1))).migrate(db)
        let result = try Migrator(migrations: Self.schema).migrate(db)
        #expect(result.from == 1 && result.to == 3)
    }

    @Test func failingMigrationRollsBackAndLeavesVersionUnchanged() throws {
        let broken =
            Self.schema.prefix(2) + [
                Migration(name: "half_done", sql: "CREATE TABLE extra (x INTEGER); INSERT INTO nowhere VALUES (1);"),
                Migration(name: "never_reached", sql: "CREATE TABLE later (x INTEGER);"),
            ]
        let migrator = Migrator(migrations: Array(broken))

        let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }

        guard case .migrationFailed(let version, let name, let underlying) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(version == 3 && name == "half_done")
        #expect((underlying as? DatabaseError)?.message == "no such table: nowhere")
        #expect(try migrator.currentVersion(db) == 2)
        #expect(try db.queryOne("SELECT name FROM sqlite_master WHERE name = 'extra'") == nil)
        #expect(try migrator.history(db).count == 2)
        #expect(
            error.frenchMessage
                == "La migration 3 (« half_done ») a échoué ; elle a été annulée "
                + "et la base est restée en version 2.")
    }

    @Test func newerDatabaseIsRefusedWithFrenchMessage() throws {
        try Migrator(migrations: Self.schema).migrate(db)
        let older = Migrator(migrations: Array(Self.schema.prefix(2)))

        let error = try #require(throws: MigrationError.self) { try older.migrate(db) }

        guard case .databaseNewerThanCode(let database, let known) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(database == 3 && known == 2)
        #expect(
            error.frenchMessage
                == "La base est en version 3, ce binaire ne connaît que la version 2 : "
                + "installez une version plus récente de lesocial.")
        #expect(error.description == "storage: migrate refused: database schema version 3 is newer than the 2 known")
        #expect(throws: MigrationError.self) { try older.pendingCount(db) }
        #expect(try older.currentVersion(db) == 3)
    }

    @Test func tableRebuildWithForeignKeysOffKeepsReferences() throws {
        let rebuild = Migration(
            name: "users_add_name", disablesForeignKeys: true,
            sql: """
                CREATE TABLE users_new (
                    id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT ''
                );
                INSERT INTO users_new (id, email) SELECT id, email FROM users;
                DROP TABLE users;
                ALTER TABLE users_new RENAME TO users;
                """)
        let migrator = Migrator(migrations: Self.schema + [rebuild])
        try Migrator(migrations: Self.schema).migrate(db)
        try db.run("INSERT INTO posts (user_id) VALUES (1)")

        try migrator.migrate(db)

        #expect(try db.queryOne("SELECT name FROM users WHERE id = 1")?.string("name") == "")
        #expect(try db.queryOne("SELECT count(*) FROM posts")?.int(0) == 1)
        #expect(try db.queryOne("PRAGMA foreign_keys")?.int(0) == 1)
    }

    @Test func rebuildLeavingDanglingReferencesIsRolledBack() throws {
        let dropping = Migration(name: "drop_users", disablesForeignKeys: true, sql: "DELETE FROM users;")
        try Migrator(migrations: Self.schema).migrate(db)
        try db.run("INSERT INTO posts (user_id) VALUES (1)")

        let error = try #require(throws: MigrationError.self) {
            try Migrator(migrations: Self.schema + [dropping]).migrate(db)
        }

        #expect(
            error.description == "storage: migration 4 'drop_users' left 1 foreign key violations and was rolled back")
        #expect(try db.queryOne("SELECT count(*) FROM users")?.int(0) == 1)
        #expect(try db.queryOne("PRAGMA foreign_keys")?.int(0) == 1)
    }
}
