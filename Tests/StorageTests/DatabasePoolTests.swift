import Foundation
import Testing

@testable import Storage

struct DatabasePoolTests {
    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = DatabasePool(path: directory.path("pool.db")) { db in
            try db.execute("CREATE TABLE IF NOT EXISTS visits (thread TEXT)")
        }
    }

    /// Runs `body` on a new POSIX thread and joins it, so its thread-local destructors have run.
    private func onJoinedThread(_ body: @escaping () -> Void) throws {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
                return nil
            }, context)
        try #require(created == 0)
        try #require(pthread_join(thread, nil) == 0)
    }

    @Test func sameThreadGetsTheSameConnection() throws {
        let first = try pool.connection()
        let second = try pool.connection()
        #expect(first === second)
        #expect(try pool.withConnection { $0 } === first)
        #expect(pool.openConnectionCount == 1)
    }

    @Test func distinctThreadsGetDistinctConnections() throws {
        let mine = try pool.connection()
        let pool = self.pool
        let identities = IdentityBox()
        let bothHold = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)

        for _ in 0..<2 {
            Thread {
                let db = try? pool.connection()
                try? db?.run("INSERT INTO visits (thread) VALUES (?)", "worker")
                identities.append(db.map { ObjectIdentifier($0) })
                bothHold.signal()
                release.wait()
                finished.signal()
            }.start()
        }
        bothHold.wait()
        bothHold.wait()
        let seen = identities.values
        let openWhileHeld = pool.openConnectionCount
        release.signal()
        release.signal()
        finished.wait()
        finished.wait()

        #expect(seen.count == 2)
        #expect(seen.allSatisfy { $0 != nil })
        #expect(Set(seen.compactMap { $0 }).count == 2)
        #expect(!seen.contains(ObjectIdentifier(mine)))
        #expect(openWhileHeld == 3)
        #expect(try mine.queryOne("SELECT count(*) FROM visits")?.int(0) == 2)
    }

    @Test func connectionOfAnEndedThreadIsClosed() throws {
        let pool = self.pool
        let opened = IdentityBox()
        try onJoinedThread {
            opened.append((try? pool.connection()).map { ObjectIdentifier($0) })
        }

        #expect(opened.values.count == 1 && opened.values[0] != nil)
        #expect(pool.openConnectionCount == 0)
    }

    @Test func closeAllClosesEveryConnectionAndLaterRequestsThrow() throws {
        let mine = try pool.connection()
        let pool = self.pool
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let workerDatabase = DatabaseBox()
        Thread {
            workerDatabase.database = try? pool.connection()
            held.signal()
            release.wait()
            finished.signal()
        }.start()
        held.wait()

        pool.closeAll()
        release.signal()
        finished.wait()
        pool.closeAll()

        #expect(!mine.isOpen)
        #expect(workerDatabase.database?.isOpen == false)
        #expect(pool.openConnectionCount == 0)
        let error = try #require(throws: DatabaseError.self) { try pool.connection() }
        #expect(error.message == "pool for \(directory.path("pool.db")) is closed")
    }

    @Test func failingSetupIsReportedAndNothingStaysOpen() throws {
        let broken = DatabasePool(path: directory.path("broken.db")) { db in
            try db.execute("CREATE TABLE")
        }
        #expect(throws: DatabaseError.self) { try broken.connection() }
        #expect(broken.openConnectionCount == 0)
    }
}

/// Collects connection identities from several threads.
final class IdentityBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ObjectIdentifier?] = []

    func append(_ value: ObjectIdentifier?) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [ObjectIdentifier?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// Carries a connection out of a thread; read only after the thread signalled.
final class DatabaseBox: @unchecked Sendable {
    var database: Database?
}

/// A closure handed to `pthread_create` through its context pointer.
final class ThreadBody {
    let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }
}
