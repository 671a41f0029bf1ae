import Foundation
import Testing

@testable import Storage

struct CommitGroupTests {
    struct Refused: Error, Equatable {}

    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = DatabasePool(path: directory.path("group.db")) { db in
            try db.execute(
                """
                CREATE TABLE IF NOT EXISTS parents (id INTEGER PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS saves (
                    value TEXT NOT NULL,
                    parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED
                );
                """)
        }
    }

    /// Runs `first` on one thread; once it is inside its work, `others` on threads of their own, and waits
    /// until they are all queued behind it before letting the first unit finish: two groups, always.
    private func runHeldGroup(
        first: @escaping (Database) throws -> Void, others: [(Database) throws -> Void]
    ) -> [Result<Void, any Error>] {
        let group = pool.commitGroup
        let results = Results(count: others.count + 1)
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let pool = self.pool

        finished.enter()
        Thread.detachNewThread {
            results.set(0) {
                try group.run(on: try pool.connection()) { db in
                    started.signal()
                    let deadline = Date().addingTimeInterval(10)
                    while group.queuedCount < others.count && Date() < deadline { usleep(1000) }
                    try first(db)
                }
            }
            finished.leave()
        }
        started.wait()
        for (offset, work) in others.enumerated() {
            finished.enter()
            Thread.detachNewThread {
                results.set(offset + 1) { try group.run(on: try pool.connection(), work) }
                finished.leave()
            }
        }
        finished.wait()
        return results.values
    }

    private func values() throws -> [String] {
        try pool.withConnection { db in try db.query("SELECT value FROM saves ORDER BY value").map { $0.string(0) } }
    }

    @Test func unitsQueuedDuringACommitShareTheNextOne() throws {
        let others: [(Database) throws -> Void] = (1...8).map { number in
            { db in try db.run("INSERT INTO saves (value) VALUES (?)", "v\(number)") }
        }
        let results = runHeldGroup(
            first: { db in try db.run("INSERT INTO saves (value) VALUES ('v0')") }, others: others)

        for result in results { #expect(throws: Never.self) { try result.get() } }
        #expect(try values() == (0...8).map { "v\($0)" })
        #expect(pool.commitGroup.counts.groups == 2)
        #expect(pool.commitGroup.counts.units == 9)
    }

    /// 16 threads writing 40 units each: every unit is committed once. A lead handed to a thread that is
    /// never woken would leave the others waiting for ever: the test gives up after 30 s.
    @Test func manyThreadsWritingAtOnceAllReturnCommitted() throws {
        let threads = 16
        let unitsEach = 40
        let results = Results(count: threads)
        let finished = DispatchGroup()
        let (pool, group) = (self.pool, pool.commitGroup)
        for thread in 0..<threads {
            finished.enter()
            Thread.detachNewThread {
                results.set(thread) {
                    let db = try pool.connection()
                    for unit in 0..<unitsEach {
                        let value = String(format: "t%02d-%02d", thread, unit)
                        try group.run(on: db) { db in try db.run("INSERT INTO saves (value) VALUES (?)", value) }
                    }
                }
                finished.leave()
            }
        }
        try #require(finished.wait(timeout: .now() + 30) == .success, "a writer was never woken")

        for result in results.values { #expect(throws: Never.self) { try result.get() } }
        let expected = (0..<threads).flatMap { thread in
            (0..<unitsEach).map { String(format: "t%02d-%02d", thread, $0) }
        }
        #expect(try values() == expected)
        #expect(group.counts.units == threads * unitsEach)
        #expect(group.queuedCount == 0)
    }

    @Test func aFailingUnitIsRolledBackAloneAndGetsItsError() throws {
        let others: [(Database) throws -> Void] = [
            { db in try db.run("INSERT INTO saves (value) VALUES ('kept-1')") },
            { db in
                try db.run("INSERT INTO saves (value) VALUES ('undone')")
                throw Refused()
            },
            { db in try db.run("INSERT INTO saves (value) VALUES ('kept-2')") },
        ]
        let results = runHeldGroup(first: { _ in }, others: others)

        #expect(throws: Refused.self) { try results[2].get() }
        for index in [0, 1, 3] { #expect(throws: Never.self) { try results[index].get() } }
        #expect(try values() == ["kept-1", "kept-2"])
    }

    @Test func aFailedCommitFailsEveryUnitOfTheGroupAndKeepsNothing() throws {
        // The deferred foreign key is checked at COMMIT, after every unit's savepoint was released.
        let others: [(Database) throws -> Void] = [
            { db in try db.run("INSERT INTO saves (value) VALUES ('a')") },
            { db in try db.run("INSERT INTO saves (value, parent) VALUES ('orphan', 42)") },
        ]
        let results = runHeldGroup(first: { _ in }, others: others)

        #expect(throws: Never.self) { try results[0].get() }
        #expect(throws: DatabaseError.self) { try results[1].get() }
        #expect(throws: DatabaseError.self) { try results[2].get() }
        #expect(try values().isEmpty)
        // The connection that led the failed group is usable again.
        let value = try pool.commitGroup.run(on: try pool.connection()) { db in
            try db.run("INSERT INTO saves (value) VALUES ('after')")
            return db.lastInsertRowID
        }
        #expect(value > 0)
        #expect(try values() == ["after"])
    }

    @Test func insideATransactionTheCallersCommitDecides() throws {
        let db = try pool.connection()
        do {
            try db.transaction {
                try pool.commitGroup.run(on: db) { db in try db.run("INSERT INTO saves (value) VALUES ('inner')") }
                throw Refused()
            }
        } catch is Refused {}
        #expect(try values().isEmpty)
        #expect(pool.commitGroup.counts.groups == 0)
    }
}

/// Results written by several threads, read once they are all joined.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<Void, any Error>]

    init(count: Int) {
        stored = Array(repeating: .success(()), count: count)
    }

    func set(_ index: Int, _ body: () throws -> Void) {
        let result = Result { try body() }
        lock.lock()
        stored[index] = result
        lock.unlock()
    }

    var values: [Result<Void, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
