import CSQLite
import Foundation
import Logging

/// Hands each thread its own connection to one database file.
///
/// A `Database` is used by one thread at a time, and the server's request
/// threads and job threads each need one, so the pool keeps a connection per
/// thread in thread-local storage, opened on first use. When a thread ends,
/// its connection is closed. At shutdown, once the worker threads have
/// stopped, `closeAll()` closes whatever is left.
public final class DatabasePool: @unchecked Sendable {
    /// The database file.
    public let path: String
    private let options: Database.Options
    private let logger: Logger
    private let setup: (Database) throws -> Void
    private var key = pthread_key_t()
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: Database] = [:]
    private var isClosed = false
    private let writeGate = WriteGate()
    /// Where small writes from many threads share one commit (answer saves).
    public let commitGroup = CommitGroup()

    /// Creates a pool; `setup` runs once on each new connection (functions, extra pragmas).
    ///
    /// No connection is opened until a thread asks for one.
    public init(
        path: String,
        options: Database.Options = Database.Options(),
        logger: Logger = Logger(label: "storage"),
        setup: @escaping (Database) throws -> Void = { _ in }
    ) {
        self.path = path
        self.options = options
        self.logger = logger
        self.setup = setup
        let code = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadConnection>.fromOpaque(pointer).takeRetainedValue().threadDidEnd()
        }
        precondition(code == 0, "storage: pthread_key_create failed with \(code); the process is out of thread keys")
    }

    deinit {
        closeAll()
        // Threads still alive keep a small closed box each; no destructor can run once the key is gone.
        let code = pthread_key_delete(key)
        if code != 0 {
            logger.error("database pool key delete failed", [("path", path), ("code", "\(code)")])
        }
    }

    /// The calling thread's connection, opened on first call.
    ///
    /// Throws when it cannot be opened or set up, and after `closeAll()`.
    public func connection() throws -> Database {
        if let pointer = pthread_getspecific(key) {
            let database = Unmanaged<ThreadConnection>.fromOpaque(pointer).takeUnretainedValue().database
            if database.isOpen { return database }
            throw closedError()
        }

        let database = try Database(path: path, options: options, logger: logger)
        database.writeGate = writeGate
        try setup(database)

        lock.lock()
        let closed = isClosed
        if !closed { connections[ObjectIdentifier(database)] = database }
        lock.unlock()
        guard !closed else {
            database.close()
            throw closedError()
        }

        let box = ThreadConnection(database: database, pool: self)
        let code = pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
        guard code == 0 else {
            Unmanaged.passUnretained(box).release()
            forget(database)
            throw DatabaseError(
                resultCode: SQLITE_ERROR, message: "pthread_setspecific failed with \(code)", sql: nil,
                operation: "storing pool connection")
        }
        return database
    }

    /// Runs `body` with the calling thread's connection.
    public func withConnection<T>(_ body: (Database) throws -> T) throws -> T {
        try body(connection())
    }

    /// How many connections are open; for metrics and tests.
    public var openConnectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections.count
    }

    /// Closes every connection the pool opened; later `connection()` calls throw.
    ///
    /// Call it once the threads using the pool have stopped: closing a
    /// connection while its thread runs a statement is a bug. Safe to call
    /// twice, and after those threads have ended.
    public func closeAll() {
        lock.lock()
        isClosed = true
        let closing = Array(connections.values)
        connections.removeAll()
        lock.unlock()

        for database in closing {
            database.close()
        }
        if !closing.isEmpty {
            logger.info("database pool closed", [("path", path), ("connections", "\(closing.count)")])
        }
    }

    /// Closes a connection whose thread ended, unless `closeAll` already took it.
    fileprivate func forget(_ database: Database) {
        lock.lock()
        let owned = connections.removeValue(forKey: ObjectIdentifier(database)) != nil
        lock.unlock()
        if owned { database.close() }
    }

    private func closedError() -> DatabaseError {
        DatabaseError(
            resultCode: SQLITE_MISUSE, message: "pool for \(path) is closed", sql: nil,
            operation: "getting pool connection")
    }
}

/// What a thread's slot holds: its connection and the way back to the pool.
private final class ThreadConnection {
    let database: Database
    weak var pool: DatabasePool?

    init(database: Database, pool: DatabasePool) {
        self.database = database
        self.pool = pool
    }

    func threadDidEnd() {
        if let pool {
            pool.forget(database)
        } else {
            database.close()
        }
    }
}
