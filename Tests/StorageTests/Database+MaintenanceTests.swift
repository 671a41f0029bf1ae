import Foundation
import Testing

@testable import Storage

struct DatabaseMaintenanceTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func backupWhileAnotherConnectionWritesIsCompleteAndSound() throws {
        let path = directory.path("live.db")
        let db = try Database(path: path)
        try db.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        try db.transaction {
            for index in 0..<2000 {
                try db.run("INSERT INTO answers (text) VALUES (?)", String(repeating: "réponse \(index) ", count: 8))
            }
        }

        let writerStarted = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        let writerError = ErrorBox()
        let writer = Thread {
            defer { writerDone.signal() }
            do {
                let other = try Database(path: path)
                for index in 0..<200 {
                    try other.run("INSERT INTO answers (text) VALUES (?)", "pendant \(index)")
                    if index == 0 { writerStarted.signal() }
                }
            } catch {
                writerError.error = error
                writerStarted.signal()
            }
        }
        writer.start()
        writerStarted.wait()

        let backupPath = directory.path("copy.db")
        try db.backup(to: backupPath)
        writerDone.wait()
        #expect(writerError.error == nil)

        let copy = try Database(path: backupPath)
        let count = try #require(try copy.queryOne("SELECT count(*) AS n FROM answers")).int("n")
        #expect(count >= 2001)
        #expect(count <= 2200)
        #expect(try copy.integrityCheck() == [])
        #expect(try db.queryOne("SELECT count(*) FROM answers")?.int(0) == 2200)
    }

    @Test func backupIntoUnwritablePlaceThrows() throws {
        let db = try Database(path: directory.path("a.db"))
        let error = try #require(throws: DatabaseError.self) {
            try db.backup(to: directory.path("missing/dir/b.db"))
        }
        #expect(error.operation == "opening backup \(directory.path("missing/dir/b.db"))")
    }

    @Test func integrityCheckOfSoundDatabaseIsEmpty() throws {
        let db = try Database(path: directory.path("sound.db"))
        try db.execute("CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1), (2);")
        #expect(try db.integrityCheck() == [])
    }
}

/// Carries an error out of a thread; read only after the thread signalled.
final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}
