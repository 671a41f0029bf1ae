import Foundation

/// Decoded question versions shared by every thread, keyed by id and version and checked by the row's
/// `body_revision`, so a page reads one small integer per item instead of the whole body.
///
/// A version's body only changes through `QuestionStore.updateMetadata`, which raises the revision: an
/// entry whose revision differs from the row's is a miss and is replaced. Bounded: when full, it starts
/// over.
final class QuestionVersionCache: @unchecked Sendable {
    private struct Key: Hashable {
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

    /// The cached content of `id` at `version`, if it was stored at `revision`.
    func question(id: String, version: Int, revision: Int) -> Question? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[Key(id: id, version: version)], entry.revision == revision else { return nil }
        return entry.question
    }

    /// Keeps `question` as the content of `id` at `version`, revision `revision`.
    func store(_ question: Question, id: String, version: Int, revision: Int) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[Key(id: id, version: version)] = (revision, question)
    }

    /// The cache of the process.
    static let shared = QuestionVersionCache(capacity: 32_768)
}
