import Foundation

/// Runs small write units from many threads in shared transactions, so one commit (one `fsync` under
/// `synchronous = FULL`) makes a whole group durable: group commit.
///
/// A thread hands its unit to `run(on:_:)` and waits. If no thread is committing, it becomes the leader:
/// it takes every unit queued so far, runs each in its own SAVEPOINT inside one write transaction on its
/// own connection, commits, and hands every thread its unit's result. Units queued meanwhile form the
/// next group, led by the thread of the first of them. Each waiting thread sleeps on its own semaphore
/// and is woken once, when its unit is committed or when it is handed the lead: under load a broadcast
/// woke every waiting thread after each commit, and most only went back to sleep after fighting for the
/// lock. A unit that throws is rolled back alone and its thread gets the error; a failed commit
/// fails every unit of the group, and none of their work is kept. A unit returns only once its work is
/// committed, so an acknowledgement sent after `run` returns is never lost.
///
/// Units run on the leader's connection: they must use the `Database` they are given, nothing captured.
public final class CommitGroup: @unchecked Sendable {
    private final class Unit {
        let work: (Database) throws -> Void
        var error: (any Error)?
        var isDone = false
        /// Signalled once: when the unit is committed, or when its thread is to lead the next group.
        let wake = DispatchSemaphore(value: 0)

        init(work: @escaping (Database) throws -> Void) {
            self.work = work
        }
    }

    private let condition = NSCondition()
    private var queued: [Unit] = []
    private var isCommitting = false
    private var groups = 0
    private var units = 0
    /// Sizes of the last two groups: how many writers were about, the group a leader waits for.
    private var recentSizes = (0, 0)
    /// How long the last commit took, in seconds; a leader waits at most half of it.
    private var lastCommitSeconds = 0.0
    /// The group size a waiting leader expects; the unit that completes it wakes the leader.
    private var awaited = 0
    /// Longest a leader waits for the writers it expects.
    private let longestWait = 0.001

    /// Makes a group with nothing queued.
    public init() {}

    /// Runs `work` in the next group commit and returns its result once committed.
    ///
    /// - Parameter db: the calling thread's connection, used if this thread leads the group.
    /// - Throws: the error `work` threw (its changes rolled back), or the error of the group's commit.
    public func run<T>(on db: Database, _ work: @escaping (Database) throws -> T) throws -> T {
        // Inside the caller's transaction, the caller's commit is the one that counts.
        if db.isInTransaction { return try db.transaction { try work(db) } }
        var output: T?
        let unit = Unit { db in output = try work(db) }
        condition.lock()
        queued.append(unit)
        let leads = !isCommitting
        if leads {
            isCommitting = true
        } else if queued.count == awaited {
            condition.signal()
        }
        condition.unlock()
        if !leads { unit.wake.wait() }
        // Woken either with the unit committed, or (not done) to lead the next group.
        while !unit.isDone { lead(on: db, own: unit) }
        if let error = unit.error { throw error }
        guard let output else { preconditionFailure("storage: committed unit left no result") }
        return output
    }

    /// Commits the queued units as one group, then wakes their threads and hands the lead to the thread
    /// of the first unit queued meanwhile, if any. Called with `isCommitting` set, lock not held.
    private func lead(on db: Database, own: Unit) {
        condition.lock()
        gatherWriters()
        let group = queued
        queued.removeAll(keepingCapacity: true)
        condition.unlock()
        let began = DispatchTime.now().uptimeNanoseconds
        commit(group, on: db)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        condition.lock()
        for member in group { member.isDone = true }
        groups += 1
        units += group.count
        recentSizes = (recentSizes.1, group.count)
        lastCommitSeconds = seconds
        let next = queued.first
        if next == nil { isCommitting = false }
        condition.unlock()
        // The leader's own unit is in the group: its thread returns from `run` without waiting.
        for member in group where member !== own { member.wake.signal() }
        next?.wake.signal()
    }

    /// When the last groups were shared, waits (lock held on return) until as many writers are queued
    /// again, or half the last commit's time, at most `longestWait`: writers woken by the last commit are
    /// still on their way, and without the wait the next group would leave with the first of them only,
    /// alternating small and large groups. Alone, a writer commits at once.
    private func gatherWriters() {
        let expected = max(recentSizes.0, recentSizes.1)
        guard expected > 1, queued.count < expected else { return }
        awaited = expected
        defer { awaited = 0 }
        let deadline = Date(timeIntervalSinceNow: min(longestWait, lastCommitSeconds / 2))
        while queued.count < expected, condition.wait(until: deadline) {}
    }

    /// How many units wait for the next group; for tests.
    var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queued.count
    }

    /// How many groups were committed and how many units they held, since start.
    public var counts: (groups: Int, units: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (groups, units)
    }

    private func commit(_ group: [Unit], on db: Database) {
        do {
            try db.transaction(.immediate) {
                for unit in group {
                    do {
                        try db.transaction { try unit.work(db) }
                    } catch {
                        unit.error = error
                    }
                }
            }
        } catch {
            for unit in group where unit.error == nil { unit.error = error }
        }
    }
}
