import Foundation

/// Decoded question versions shared by every thread, keyed by database instance, id and version.
///
/// A version's body only changes through `QuestionStore.updateMetadata`, which raises the row's
/// `body_revision`; any change to the questions table also raises the database's bank revision (triggers on
/// `questions`). An entry remembers both. While the bank revision is the one it was checked at, the entry is
/// good without reading the question's row: on a database of 20,000 questions those rows are spread over
/// thousands of pages, and reading one per item of every page sent most reads past SQLite's page cache.
/// After an import, the row's `body_revision` decides, as before. Bounded: when full, it starts over.
final class QuestionVersionCache: @unchecked Sendable {
    private struct Key: Hashable {
        var database: String
        var id: String
        var version: Int
    }

    private struct Entry {
        var bodyRevision: Int
        var bankRevision: Int64
        var question: Question
    }

    private let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// Makes an empty cache holding at most `capacity` versions.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The cached content of `id` at `version` in database `database`, if it was last checked at bank
    /// revision `bankRevision`.
    func question(database: String, id: String, version: Int, bankRevision: Int64) -> Question? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[Key(database: database, id: id, version: version)],
            entry.bankRevision == bankRevision
        else { return nil }
        return entry.question
    }

    /// The cached content of `id` at `version`, if it was stored at body revision `bodyRevision`; the entry is
    /// then good at bank revision `bankRevision` too.
    func question(database: String, id: String, version: Int, bodyRevision: Int, bankRevision: Int64) -> Question? {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(database: database, id: id, version: version)
        guard var entry = entries[key], entry.bodyRevision == bodyRevision else { return nil }
        entry.bankRevision = bankRevision
        entries[key] = entry
        return entry.question
    }

    /// Keeps `question` as the content of `id` at `version`, body revision `bodyRevision`, read at bank
    /// revision `bankRevision` of database `database`.
    func store(
        _ question: Question, database: String, id: String, version: Int, bodyRevision: Int, bankRevision: Int64
    ) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        let entry = Entry(bodyRevision: bodyRevision, bankRevision: bankRevision, question: question)
        entries[Key(database: database, id: id, version: version)] = entry
    }

    /// The cache of the process.
    static let shared = QuestionVersionCache(capacity: 32_768)
}

/// The draw pool of the last bank revision read, shared by every thread (see `QuestionStore.drawPool`).
final class DrawPoolCache: @unchecked Sendable {
    typealias Pool = [(candidate: QuestionDraw.Candidate, version: Int)]

    /// Which database, at which revision of its questions.
    struct Key: Equatable {
        var database: String
        var revision: Int64
    }

    private let lock = NSLock()
    private var key: Key?
    private var cached: Pool = []

    /// The pool read at `key`, if that is the one kept.
    func pool(_ key: Key) -> Pool? {
        lock.lock()
        defer { lock.unlock() }
        return self.key == key ? cached : nil
    }

    /// Keeps `pool` as the pool of `key`.
    func store(_ pool: Pool, _ key: Key) {
        lock.lock()
        defer { lock.unlock() }
        self.key = key
        cached = pool
    }

    /// The cache of the process.
    static let shared = DrawPoolCache()
}
