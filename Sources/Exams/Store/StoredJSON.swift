import Foundation

/// JSON as the exams stores keep it in TEXT columns: sorted keys, so equal values give equal text.
enum StoredJSON {
    /// The text of `value`.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The stored types hold only strings, numbers, booleans and collections: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The value stored as `text`.
    ///
    /// - Throws: `ExamStoreError` naming `operation`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw ExamStoreError(operation: operation, reason: "\(error)")
        }
    }
}

/// Epoch milliseconds, the unit of every time column of the exams tables.
enum Milliseconds {
    /// `date` in milliseconds since 1970, rounded to the nearest.
    static func of(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The date `milliseconds` after 1970.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
