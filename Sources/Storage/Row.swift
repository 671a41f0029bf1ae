import Foundation

/// One result row, read by column name or by 0-based index.
///
/// Reading is strict, because a mismatch is a bug in the SQL or the schema,
/// not a runtime condition: asking for a column the query did not select,
/// reading `NULL` through a non-optional reader, or reading a value of
/// another storage class stops the program with a message naming the
/// column, like a failed array bound. The only conversions are INTEGER to
/// `Double`, INTEGER to `Bool` (non-zero is `true`) and INTEGER or REAL
/// milliseconds to `Date`. When two columns share a name (a join selecting
/// two `id`), the name reads the first; alias them in SQL.
public struct Row: Sendable {
    /// The column names of one result, shared by all its rows.
    final class Columns: Sendable {
        /// The names, in order.
        let names: [String]
        /// The first index of each name.
        let positions: [String: Int]

        /// Indexes `names`.
        init(names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            for (index, name) in names.enumerated() where positions[name] == nil {
                positions[name] = index
            }
            self.positions = positions
        }
    }

    private let columns: Columns
    /// The values, in column order.
    public let values: [SQLValue]

    /// A row of `values` in the order of `columns`.
    init(columns: Columns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.names }

    /// Whether the query selected a column of that name.
    public func hasColumn(_ name: String) -> Bool { columns.positions[name] != nil }

    /// The raw value of a column.
    public subscript(_ name: String) -> SQLValue { values[position(of: name)] }

    /// The raw value at a 0-based index.
    public subscript(_ index: Int) -> SQLValue {
        precondition(values.indices.contains(index), "storage: row has no column at index \(index)")
        return values[index]
    }

    private func position(of name: String) -> Int {
        guard let position = columns.positions[name] else {
            preconditionFailure(
                "storage: row has no column '\(name)' (columns: \(columns.names.joined(separator: ", ")))")
        }
        return position
    }

    // MARK: - Decoding

    /// Reads the named column through `convert`; stops the program with `wanted` in the message when it fails.
    func decode<T>(_ name: String, _ wanted: String, _ convert: (SQLValue) -> T?) -> T {
        decode(values[position(of: name)], column: name, wanted, convert)
    }

    /// Reads the column at `index` through `convert`, strictly.
    func decode<T>(_ index: Int, _ wanted: String, _ convert: (SQLValue) -> T?) -> T {
        decode(self[index], column: "#\(index)", wanted, convert)
    }

    /// Reads the named column through `convert`; `nil` for `NULL`.
    func decodeOptional<T>(_ name: String, _ wanted: String, _ convert: (SQLValue) -> T?) -> T? {
        let value = values[position(of: name)]
        return value.isNull ? nil : decode(value, column: name, wanted, convert)
    }

    /// Reads the column at `index` through `convert`; `nil` for `NULL`.
    func decodeOptional<T>(_ index: Int, _ wanted: String, _ convert: (SQLValue) -> T?) -> T? {
        let value = self[index]
        return value.isNull ? nil : decode(value, column: "#\(index)", wanted, convert)
    }

    private func decode<T>(_ value: SQLValue, column: String, _ wanted: String, _ convert: (SQLValue) -> T?) -> T {
        guard let result = convert(value) else {
            preconditionFailure("storage: column '\(column)' holds \(value.typeName), read as \(wanted)")
        }
        return result
    }
}
