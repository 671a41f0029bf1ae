import Foundation

/// Threads that run the requests of deferred routes (exam starts and submissions), away from the
/// threads that read connections.
///
/// A libmicrohttpd thread serves its connections one request at a time, so a long request (drawing
/// an exam, scoring a submission) keeps every other connection of that thread waiting, answer saves
/// included: on an exam day, 2,000 starts at once held the first saves for up to a second. A deferred
/// request suspends its connection and runs here; its thread goes on with the others, and the lane
/// resumes the connection once the response is ready.
///
/// Jobs run in the order they were submitted, on `threadCount` threads at a lower scheduling priority
/// (`niceness`): when both want the processor, the short requests of the server's threads go first.
final class DeferredLane: @unchecked Sendable {
    /// How many threads run jobs.
    let threadCount: Int
    /// How much the lane's threads lower their priority (a nice value, 0 to 19).
    let niceness: Int32

    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    /// Index of the next job in `jobs`; the slots before it are done and get dropped in batches.
    private var head = 0
    private var isStopping = false
    private var started = 0
    private var ended = 0

    /// Makes a lane of `threads` threads (at least one), not started.
    init(threads: Int, niceness: Int32 = 5) {
        threadCount = max(1, threads)
        self.niceness = min(max(niceness, 0), 19)
    }

    /// Jobs submitted and not yet taken by a thread.
    var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count - head
    }

    /// Starts the threads; after `stop()`, starts new ones once the old ones have ended.
    func start() {
        condition.lock()
        defer { condition.unlock() }
        while isStopping && ended < started {
            condition.wait()
        }
        guard started == ended else { return }
        (isStopping, started, ended) = (false, 0, 0)
        for index in 0..<threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "deferred-\(index)"
            thread.start()
            started += 1
        }
    }

    /// Queues `job` and returns true, or returns false once `stop()` has begun: the caller then runs the
    /// job itself, so that no suspended connection is left to a lane that will not run it.
    func submit(_ job: @escaping () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Runs every job submitted so far, then ends the threads; returns once they have ended.
    func stop() {
        condition.lock()
        isStopping = true
        condition.broadcast()
        while ended < started {
            condition.wait()
        }
        condition.unlock()
    }

    private func work() {
        // On Linux the nice value belongs to the thread: this lowers the calling thread only (who = 0).
        // Failing leaves it as it was.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        condition.lock()
        while true {
            while head == jobs.count && !isStopping {
                condition.wait()
            }
            guard head < jobs.count else { break }
            let job = jobs[head]
            head += 1
            if head >= 1024 && head * 2 >= jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
            condition.lock()
        }
        ended += 1
        condition.broadcast()
        condition.unlock()
    }
}
