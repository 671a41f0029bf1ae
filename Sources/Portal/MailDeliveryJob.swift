import Accounts
import Foundation
import Logging
import Storage

/// Delivers the outbox through the configured transport.
enum MailDelivery {
    /// Sends every pending mail once; returns how many went out.
    @discardableResult
    static func deliverPending(
        db: Database, transport: MailTransport, sender: String, now: Date, logger: Logger
    ) throws -> Int {
        let outbox = Outbox(db)
        var sent = 0
        for mail in try outbox.pending() {
            do {
                try transport.send(mail, from: sender)
                try outbox.markSent(id: mail.id, now: now)
                sent += 1
            } catch {
                try outbox.markFailed(id: mail.id, reason: "\(error)")
                logger.warning("mail.delivery.failed", [("mail_id", "\(mail.id)"), ("error", "\(error)")])
            }
        }
        if sent > 0 { logger.info("mail.delivered", [("count", "\(sent)")]) }
        return sent
    }
}
