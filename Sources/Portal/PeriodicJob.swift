import Foundation
import Logging
import Storage

/// Runs a piece of work every few seconds on its own thread, with that thread's own connection.
final class PeriodicJob: @unchecked Sendable {
    let name: String
    private let interval: TimeInterval
    private let pool: DatabasePool
    private let logger: Logger
    private let work: (Database) throws -> Void
    private let wake = NSCondition()
    private var running = false
    private var finished = false

    init(
        name: String, interval: TimeInterval, pool: DatabasePool, logger: Logger,
        work: @escaping (Database) throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.pool = pool
        self.logger = logger
        self.work = work
    }

    /// Starts the loop; the first pass runs at once.
    func start() {
        running = true
        let thread = Thread { [self] in
            while isRunning {
                runOnce()
                wake.lock()
                if running { _ = wake.wait(until: Date().addingTimeInterval(interval)) }
                wake.unlock()
            }
            wake.lock()
            finished = true
            wake.broadcast()
            wake.unlock()
        }
        thread.name = name
        thread.start()
    }

    /// Stops the loop after its current pass and waits for it.
    func stop() {
        wake.lock()
        guard running else {
            wake.unlock()
            return
        }
        running = false
        wake.broadcast()
        while !finished { wake.wait() }
        wake.unlock()
    }

    /// One pass of the work; errors are logged and the loop goes on.
    func runOnce() {
        do {
            try work(try pool.connection())
        } catch {
            logger.error("job.failed", [("job", name), ("error", "\(error)")])
        }
    }

    private var isRunning: Bool {
        wake.lock()
        defer { wake.unlock() }
        return running
    }
}
