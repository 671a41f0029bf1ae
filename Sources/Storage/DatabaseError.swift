import CSQLite

/// The one error type of `Storage`: a failed SQLite call.
///
/// It carries SQLite's result codes and message, the SQL text and what was
/// being done, but never the bound values, which may be passwords, e-mail
/// addresses or exam answers.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary result code (`SQLITE_CONSTRAINT` = 19, ...).
    public let resultCode: Int32
    /// SQLite's extended result code (`Extended.unique` = 2067, ...).
    public let extendedCode: Int32
    /// SQLite's message, e.g. `UNIQUE constraint failed: users.email`.
    public let message: String
    /// The SQL being prepared or run, if any.
    public let sql: String?
    /// What was being done, e.g. `running statement`.
    public let operation: String

    /// Creates an error; `extendedCode` defaults to `resultCode`.
    public init(resultCode: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil, operation: String) {
        self.resultCode = resultCode
        self.extendedCode = extendedCode ?? resultCode
        self.message = message
        self.sql = sql
        self.operation = operation
    }

    /// Builds an error from the connection's last error.
    init(connection: OpaquePointer?, code: Int32, sql: String?, operation: String) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(
            resultCode: code & 0xFF,
            extendedCode: connection.map { sqlite3_extended_errcode($0) } ?? code,
            message: message ?? String(cString: sqlite3_errstr(code)),
            sql: sql,
            operation: operation)
    }

    /// Any constraint failed: UNIQUE, PRIMARY KEY, NOT NULL, CHECK, FOREIGN KEY.
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    /// A UNIQUE or PRIMARY KEY constraint failed (a duplicate).
    public var isUniqueViolation: Bool {
        extendedCode == Extended.unique || extendedCode == Extended.primaryKey
    }

    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyViolation: Bool { extendedCode == Extended.foreignKey }

    /// A NOT NULL constraint failed.
    public var isNotNullViolation: Bool { extendedCode == Extended.notNull }

    /// A CHECK constraint failed.
    public var isCheckViolation: Bool { extendedCode == Extended.check }

    /// The database stayed locked by another connection past the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    /// The `table.column` names of a failed UNIQUE constraint, in order.
    ///
    /// Lets a caller tell which of several unique columns was taken, e.g.
    /// `["users.email"]`. Empty for any other error.
    public var uniqueColumns: [String] {
        let prefix = "UNIQUE constraint failed: "
        guard isUniqueViolation, message.hasPrefix(prefix) else { return [] }
        return message.dropFirst(prefix.count).split(separator: ",").map {
            $0.trimmingCharacters(in: " ")
        }
    }

    /// `storage: <operation> failed: <message> (code c/e) [sql: ...]`.
    public var description: String {
        var text = "storage: \(operation) failed: \(message) (code \(resultCode)/\(extendedCode))"
        if let sql { text += " [sql: \(sql)]" }
        return text
    }
}

/// SQLite's extended constraint codes, which Swift does not import from the
/// header's macros: `SQLITE_CONSTRAINT | (n << 8)`.
private enum Extended {
    static let check = SQLITE_CONSTRAINT | (1 << 8)
    static let foreignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let notNull = SQLITE_CONSTRAINT | (5 << 8)
    static let primaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let unique = SQLITE_CONSTRAINT | (8 << 8)
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
