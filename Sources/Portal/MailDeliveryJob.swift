import Accounts
import Foundation
import Logging
import Storage

/// Background job that delivers the outbox through the configured transport.
final class MailDeliveryJob: @unchecked Sendable {
    private let pool: DatabasePool
    private let transport: MailTransport
    private let sender: String
    private let clock: ServerClock
    private let logger: Logger
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    private var running = true
    private let lock = NSLock()

    init(pool: DatabasePool, transport: MailTransport, sender: String, clock: ServerClock, logger: Logger) {
        self.pool = pool
        self.transport = transport
        self.sender = sender
        self.clock = clock
        self.logger = logger
    }

    /// Starts the delivery loop on its own thread with its own connection.
    func start(interval: TimeInterval = 2) {
        let thread = Thread { [self] in
            while isRunning {
                deliverPending()
                Thread.sleep(forTimeInterval: interval)
            }
            stopped.signal()
        }
        thread.name = "mail-delivery"
        self.thread = thread
        thread.start()
    }

    /// Stops the loop after its current pass.
    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        if thread != nil { stopped.wait() }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Sends every pending mail once; returns how many went out.
    @discardableResult
    func deliverPending() -> Int {
        guard let db = try? pool.connection() else { return 0 }
        let outbox = Outbox(db)
        var sent = 0
        do {
            for mail in try outbox.pending() {
                do {
                    try transport.send(mail, from: sender)
                    try outbox.markSent(id: mail.id, now: clock.now())
                    sent += 1
                } catch {
                    try outbox.markFailed(id: mail.id, reason: "\(error)")
                    logger.warning("mail.delivery.failed", [("mail_id", "\(mail.id)"), ("error", "\(error)")])
                }
            }
        } catch {
            logger.error("mail.outbox.unreadable", [("error", "\(error)")])
        }
        if sent > 0 { logger.info("mail.delivered", [("count", "\(sent)")]) }
        return sent
    }
}
