import Exams
import Foundation
import Logging

extension App {
    /// The jobs `serve` runs beside the HTTP server: mail delivery and closing overdue attempts.
    func backgroundJobs() throws -> [PeriodicJob] {
        let transport = try mailTransport()
        let sender = config.mailSender
        let clock = self.clock
        let mailLogger = Logger(label: "mail")
        let examLogger = Logger(label: "exams")
        return [
            PeriodicJob(name: "mail-delivery", interval: 2, pool: pool, logger: mailLogger) { db in
                try MailDelivery.deliverPending(
                    db: db, transport: transport, sender: sender, now: clock.now(), logger: mailLogger)
            },
            PeriodicJob(name: "attempt-sweep", interval: 1, pool: pool, logger: examLogger) { db in
                _ = try AttemptService(db: db, logger: examLogger).sweepOverdue(now: clock.now())
            },
        ]
    }
}
