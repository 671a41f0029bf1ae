import Accounts
import Exams
import Foundation
import Logging
import Storage

extension App {
    /// The jobs `serve` runs beside the HTTP server: mail delivery, closing overdue attempts and, hourly,
    /// deleting expired sessions and mail links.
    func backgroundJobs() throws -> [PeriodicJob] {
        let transport = try mailTransport()
        let sender = config.mailSender
        let clock = self.clock
        let mailLogger = Logger(label: "mail")
        let examLogger = Logger(label: "exams")
        let accountLogger = Logger(label: "accounts")
        return [
            PeriodicJob(name: "mail-delivery", interval: 2, pool: pool, logger: mailLogger) { db in
                try MailDelivery.deliverPending(
                    db: db, transport: transport, sender: sender, now: clock.now(), logger: mailLogger)
            },
            PeriodicJob(name: "attempt-sweep", interval: 1, pool: pool, logger: examLogger) { db in
                _ = try AttemptService(db: db, logger: examLogger).sweepOverdue(now: clock.now())
            },
            PeriodicJob(name: "expiry-purge", interval: 3600, pool: pool, logger: accountLogger) { db in
                try App.purgeExpired(db: db, now: clock.now(), logger: accountLogger)
            },
        ]
    }

    /// Deletes expired sessions and mail links in one transaction; logs how many when any.
    static func purgeExpired(db: Database, now: Date, logger: Logger) throws {
        let (sessions, links) = try db.transaction {
            (try SessionStore(db).purgeExpired(now: now), try EmailTokenStore(db).purgeExpired(now: now))
        }
        guard sessions + links > 0 else { return }
        logger.info("accounts.expired_purged", [("sessions", String(sessions)), ("links", String(links))])
    }
}
