import Testing

@testable import Storage

struct DatabaseTransactionTests {
    struct Refusal: Error, Equatable {}

    let directory: TemporaryDirectory
    let db: Database

    init() throws {
        directory = try TemporaryDirectory()
        db = try Database(path: directory.path("tx.db"))
        try db.execute("CREATE TABLE ledger (amount INTEGER NOT NULL)")
    }

    private func amounts() throws -> [Int] {
        try db.query("SELECT amount FROM ledger ORDER BY rowid").map { $0.int("amount") }
    }

    @Test func committedTransactionKeepsItsWritesAndReturnsTheBodyResult() throws {
        let result = try db.transaction {
            try db.run("INSERT INTO ledger (amount) VALUES (?)", 10)
            return "done"
        }
        #expect(result == "done")
        #expect(try amounts() == [10])
        #expect(!db.isInTransaction)
    }

    @Test func throwingBodyRollsBackAndRethrowsItsError() throws {
        #expect(throws: Refusal()) {
            try db.transaction {
                try db.run("INSERT INTO ledger (amount) VALUES (?)", 10)
                throw Refusal()
            }
        }
        #expect(try amounts() == [])
        #expect(!db.isInTransaction)
    }

    @Test func failingStatementRollsBackEarlierWrites() throws {
        #expect(throws: DatabaseError.self) {
            try db.transaction(.deferred) {
                try db.run("INSERT INTO ledger (amount) VALUES (?)", 10)
                try db.run("INSERT INTO ledger (amount) VALUES (?)", nil)
            }
        }
        #expect(try amounts() == [])
    }

    @Test func nestedFailureCaughtByOuterBodyUndoesOnlyTheSavepoint() throws {
        try db.transaction {
            try db.run("INSERT INTO ledger (amount) VALUES (?)", 1)
            do {
                try db.transaction {
                    try db.run("INSERT INTO ledger (amount) VALUES (?)", 2)
                    throw Refusal()
                }
            } catch is Refusal {}
            try db.transaction {
                try db.run("INSERT INTO ledger (amount) VALUES (?)", 3)
            }
        }
        #expect(try amounts() == [1, 3])
    }

    @Test func outerRollbackUndoesReleasedSavepoints() throws {
        #expect(throws: Refusal()) {
            try db.transaction {
                try db.transaction {
                    try db.run("INSERT INTO ledger (amount) VALUES (?)", 2)
                }
                throw Refusal()
            }
        }
        #expect(try amounts() == [])
    }

    @Test func otherConnectionSeesNothingBeforeCommit() throws {
        let reader = try Database(path: directory.path("tx.db"))
        try db.transaction {
            try db.run("INSERT INTO ledger (amount) VALUES (?)", 5)
            #expect(try reader.queryOne("SELECT count(*) FROM ledger")?.int(0) == 0)
        }
        #expect(try reader.queryOne("SELECT count(*) FROM ledger")?.int(0) == 1)
    }
}
