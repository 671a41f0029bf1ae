import Foundation
import Storage

extension WebhookProcessor {
    /// A paid checkout: access period, invoice, then any refund that arrived first.
    func applyCheckoutCompleted(_ event: WebhookEvent, now: Date) throws -> WebhookOutcome {
        let status = event.object.string("payment_status")
        guard status == "paid" || status == "no_payment_required" else {
            return .ignored(eventID: event.id, reason: "payment status \(status ?? "missing")")
        }
        guard let order = try order(of: event) else {
            logger.warning("billing.webhook.unknown_order", [("event_id", event.id)])
            return .ignored(eventID: event.id, reason: "unknown order")
        }
        guard order.status == .pending || order.status == .failed else {
            return .ignored(eventID: event.id, reason: "order \(order.id) already \(order.status.rawValue)")
        }
        guard let userID = order.userID else {
            return .ignored(eventID: event.id, reason: "order \(order.id) has no account")
        }

        let orders = OrderStore(db)
        let paymentIntent = event.object.string("payment_intent")
        try orders.markPaid(
            orderID: order.id, paymentIntentID: paymentIntent, sessionID: event.object.string("id"), at: event.created)

        let subscriptions = SubscriptionStore(db)
        var start = event.created
        if case .months = order.duration,
            let end = try subscriptions.currentAccessEnd(userID: userID, scope: order.scope, after: event.created)
        {
            start = max(start, end)
        }
        let subscription = try subscriptions.create(
            order: order, userID: userID, start: start, end: order.duration.periodEnd(startingAt: start),
            providerSubscriptionID: event.object.string("subscription"), eventTime: event.created, now: now)
        let paid = try orders.require(order.id)
        let invoice = try InvoiceStore(db).issue(order: paid, seller: seller, at: now)

        var effect = "order \(order.id) paid, subscription \(subscription.id), invoice \(invoice.number)"
        if let paymentIntent, let refund = try pendingRefund(paymentIntentID: paymentIntent) {
            effect +=
                "; "
                + (try refundOrder(paid, amountRefunded: refund.amount, full: refund.full, at: refund.at, now: now))
        }
        return .applied(eventID: event.id, effect: effect)
    }

    /// A declined payment: a pending order becomes failed; a paid one stays paid.
    func applyPaymentFailed(_ event: WebhookEvent) throws -> WebhookOutcome {
        guard let order = try order(of: event) else {
            return .ignored(eventID: event.id, reason: "unknown order")
        }
        guard try OrderStore(db).markFailed(orderID: order.id, at: event.created) else {
            return .ignored(eventID: event.id, reason: "order \(order.id) already \(order.status.rawValue)")
        }
        return .applied(eventID: event.id, effect: "order \(order.id) failed")
    }

    /// A refund: recorded by payment id, then applied if the payment is known.
    func applyRefund(_ event: WebhookEvent, now: Date) throws -> WebhookOutcome {
        guard let paymentIntent = event.object.string("payment_intent"),
            let amount = event.object.int("amount_refunded"), amount > 0
        else {
            return .ignored(eventID: event.id, reason: "refund without payment_intent or amount")
        }
        let full = event.object.bool("refunded") ?? false
        try db.run(
            """
            INSERT INTO payment_refunds (payment_intent_id, amount_refunded_cents, is_full, refunded_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (payment_intent_id) DO UPDATE SET
                amount_refunded_cents = MAX(amount_refunded_cents, excluded.amount_refunded_cents),
                is_full = MAX(is_full, excluded.is_full),
                refunded_at = MAX(refunded_at, excluded.refunded_at)
            """,
            paymentIntent, amount, full, event.created)

        guard let order = try OrderStore(db).order(paymentIntentID: paymentIntent),
            order.status == .paid || order.status == .refunded,
            let refund = try pendingRefund(paymentIntentID: paymentIntent)
        else {
            return .applied(eventID: event.id, effect: "refund recorded, waiting for its payment")
        }
        let effect = try refundOrder(order, amountRefunded: refund.amount, full: refund.full, at: refund.at, now: now)
        return .applied(eventID: event.id, effect: effect)
    }

    /// Brings an order to the refunded total: a credit note for the difference, access revoked when full.
    private func refundOrder(_ order: Order, amountRefunded: Int, full: Bool, at date: Date, now: Date) throws
        -> String
    {
        let amount = min(amountRefunded, order.price.ttcCents)
        let credited = amount - order.refundedCents
        guard credited > 0 else { return "refund of order \(order.id) already credited" }

        let invoices = InvoiceStore(db)
        guard let invoice = try invoices.invoice(orderID: order.id) else {
            preconditionFailure("billing: paid order \(order.id) has no invoice")
        }
        let isFull = full || amount == order.price.ttcCents
        let reason =
            isFull
            ? "Remboursement intégral de la facture \(invoice.number)"
            : "Remboursement partiel de la facture \(invoice.number)"
        let note = try invoices.issueCreditNote(
            for: invoice, amountTTCCents: credited, reason: reason, seller: seller, at: now)
        try OrderStore(db).recordRefund(orderID: order.id, refundedCents: amount, full: isFull, at: date)

        if isFull, let subscription = try SubscriptionStore(db).subscription(orderID: order.id) {
            try SubscriptionStore(db).markRefunded(subscriptionID: subscription.id, eventTime: date)
        }
        logger.info(
            "billing.refund.applied",
            [("order_id", "\(order.id)"), ("credit_note", note.number), ("full", "\(isFull)")])
        return "order \(order.id) refunded \(credited) cents, credit note \(note.number)"
    }

    private func pendingRefund(paymentIntentID: String) throws -> (amount: Int, full: Bool, at: Date)? {
        try db.queryOne(
            "SELECT amount_refunded_cents, is_full, refunded_at FROM payment_refunds WHERE payment_intent_id = ?",
            paymentIntentID
        ).map { ($0.int("amount_refunded_cents"), $0.bool("is_full"), $0.date("refunded_at")) }
    }
}
