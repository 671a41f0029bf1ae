import Foundation
import Logging
import Security
import Storage

/// Verifies, records and applies payment provider events (Stripe's, or the sandbox's, same shape).
///
/// Each event is stored by id before it acts, in the same transaction as its
/// effects: a replay finds the id and changes nothing, and a failure rolls
/// both back so the provider's retry runs it again.
///
/// Events arriving out of order end in the right state:
/// - a refund that arrives before the payment it refunds is kept in
///   `payment_refunds` and applied when the payment arrives;
/// - a payment failure arriving after the success is ignored (a failed
///   attempt may precede a successful retry in the same checkout);
/// - subscription state changes carry the event's `created` time, and one
///   older than the last change applied to that subscription is ignored;
/// - refunded, cancelled-by-vendor and expired are final.
public struct WebhookProcessor {
    /// Seconds a signature's timestamp may be away from now.
    public static let tolerance = 300

    let db: Database
    let secrets: [String]
    let seller: SellerDetails
    let logger: Logger

    /// A processor accepting signatures made with any of `secrets` (several during a rotation).
    public init(db: Database, secrets: [String], seller: SellerDetails, logger: Logger = Logger(label: "billing")) {
        self.db = db
        self.secrets = secrets
        self.seller = seller
        self.logger = logger
    }

    /// Verifies and applies one delivery.
    ///
    /// Throws `badSignature` (logged as a warning) or `malformedEvent`: the
    /// caller answers 400. Any outcome answers 200.
    @discardableResult
    public func process(rawBody: [UInt8], signatureHeader: String?, now: Date) throws -> WebhookOutcome {
        do {
            try WebhookSignature.verify(
                header: signatureHeader, payload: rawBody, secrets: secrets, tolerance: Self.tolerance, now: now)
        } catch {
            logger.warning("billing.webhook.bad_signature", [("reason", error.description)])
            throw BillingError.badSignature(reason: error.description)
        }

        let event: WebhookEvent
        do {
            event = try WebhookEvent(body: rawBody)
        } catch {
            logger.warning("billing.webhook.malformed", [("error", "\(error)")])
            throw error
        }

        let outcome = try db.transaction {
            try db.run(
                """
                INSERT INTO webhook_events (id, type, created_at, received_at, outcome, payload)
                VALUES (?, ?, ?, ?, 'received', ?) ON CONFLICT (id) DO NOTHING
                """,
                event.id, event.type, event.created, now, String(decoding: rawBody, as: UTF8.self))
            guard db.changes > 0 else { return WebhookOutcome.duplicate(eventID: event.id) }

            let outcome = try apply(event, now: now)
            try db.run("UPDATE webhook_events SET outcome = ? WHERE id = ?", outcome.summary, event.id)
            return outcome
        }
        logger.info(
            "billing.webhook.processed", [("event_id", event.id), ("type", event.type), ("outcome", outcome.summary)])
        return outcome
    }

    private func apply(_ event: WebhookEvent, now: Date) throws -> WebhookOutcome {
        switch event.type {
        case "checkout.session.completed", "checkout.session.async_payment_succeeded":
            return try applyCheckoutCompleted(event, now: now)
        case "checkout.session.async_payment_failed", "payment_intent.payment_failed":
            return try applyPaymentFailed(event)
        case "charge.refunded":
            return try applyRefund(event, now: now)
        case "customer.subscription.updated", "customer.subscription.deleted":
            return try applySubscriptionChange(event)
        default:
            return .ignored(eventID: event.id, reason: "type \(event.type) not handled")
        }
    }

    /// The order an event's object names: metadata, client reference, session or payment id.
    func order(of event: WebhookEvent) throws -> Order? {
        let orders = OrderStore(db)
        let object = event.object
        if let id = object.object("metadata")?.id("order_id") ?? object.id("client_reference_id"),
            let order = try orders.order(id: id)
        {
            return order
        }
        if let id = object.string("id") {
            if id.hasPrefix("cs_") { return try orders.order(providerSessionID: id) }
            if id.hasPrefix("pi_") { return try orders.order(paymentIntentID: id) }
        }
        return nil
    }
}
