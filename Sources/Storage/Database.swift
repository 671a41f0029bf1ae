import CSQLite
import Logging

/// One SQLite connection, for use by one thread at a time.
///
/// Statements are prepared once per SQL text and cached; parameters are
/// always bound, never spliced into the SQL:
///
/// ```swift
/// let db = try Database(path: "data/lesocial.db")
/// try db.run("INSERT INTO users (email) VALUES (?)", email)
/// let user = try db.queryOne("SELECT id FROM users WHERE email = ?", email)
/// ```
///
/// The connection is opened without SQLite's own mutex (`NOMUTEX`): give
/// each thread its own, e.g. through `DatabasePool`. See
/// <https://www.sqlite.org/c3ref/open.html>.
public final class Database {
    /// The file path, or `:memory:`.
    public let path: String
    /// The settings applied at open.
    public let options: Options
    /// The `sqlite3` handle; `nil` once closed.
    private(set) var connectionHandle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    /// How many `transaction` calls are running; above 0, new ones are savepoints.
    var transactionDepth = 0
    /// Taken around outermost write transactions when set (by `DatabasePool`, shared by its connections), so
    /// this process's writers queue on a mutex instead of SQLite's busy handler, which sleeps 1, 2, 5, 10…
    /// milliseconds between retries.
    var writeGate: WriteGate?
    /// Where open, close, backup and rollback failures are logged.
    let logger: Logger

    /// Opens (creating if needed) the database at `path`, `:memory:` for a private in-memory one.
    public init(path: String, options: Options = Options(), logger: Logger = Logger(label: "storage")) throws {
        self.path = path
        self.options = options
        self.logger = logger

        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(
                connection: connection, code: code, sql: nil, operation: "opening database \(path)")
            sqlite3_close_v2(connection)
            throw error
        }
        connectionHandle = connection

        try configure(connection)
        logger.debug("database opened", [("path", path)])
    }

    deinit {
        close()
    }

    private func configure(_ connection: OpaquePointer) throws {
        try check(sqlite3_extended_result_codes(connection, 1), "enabling extended result codes")
        try check(sqlite3_busy_timeout(connection, options.busyTimeoutMilliseconds), "setting busy timeout")
        try execute("PRAGMA foreign_keys = \(options.foreignKeys ? "ON" : "OFF")")
        if options.walMode && path != ":memory:" && !path.isEmpty {
            let mode = try queryOne("PRAGMA journal_mode = WAL")?.string(0)
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(
                    resultCode: SQLITE_ERROR, message: "journal mode stayed \(mode ?? "unknown")",
                    sql: "PRAGMA journal_mode = WAL", operation: "enabling WAL")
            }
        }
        try execute("PRAGMA synchronous = \(options.synchronous.rawValue)")
    }

    /// Whether the connection is still open.
    public var isOpen: Bool { connectionHandle != nil }

    /// Finalizes the cached statements and closes the connection; later calls throw.
    ///
    /// Safe to call twice. In WAL mode the last connection to close
    /// checkpoints the log into the main file.
    public func close() {
        guard let connection = connectionHandle else { return }
        statements.removeAll()
        connectionHandle = nil
        let code = sqlite3_close_v2(connection)
        if code != SQLITE_OK {
            logger.error("database close failed", [("path", path), ("code", "\(code)")])
        }
    }

    /// The rowid of the last row inserted by this connection.
    public var lastInsertRowID: Int64 {
        connectionHandle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int {
        connectionHandle.map { Int(sqlite3_changes($0)) } ?? 0
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        connectionHandle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    // MARK: - Running SQL

    /// Runs a script of one or more statements without parameters: migrations, pragmas.
    ///
    /// Never build such a script from user input; use `run` with parameters.
    public func execute(_ sql: String) throws {
        let connection = try openConnection(sql: sql)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: code & 0xFF, extendedCode: sqlite3_extended_errcode(connection),
                message: message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code)),
                sql: sql, operation: "executing script")
        }
    }

    /// Runs one statement with `?` parameters, discarding any rows.
    public func run(_ sql: String, _ parameters: (any SQLBindable)?...) throws {
        try run(sql, parameters: parameters)
    }

    /// Runs one statement with `?` parameters, discarding any rows.
    public func run(_ sql: String, parameters: [(any SQLBindable)?]) throws {
        try withStatement(sql, parameters) { statement in
            while try statement.step() {}
        }
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, _ parameters: (any SQLBindable)?...) throws -> [Row] {
        try query(sql, parameters: parameters)
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, parameters: [(any SQLBindable)?]) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, parameters: parameters) { rows.append($0) }
        return rows
    }

    /// Runs a query and returns its first row, or `nil` when it has none.
    public func queryOne(_ sql: String, _ parameters: (any SQLBindable)?...) throws -> Row? {
        try queryOne(sql, parameters: parameters)
    }

    /// Runs a query and returns its first row, or `nil` when it has none.
    public func queryOne(_ sql: String, parameters: [(any SQLBindable)?]) throws -> Row? {
        try withStatement(sql, parameters) { statement in
            try statement.step() ? statement.row(statement.columns()) : nil
        }
    }

    /// Runs a query and hands each row to `body` as it is read, without collecting them.
    ///
    /// `body` may run other statements on this connection, even the same SQL.
    public func forEach(_ sql: String, _ parameters: (any SQLBindable)?..., body: (Row) throws -> Void) throws {
        try forEach(sql, parameters: parameters, body: body)
    }

    /// Runs a query and hands each row to `body` as it is read, without collecting them.
    public func forEach(_ sql: String, parameters: [(any SQLBindable)?], body: (Row) throws -> Void) throws {
        try withStatement(sql, parameters) { statement in
            let columns = statement.columns()
            while try statement.step() {
                try body(statement.row(columns))
            }
        }
    }

    // MARK: - Statements

    /// Number of statements in the cache; for tests.
    var cachedStatementCount: Int { statements.count }

    /// Lends `body` a prepared statement with `parameters` bound, then resets it.
    ///
    /// The cached statement for `sql` is used unless a caller up the stack is
    /// still stepping it; then a one-off statement is prepared.
    private func withStatement<T>(
        _ sql: String, _ parameters: [(any SQLBindable)?], _ body: (Statement) throws -> T
    ) throws -> T {
        let statement = try statement(for: sql)
        statement.isBusy = true
        defer { statement.reset() }

        try statement.bind(parameters)
        return try body(statement)
    }

    private func statement(for sql: String) throws -> Statement {
        let connection = try openConnection(sql: sql)
        if let cached = statements[sql] {
            if !cached.isBusy { return cached }
            return try Statement(connection: connection, sql: sql, persistent: false)
        }
        if statements.count >= options.statementCacheCapacity {
            statements = statements.filter { $0.value.isBusy }
        }
        let statement = try Statement(connection: connection, sql: sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// The open handle, or the error of a closed connection.
    func openConnection(sql: String?) throws -> OpaquePointer {
        guard let connectionHandle else {
            throw DatabaseError(
                resultCode: SQLITE_MISUSE, message: "database \(path) is closed", sql: sql,
                operation: "using connection")
        }
        return connectionHandle
    }

    /// Turns a failed C call's code into a `DatabaseError`.
    func check(_ code: Int32, _ operation: String, sql: String? = nil) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(connection: connectionHandle, code: code, sql: sql, operation: operation)
        }
    }
}
