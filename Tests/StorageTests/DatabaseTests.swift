import Foundation
import Testing

@testable import Storage

struct DatabaseTests {
    let directory: TemporaryDirectory
    let db: Database

    init() throws {
        directory = try TemporaryDirectory()
        db = try Database(path: directory.path("test.db"))
        try db.execute(
            """
            CREATE TABLE things (
                id INTEGER PRIMARY KEY,
                i INTEGER, r REAL, t TEXT, b BLOB, flag INTEGER, at INTEGER
            );
            """)
    }

    @Test func fileDatabaseOpensInWalModeWithForeignKeysAndFullSync() throws {
        #expect(try db.queryOne("PRAGMA journal_mode")?.string(0) == "wal")
        #expect(try db.queryOne("PRAGMA foreign_keys")?.int(0) == 1)
        #expect(try db.queryOne("PRAGMA synchronous")?.int(0) == 2)
        #expect(try db.queryOne("PRAGMA busy_timeout")?.int(0) == 5000)
    }

    @Test func synchronousIsConfigurable() throws {
        let normal = try Database(path: directory.path("normal.db"), options: .init(synchronous: .normal))
        #expect(try normal.queryOne("PRAGMA synchronous")?.int(0) == 1)
    }

    @Test func memoryDatabaseWorks() throws {
        let memory = try Database(path: ":memory:")
        try memory.execute("CREATE TABLE t (x INTEGER)")
        try memory.run("INSERT INTO t (x) VALUES (?)", 7)
        #expect(try memory.queryOne("SELECT x FROM t")?.int("x") == 7)
    }

    @Test func everyTypeRoundTrips() throws {
        let text = "Éducateur spécialisé — 教育 🎓 \"quoted\" 'single'\nnew line"
        let bytes: [UInt8] = [0, 1, 2, 0xFF, 0, 0x7F]
        let date = Date(timeIntervalSince1970: 1_767_225_600.123)
        try db.run(
            "INSERT INTO things (i, r, t, b, flag, at) VALUES (?, ?, ?, ?, ?, ?)",
            Int64.max, 3.25, text, bytes, true, date)
        let id = db.lastInsertRowID

        let row = try #require(try db.queryOne("SELECT * FROM things WHERE id = ?", id))

        #expect(row.int64("i") == Int64.max)
        #expect(row.double("r") == 3.25)
        #expect(row.string("t") == text)
        #expect(row.blob("b") == bytes)
        #expect(row.bool("flag"))
        #expect(row.date("at") == Date(timeIntervalSince1970: 1_767_225_600.123))
        #expect(row.int64("at") == 1_767_225_600_123)
        #expect(row["t"] == .text(text))
        #expect(row.columnNames == ["id", "i", "r", "t", "b", "flag", "at"])
    }

    @Test func datesReadBackAndBoundAgainKeepTheirMilliseconds() throws {
        let milliseconds: [Int64] = [0, 1, 999, 1_767_225_600_123, 1_767_225_600_999, -1, -1_500, 253_402_300_799_999]
        for value in milliseconds {
            let read = try #require(try db.queryOne("SELECT ? AS at", SQLValue.integer(value))).date("at")
            let again = try #require(try db.queryOne("SELECT ? AS at", read)).int64("at")
            #expect(again == value)
        }
    }

    @Test func intDoubleAndIndexReadersWork() throws {
        try db.run("INSERT INTO things (i, r) VALUES (?, ?)", 42, 2)
        let row = try #require(try db.queryOne("SELECT i, r FROM things"))
        #expect(row.int(0) == 42)
        #expect(row.double("r") == 2.0)
        #expect(row.double(0) == 42.0)
        #expect(row[1] == .real(2))
    }

    @Test func nullBindsAndReadsAsNil() throws {
        let missing: String? = nil
        try db.run(
            "INSERT INTO things (i, r, t, b, flag, at) VALUES (?, ?, ?, ?, ?, ?)", nil, nil, missing, nil, nil, nil)
        let row = try #require(try db.queryOne("SELECT * FROM things"))

        #expect(row.optionalInt("i") == nil)
        #expect(row.optionalInt64("i") == nil)
        #expect(row.optionalDouble("r") == nil)
        #expect(row.optionalString("t") == nil)
        #expect(row.optionalBlob("b") == nil)
        #expect(row.optionalBool("flag") == nil)
        #expect(row.optionalDate("at") == nil)
        #expect(row["t"] == .null)
    }

    @Test func optionalsHoldingValuesBindTheirValue() throws {
        let present: String? = "là"
        let number: Int? = 5
        try db.run("INSERT INTO things (t, i) VALUES (?, ?)", present, number)
        let row = try #require(try db.queryOne("SELECT t, i FROM things"))
        #expect(row.optionalString("t") == "là")
        #expect(row.optionalInt(1) == 5)
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        try db.run("INSERT INTO things (t, b) VALUES (?, ?)", "", [UInt8]())
        let row = try #require(try db.queryOne("SELECT t, b, typeof(t) AS tt, typeof(b) AS tb FROM things"))
        #expect(row.string("t") == "")
        #expect(row.blob("b") == [])
        #expect(row.string("tt") == "text")
        #expect(row.string("tb") == "blob")
    }

    @Test func textWithNulCharacterKeepsItsFullLength() throws {
        try db.run("INSERT INTO things (t) VALUES (?)", "a\u{0}b")
        #expect(try db.queryOne("SELECT length(CAST(t AS BLOB)) AS n FROM things")?.int("n") == 3)
    }

    @Test func sqlValueAndArrayVariantBind() throws {
        let parameters: [(any SQLBindable)?] = [SQLValue.integer(9), SQLValue.text("x"), nil]
        try db.run("INSERT INTO things (i, t, r) VALUES (?, ?, ?)", parameters: parameters)
        let rows = try db.query("SELECT i, t, r FROM things WHERE i = ?", parameters: [9])
        #expect(rows.count == 1)
        #expect(rows.first?.values == [.integer(9), .text("x"), .null])
    }

    @Test func changesCountsAffectedRows() throws {
        for value in 1...3 {
            try db.run("INSERT INTO things (i) VALUES (?)", value)
        }
        try db.run("UPDATE things SET flag = 1 WHERE i >= ?", 2)
        #expect(db.changes == 2)
    }

    @Test func sameSqlTwiceReusesOneCachedStatement() throws {
        let before = db.cachedStatementCount
        try db.run("INSERT INTO things (i) VALUES (?)", 1)
        try db.run("INSERT INTO things (i) VALUES (?)", 2)
        #expect(db.cachedStatementCount == before + 1)
        #expect(try db.query("SELECT i FROM things ORDER BY i").map { $0.int("i") } == [1, 2])
    }

    @Test func cachedStatementWorksAgainAfterItFailed() throws {
        try db.execute("CREATE TABLE emails (address TEXT UNIQUE)")
        let insert = "INSERT INTO emails (address) VALUES (?)"
        try db.run(insert, "a@example.org")
        #expect(throws: DatabaseError.self) { try db.run(insert, "a@example.org") }
        try db.run(insert, "b@example.org")
        #expect(try db.queryOne("SELECT count(*) FROM emails")?.int(0) == 2)
    }

    @Test func queryOneReturnsNilWhenNoRow() throws {
        #expect(try db.queryOne("SELECT id FROM things WHERE id = ?", 404) == nil)
    }

    @Test func forEachStreamsRowsAndMayRunTheSameQueryInside() throws {
        for value in 1...3 {
            try db.run("INSERT INTO things (i) VALUES (?)", value)
        }
        let sql = "SELECT i FROM things WHERE i >= ? ORDER BY i"
        var seen: [[Int]] = []
        try db.forEach(sql, 2) { row in
            seen.append(try db.query(sql, row.int("i")).map { $0.int("i") })
        }
        #expect(seen == [[2, 3], [3]])
    }

    @Test func wrongParameterCountIsRefused() throws {
        let error = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO things (i, t) VALUES (?, ?)", 1)
        }
        #expect(error.message == "statement expects 2 parameters, 1 given")
    }

    @Test func runRefusesSeveralStatements() throws {
        let error = try #require(throws: DatabaseError.self) {
            try db.run("INSERT INTO things (i) VALUES (1); DELETE FROM things")
        }
        #expect(error.message == "more than one statement; use execute(_:) for scripts")
        #expect(try db.queryOne("SELECT count(*) FROM things")?.int(0) == 0)
    }

    @Test func closedDatabaseThrowsAndCloseTwiceIsHarmless() throws {
        db.close()
        db.close()
        #expect(!db.isOpen)
        let error = try #require(throws: DatabaseError.self) { try db.query("SELECT 1") }
        #expect(error.description.hasPrefix("storage: using connection failed: database "))
    }

    @Test func fts5IsAvailable() throws {
        try db.execute(
            "CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')")
        try db.run("INSERT INTO search (title, body) VALUES (?, ?)", "Épreuve", "Les calculs de dosages")
        try db.run("INSERT INTO search (title, body) VALUES (?, ?)", "Oral", "La motivation")
        let hits = try db.query("SELECT title FROM search WHERE search MATCH ?", "dosage*")
        #expect(hits.map { $0.string("title") } == ["Épreuve"])
        #expect(try db.query("SELECT title FROM search WHERE search MATCH ?", "epreuve").count == 1)
    }
}
