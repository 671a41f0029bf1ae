import Foundation

/// Values decoded from stored JSON that many requests read unchanged: question versions and blueprints.
///
/// Keyed by the JSON text itself, so a row whose text changes (a new version, a metadata update, an
/// edited blueprint) is simply a miss and the old entry is never served for it. The values are immutable
/// `Sendable` structs shared by every thread. Bounded: when full, the cache starts over.
final class DecodedJSONCache<Value: Decodable & Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// Makes an empty cache holding at most `capacity` values.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value stored as `text`, decoded once.
    ///
    /// - Throws: `ExamStoreError` naming `operation`, as `StoredJSON.decode`.
    func value(of text: String, operation: @autoclosure () -> String) throws -> Value {
        lock.lock()
        let cached = values[Key(text: text)]
        lock.unlock()
        if let cached { return cached }

        let decoded = try StoredJSON.decode(Value.self, from: text, operation: operation())
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[Key(text: text)] = decoded
        lock.unlock()
        return decoded
    }
}

/// A JSON text as a dictionary key, hashed and compared as UTF-8 bytes: `String`'s own hashing normalizes
/// Unicode first, which costs more than it saves on long accented French texts.
private struct Key: Hashable {
    var text: String

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (left: Key, right: Key) -> Bool {
        var left = left.text
        var right = right.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count else { return false }
                guard let x = a.baseAddress, let y = b.baseAddress else { return true }
                return memcmp(x, y, a.count) == 0
            }
        }
    }
}

extension StoredJSON {
    /// Question versions read by exam pages, saves and results.
    static let questions = DecodedJSONCache<Question>(capacity: 4096)
    /// Exam blueprints, from the `exams` table and copied into each attempt.
    static let blueprints = DecodedJSONCache<Blueprint>(capacity: 256)
    /// Option orders of drawn items: a few permutations per question, read for every item of every page.
    static let optionOrders = DecodedJSONCache<OptionOrder>(capacity: 16_384)
    /// Saved responses: mostly a choice or two among few options, read for every item of every page.
    static let responses = DecodedJSONCache<AnswerResponse>(capacity: 16_384)
}
