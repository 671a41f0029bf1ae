import Testing

@testable import Storage

struct DatabaseErrorTests {
    let db: Database

    init() throws {
        db = try Database(path: ":memory:")
        try db.execute(
            """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, pseudo TEXT UNIQUE);
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id),
                                score INTEGER CHECK (score >= 0));
            """)
        try db.run("INSERT INTO users (id, email, pseudo) VALUES (1, ?, ?)", "taken@example.org", "léa")
    }

    @Test func uniqueViolationCarriesSqlButNeverTheBoundValues() throws {
        let secret = "s3cr3t-taken@example.org-do-not-log"
        try db.run("INSERT INTO users (email) VALUES (?)", secret)
        let sql = "INSERT INTO users (email) VALUES (?)"

        let error = try #require(throws: DatabaseError.self) { try db.run(sql, secret) }

        #expect(error.isConstraintViolation)
        #expect(error.isUniqueViolation)
        #expect(error.uniqueColumns == ["users.email"])
        #expect(error.resultCode == 19)
        #expect(error.extendedCode == 2067)
        #expect(error.sql == sql)
        #expect(
            error.description
                == "storage: running statement failed: UNIQUE constraint failed: users.email (code 19/2067) "
                + "[sql: INSERT INTO users (email) VALUES (?)]")
        #expect(!error.description.contains(secret))
        #expect(!"\(error)".contains("s3cr3t"))
    }

    @Test func uniqueColumnsTellWhichOfSeveralUniqueColumnsClashed() throws {
        let error = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO users (email, pseudo) VALUES (?, ?)", "new@example.org", "léa")
        }
        #expect(error.uniqueColumns == ["users.pseudo"])
    }

    @Test func primaryKeyClashCountsAsUniqueViolation() throws {
        let error = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO users (id, email) VALUES (1, ?)", "other@example.org")
        }
        #expect(error.isUniqueViolation)
    }

    @Test func foreignKeyNotNullAndCheckViolationsAreDistinguished() throws {
        let foreignKey = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO posts (user_id) VALUES (?)", 99)
        }
        #expect(foreignKey.isForeignKeyViolation && !foreignKey.isUniqueViolation)

        let notNull = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO users (email) VALUES (?)", nil)
        }
        #expect(notNull.isNotNullViolation && notNull.isConstraintViolation)

        let check = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO posts (user_id, score) VALUES (1, ?)", -1)
        }
        #expect(check.isCheckViolation && !check.isUniqueViolation)
    }

    @Test func syntaxErrorNamesPreparationAndSql() throws {
        let error = try #require(throws: DatabaseError.self) { try db.query("SELEC 1") }
        #expect(
            error.description
                == "storage: preparing statement failed: near \"SELEC\": syntax error (code 1/1) [sql: SELEC 1]")
        #expect(!error.isConstraintViolation)
    }

    @Test func scriptErrorNamesTheScript() throws {
        let error = try #require(throws: DatabaseError.self) { try db.execute("CREATE TABLE users (x)") }
        #expect(
            error.description
                == "storage: executing script failed: table users already exists (code 1/1) "
                + "[sql: CREATE TABLE users (x)]")
    }
}
