import CSQLite

/// One prepared statement, owned by its `Database` and finalized in `deinit`.
///
/// Kept in the connection's cache and reused: after each use it is reset and
/// its bindings cleared, so no value outlives the call that bound it.
final class Statement {
    /// The `sqlite3_stmt`.
    let handle: OpaquePointer
    /// The text it was prepared from, for errors.
    let sql: String
    /// Whether a call is stepping it; a busy cached statement is not reused.
    var isBusy = false
    private let connection: OpaquePointer

    /// Prepares `sql`, which must hold exactly one statement; `persistent` for statements kept in the cache.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        // The tail points into the C copy of `sql`, so it is read while that copy is alive.
        let (code, hasTrailingStatement) = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &statement, &tail)
            let trailing = tail.map { String(cString: $0).contains(where: { !$0.isWhitespace }) } ?? false
            return (code, trailing)
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw DatabaseError(connection: connection, code: code, sql: sql, operation: "preparing statement")
        }
        guard let statement else {
            throw DatabaseError(
                resultCode: SQLITE_MISUSE, message: "no SQL statement in text", sql: sql,
                operation: "preparing statement")
        }
        if hasTrailingStatement {
            sqlite3_finalize(statement)
            throw DatabaseError(
                resultCode: SQLITE_MISUSE, message: "more than one statement; use execute(_:) for scripts",
                sql: sql, operation: "preparing statement")
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `parameters` in order to `?` placeholders (1-based in SQLite).
    func bind(_ parameters: [(any SQLBindable)?]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == parameters.count else {
            throw DatabaseError(
                resultCode: SQLITE_RANGE,
                message: "statement expects \(expected) parameters, \(parameters.count) given",
                sql: sql, operation: "binding parameters")
        }
        for (offset, parameter) in parameters.enumerated() {
            let code = bind(parameter?.sqlValue ?? .null, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw error(code, "binding parameter \(offset + 1)")
            }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            var text = text
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
                let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text64(
                    handle, index, characters, UInt64(bytes.count), sqliteTransient, UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, UInt64(buffer.count), sqliteTransient)
            }
        }
    }

    /// Advances one row: `true` when a row is ready, `false` when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code, "running statement")
        }
    }

    /// The column names of the current result, shared by all its rows and kept for the next use.
    ///
    /// SQLite re-prepares a statement whose schema changed; a new column count reads the names again.
    func columns() -> Row.Columns {
        let count = Int(sqlite3_column_count(handle))
        if let cachedColumns, cachedColumns.names.count == count { return cachedColumns }
        let names = (0..<count).map { index in
            sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
        }
        let columns = Row.Columns(names: names)
        cachedColumns = columns
        return columns
    }

    private var cachedColumns: Row.Columns?

    /// Reads the current row.
    func row(_ columns: Row.Columns) -> Row {
        let values = (0..<columns.names.count).map { value(at: Int32($0)) }
        return Row(columns: columns, values: values)
    }

    private func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let characters = sqlite3_column_text(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let characters else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// Makes the statement ready for its next use and forgets the bound values.
    ///
    /// `sqlite3_reset` repeats the last step's error, already reported, so
    /// its result is deliberately not turned into a second error here.
    func reset() {
        _ = sqlite3_reset(handle)
        _ = sqlite3_clear_bindings(handle)
        isBusy = false
    }

    private func error(_ code: Int32, _ operation: String) -> DatabaseError {
        DatabaseError(connection: connection, code: code, sql: sql, operation: operation)
    }
}

/// SQLite copies the bytes before the bind call returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
