/// One SQLite value, as bound to a parameter or read from a column.
///
/// These are SQLite's five storage classes; see
/// <https://www.sqlite.org/datatype3.html>.
public enum SQLValue: Equatable, Hashable, Sendable {
    /// SQL `NULL`.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// Whether this is SQL `NULL`.
    public var isNull: Bool { self == .null }

    /// The storage class name, as used in programming-error messages.
    var typeName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
