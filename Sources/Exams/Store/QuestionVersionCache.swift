import Foundation

/// Decoded question versions shared by every thread, keyed by database instance, id and version and
/// checked by the row's `body_revision`, so a page reads one small integer per item instead of the body.
///
/// A version's body only changes through `QuestionStore.updateMetadata`, which raises the revision: an
/// entry whose revision differs from the row's is a miss and is replaced. Bounded: when full, it starts
/// over.
final class QuestionVersionCache: @unchecked Sendable {
    private struct Key: Hashable {
        var database: String
        var id: String
        var version: Int
    }

    private let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (revision: Int, question: Question)] = [:]

    /// Makes an empty cache holding at most `capacity` versions.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The cached content of `id` at `version` in database `database`, if it was stored at `revision`.
    func question(database: String, id: String, version: Int, revision: Int) -> Question? {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(database: database, id: id, version: version)
        guard let entry = entries[key], entry.revision == revision else { return nil }
        return entry.question
    }

    /// Keeps `question` as the content of `id` at `version`, revision `revision`, in database `database`.
    func store(_ question: Question, database: String, id: String, version: Int, revision: Int) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[Key(database: database, id: id, version: version)] = (revision, question)
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
