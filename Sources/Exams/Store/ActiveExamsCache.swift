import Foundation

/// The active exams of each track at the last bank revision read, shared by every thread
/// (see `ExamStore.activeBlueprints`).
final class ActiveExamsCache: @unchecked Sendable {
    /// Which database, at which revision, for which track (nil: all).
    struct Key: Hashable {
        var database: String
        var revision: Int64
        var track: Track?
    }

    private let lock = NSLock()
    private var entries: [Key: [Blueprint]] = [:]

    /// The blueprints read at `key`, if kept.
    func blueprints(_ key: Key) -> [Blueprint]? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    /// Keeps `blueprints` for `key`; entries of other revisions go (tests open many databases: they stay few).
    func store(_ blueprints: [Blueprint], _ key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= 64 { entries.removeAll(keepingCapacity: true) }
        entries = entries.filter { $0.key.database != key.database || $0.key.revision == key.revision }
        entries[key] = blueprints
    }

    /// The cache of the process.
    static let shared = ActiveExamsCache()
}
