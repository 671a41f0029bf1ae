import Foundation

/// A Swift value that can be bound to a statement parameter.
///
/// `Bool` is stored as the integer 0 or 1. `Date` is stored as an INTEGER
/// holding **milliseconds** since 1970-01-01T00:00:00Z, rounded to the nearest,
/// so a date read back and bound again keeps its value, and SQL
/// compares dates as numbers (`unixepoch('now') * 1000` is "now" in SQL).
/// `nil`, or any `Optional` holding `nil`, binds SQL `NULL`.
public protocol SQLBindable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    /// The value itself.
    public var sqlValue: SQLValue { self }
}

extension Int: SQLBindable {
    /// An INTEGER.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    /// An INTEGER.
    public var sqlValue: SQLValue { .integer(self) }
}

extension Double: SQLBindable {
    /// A REAL.
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
    /// A TEXT, in UTF-8.
    public var sqlValue: SQLValue { .text(self) }
}

extension Bool: SQLBindable {
    /// The INTEGER 1 for `true`, 0 for `false`.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// A BLOB.
    public var sqlValue: SQLValue { .blob(self) }
}

extension Data: SQLBindable {
    /// A BLOB.
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
}

extension Date: SQLBindable {
    /// An INTEGER: milliseconds since the Unix epoch, rounded to the nearest.
    public var sqlValue: SQLValue { .integer(Date.sqlMilliseconds(self)) }

    /// Milliseconds since the epoch, rounded to the nearest.
    static func sqlMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date `sqlMilliseconds` after the epoch.
    init(sqlMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(sqlMilliseconds) / 1000)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// The wrapped value, or `NULL`.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
