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
    /// The stored text of option orders, written for every item of every attempt started.
    static let optionOrderTexts = EncodedJSONCache<OptionOrder>(capacity: 16_384)
    /// The stored text of saved responses: mostly a choice or two among few options.
    static let responseTexts = EncodedJSONCache<AnswerResponse>(capacity: 16_384)
}

/// The stored JSON text of values many rows repeat (option orders: a few permutations per question),
/// encoded once. Bounded: when full, the cache starts over.
final class EncodedJSONCache<Value: Encodable & Hashable & Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var texts: [Value: String] = [:]

    /// Makes an empty cache holding at most `capacity` texts.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// `StoredJSON.encode(value)`, encoded once.
    func text(of value: Value) -> String {
        lock.lock()
        let cached = texts[value]
        lock.unlock()
        if let cached { return cached }

        let text = StoredJSON.encode(value)
        lock.lock()
        if texts.count >= capacity { texts.removeAll(keepingCapacity: true) }
        texts[value] = text
        lock.unlock()
        return text
    }
}
