import Foundation

/// Typed readers; see `Row` for what is converted and what stops the program.
extension Row {
    /// An INTEGER column as `Int`.
    public func int(_ column: String) -> Int { decode(column, "Int", Row.asInt) }
    /// An INTEGER column as `Int`.
    public func int(_ column: Int) -> Int { decode(column, "Int", Row.asInt) }
    /// An INTEGER column as `Int`, `nil` for `NULL`.
    public func optionalInt(_ column: String) -> Int? { decodeOptional(column, "Int", Row.asInt) }
    /// An INTEGER column as `Int`, `nil` for `NULL`.
    public func optionalInt(_ column: Int) -> Int? { decodeOptional(column, "Int", Row.asInt) }

    /// An INTEGER column.
    public func int64(_ column: String) -> Int64 { decode(column, "Int64", Row.asInt64) }
    /// An INTEGER column.
    public func int64(_ column: Int) -> Int64 { decode(column, "Int64", Row.asInt64) }
    /// An INTEGER column, `nil` for `NULL`.
    public func optionalInt64(_ column: String) -> Int64? { decodeOptional(column, "Int64", Row.asInt64) }
    /// An INTEGER column, `nil` for `NULL`.
    public func optionalInt64(_ column: Int) -> Int64? { decodeOptional(column, "Int64", Row.asInt64) }

    /// A REAL or INTEGER column.
    public func double(_ column: String) -> Double { decode(column, "Double", Row.asDouble) }
    /// A REAL or INTEGER column.
    public func double(_ column: Int) -> Double { decode(column, "Double", Row.asDouble) }
    /// A REAL or INTEGER column, `nil` for `NULL`.
    public func optionalDouble(_ column: String) -> Double? { decodeOptional(column, "Double", Row.asDouble) }
    /// A REAL or INTEGER column, `nil` for `NULL`.
    public func optionalDouble(_ column: Int) -> Double? { decodeOptional(column, "Double", Row.asDouble) }

    /// A TEXT column.
    public func string(_ column: String) -> String { decode(column, "String", Row.asString) }
    /// A TEXT column.
    public func string(_ column: Int) -> String { decode(column, "String", Row.asString) }
    /// A TEXT column, `nil` for `NULL`.
    public func optionalString(_ column: String) -> String? { decodeOptional(column, "String", Row.asString) }
    /// A TEXT column, `nil` for `NULL`.
    public func optionalString(_ column: Int) -> String? { decodeOptional(column, "String", Row.asString) }

    /// An INTEGER column as `Bool`: non-zero is `true`.
    public func bool(_ column: String) -> Bool { decode(column, "Bool", Row.asBool) }
    /// An INTEGER column as `Bool`: non-zero is `true`.
    public func bool(_ column: Int) -> Bool { decode(column, "Bool", Row.asBool) }
    /// An INTEGER column as `Bool`, `nil` for `NULL`.
    public func optionalBool(_ column: String) -> Bool? { decodeOptional(column, "Bool", Row.asBool) }
    /// An INTEGER column as `Bool`, `nil` for `NULL`.
    public func optionalBool(_ column: Int) -> Bool? { decodeOptional(column, "Bool", Row.asBool) }

    /// A BLOB column.
    public func blob(_ column: String) -> [UInt8] { decode(column, "[UInt8]", Row.asBlob) }
    /// A BLOB column.
    public func blob(_ column: Int) -> [UInt8] { decode(column, "[UInt8]", Row.asBlob) }
    /// A BLOB column, `nil` for `NULL`.
    public func optionalBlob(_ column: String) -> [UInt8]? { decodeOptional(column, "[UInt8]", Row.asBlob) }
    /// A BLOB column, `nil` for `NULL`.
    public func optionalBlob(_ column: Int) -> [UInt8]? { decodeOptional(column, "[UInt8]", Row.asBlob) }

    /// A column of epoch milliseconds, as stored by `Date`'s binding.
    public func date(_ column: String) -> Date { decode(column, "Date", Row.asDate) }
    /// A column of epoch milliseconds, as stored by `Date`'s binding.
    public func date(_ column: Int) -> Date { decode(column, "Date", Row.asDate) }
    /// A column of epoch milliseconds, `nil` for `NULL`.
    public func optionalDate(_ column: String) -> Date? { decodeOptional(column, "Date", Row.asDate) }
    /// A column of epoch milliseconds, `nil` for `NULL`.
    public func optionalDate(_ column: Int) -> Date? { decodeOptional(column, "Date", Row.asDate) }

    // MARK: - Conversions

    private static func asInt64(_ value: SQLValue) -> Int64? {
        if case .integer(let number) = value { return number }
        return nil
    }

    private static func asInt(_ value: SQLValue) -> Int? { asInt64(value).map { Int($0) } }

    private static func asBool(_ value: SQLValue) -> Bool? { asInt64(value).map { $0 != 0 } }

    private static func asDouble(_ value: SQLValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .real(let number): number
        default: nil
        }
    }

    private static func asString(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }

    private static func asBlob(_ value: SQLValue) -> [UInt8]? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }

    private static func asDate(_ value: SQLValue) -> Date? {
        switch value {
        case .integer(let milliseconds): Date(sqlMilliseconds: milliseconds)
        case .real(let milliseconds): Date(timeIntervalSince1970: milliseconds / 1000)
        default: nil
        }
    }
}
