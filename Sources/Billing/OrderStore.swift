import Foundation
import Storage

/// Reads and writes orders.
public struct OrderStore {
    let db: Database

    /// A store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// Records a pending order for `plan` at its current price.
    public func create(userID: Int64, buyer: Buyer, plan: Plan, provider: String, now: Date) throws -> Order {
        let (months, endsAt) = PlanStore.columns(plan.duration)
        try db.run(
            """
            INSERT INTO orders (user_id, plan_id, plan_name, scope, duration_months, ends_at, amount_ttc_cents,
                vat_rate_bp, buyer_email, buyer_name, provider, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            userID, plan.id, plan.name, plan.scope.rawValue, months, endsAt, plan.priceTTCCents,
            plan.vatRateBasisPoints, buyer.email, buyer.name, provider, now)
        return try require(db.lastInsertRowID)
    }

    /// The order with this id.
    public func order(id: Int64) throws -> Order? {
        try db.queryOne("SELECT * FROM orders WHERE id = ?", id).map(Self.order(from:))
    }

    /// The order with this id, or `orderNotFound`.
    public func require(_ id: Int64) throws -> Order {
        guard let order = try order(id: id) else { throw BillingError.orderNotFound(orderID: id) }
        return order
    }

    /// The order with this id if it belongs to `userID`, or `orderNotFound` (the same answer for both cases).
    public func order(id: Int64, userID: Int64) throws -> Order {
        guard let order = try order(id: id), order.userID == userID else {
            throw BillingError.orderNotFound(orderID: id)
        }
        return order
    }

    /// The order of a provider checkout session.
    public func order(providerSessionID: String) throws -> Order? {
        try db.queryOne("SELECT * FROM orders WHERE provider_session_id = ?", providerSessionID)
            .map(Self.order(from:))
    }

    /// The order of a provider payment.
    public func order(paymentIntentID: String) throws -> Order? {
        try db.queryOne("SELECT * FROM orders WHERE payment_intent_id = ?", paymentIntentID).map(Self.order(from:))
    }

    /// A user's orders, newest first: the account page.
    public func orders(userID: Int64) throws -> [Order] {
        try db.query("SELECT * FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC", userID)
            .map(Self.order(from:))
    }

    // MARK: - Changes made by checkout and webhooks

    /// Remembers the provider session opened for an order.
    func setProviderSession(orderID: Int64, sessionID: String) throws {
        try db.run("UPDATE orders SET provider_session_id = ? WHERE id = ?", sessionID, orderID)
    }

    /// Marks an order paid at `date`, keeping the provider ids that refunds refer to.
    func markPaid(orderID: Int64, paymentIntentID: String?, sessionID: String?, at date: Date) throws {
        try db.run(
            """
            UPDATE orders SET status = 'paid', paid_at = ?,
                payment_intent_id = COALESCE(?, payment_intent_id),
                provider_session_id = COALESCE(provider_session_id, ?)
            WHERE id = ?
            """,
            date, paymentIntentID, sessionID, orderID)
    }

    /// Marks a pending order failed; returns whether it was pending.
    func markFailed(orderID: Int64, at date: Date) throws -> Bool {
        try db.run(
            "UPDATE orders SET status = 'failed', failed_at = ? WHERE id = ? AND status = 'pending'", date, orderID)
        return db.changes > 0
    }

    /// Records the refunded total; a full refund makes the order refunded.
    func recordRefund(orderID: Int64, refundedCents: Int, full: Bool, at date: Date) throws {
        try db.run(
            """
            UPDATE orders SET refunded_cents = ?, refunded_at = ?,
                status = CASE WHEN ? THEN 'refunded' ELSE status END
            WHERE id = ?
            """,
            refundedCents, date, full, orderID)
    }

    private static func order(from row: Row) -> Order {
        Order(
            id: row.int64("id"), userID: row.optionalInt64("user_id"), planID: row.int64("plan_id"),
            planName: row.string("plan_name"), scope: PlanStore.scope(row.string("scope")),
            duration: PlanStore.duration(
                months: row.optionalInt("duration_months"), endsAt: row.optionalDate("ends_at")),
            price: PriceBreakdown(ttcCents: row.int("amount_ttc_cents"), vatRateBasisPoints: row.int("vat_rate_bp")),
            buyer: Buyer(email: row.string("buyer_email"), name: row.optionalString("buyer_name")),
            status: OrderStatus(rawValue: row.string("status")) ?? .pending,
            provider: row.string("provider"), providerSessionID: row.optionalString("provider_session_id"),
            paymentIntentID: row.optionalString("payment_intent_id"), refundedCents: row.int("refunded_cents"),
            createdAt: row.date("created_at"), paidAt: row.optionalDate("paid_at"))
    }
}
