import Foundation
import Storage

/// Reads and changes paid access periods.
///
/// State changes from provider events carry the event's creation time; a
/// change older than the last one applied to the same subscription is
/// stale and ignored, so events delivered out of order end in the state of
/// the newest. Final states (refunded, cancelled by vendor, expired) never
/// change again.
public struct SubscriptionStore {
    let db: Database

    /// A store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// The subscription with this id.
    public func subscription(id: Int64) throws -> Subscription? {
        try db.queryOne("SELECT * FROM subscriptions WHERE id = ?", id).map(Self.subscription(from:))
    }

    /// A user's subscriptions, newest period first: the account page.
    public func subscriptions(userID: Int64) throws -> [Subscription] {
        try db.query("SELECT * FROM subscriptions WHERE user_id = ? ORDER BY period_end DESC, id DESC", userID)
            .map(Self.subscription(from:))
    }

    /// Stops renewal at the user's request; access stays until the end of the paid period.
    ///
    /// Cancelling twice returns the same result. Someone else's subscription
    /// reads as not found.
    @discardableResult
    public func cancel(subscriptionID: Int64, userID: Int64, now: Date) throws -> Subscription {
        guard let current = try subscription(id: subscriptionID), current.userID == userID else {
            throw BillingError.subscriptionNotFound(subscriptionID: subscriptionID)
        }
        switch current.state {
        case .cancelledByUser:
            return current
        case .active, .trialing, .pastDue:
            try db.run(
                """
                UPDATE subscriptions SET state = 'cancelled_by_user', cancelled_at = ?,
                    state_changed_at = MAX(state_changed_at, ?)
                WHERE id = ?
                """,
                now, now, subscriptionID)
            return try require(subscriptionID)
        case .cancelledByVendor, .refunded, .expired:
            throw BillingError.subscriptionNotCancellable(subscriptionID: subscriptionID, state: current.state.rawValue)
        }
    }

    // MARK: - Changes made by webhooks

    /// The subscription with this id, or `subscriptionNotFound`.
    func require(_ id: Int64) throws -> Subscription {
        guard let found = try subscription(id: id) else {
            throw BillingError.subscriptionNotFound(subscriptionID: id)
        }
        return found
    }

    /// The subscription paid by an order.
    func subscription(orderID: Int64) throws -> Subscription? {
        try db.queryOne("SELECT * FROM subscriptions WHERE order_id = ?", orderID).map(Self.subscription(from:))
    }

    /// The subscription the provider knows by this id.
    func subscription(providerSubscriptionID: String) throws -> Subscription? {
        try db.queryOne("SELECT * FROM subscriptions WHERE provider_subscription_id = ?", providerSubscriptionID)
            .map(Self.subscription(from:))
    }

    /// The latest end of access the user already holds for exactly `scope`, after `date`.
    func currentAccessEnd(userID: Int64, scope: AccessScope, after date: Date) throws -> Date? {
        try db.query("SELECT * FROM subscriptions WHERE user_id = ? AND scope = ?", userID, scope.rawValue)
            .map(Self.subscription(from:))
            .compactMap { $0.grantsAccess(at: date) ? $0.accessEnd : nil }
            .max()
    }

    /// Records the access period paid by `order`, active from `start`.
    func create(
        order: Order, userID: Int64, start: Date, end: Date, providerSubscriptionID: String?, eventTime: Date,
        now: Date
    ) throws -> Subscription {
        try db.run(
            """
            INSERT INTO subscriptions (user_id, order_id, plan_name, scope, state, period_start, period_end,
                provider_subscription_id, state_changed_at, created_at)
            VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)
            """,
            userID, order.id, order.planName, order.scope.rawValue, start, end, providerSubscriptionID, eventTime,
            now)
        return try require(db.lastInsertRowID)
    }

    /// Applies a state reported at `eventTime`; returns `false` when it is stale or the state is final.
    ///
    /// `periodEnd` replaces the period end when given. Becoming past due
    /// records `eventTime` as the start of the grace period; leaving it
    /// clears it.
    func apply(
        state: SubscriptionState, to subscription: Subscription, periodEnd: Date?, eventTime: Date
    ) throws -> Bool {
        guard !subscription.state.isFinal else { return false }
        let pastDueSince: Date? = state == .pastDue ? (subscription.pastDueSince ?? eventTime) : nil
        try db.run(
            """
            UPDATE subscriptions SET state = ?, period_end = COALESCE(?, period_end), past_due_since = ?,
                state_changed_at = ?
            WHERE id = ? AND state_changed_at <= ?
            """,
            state.rawValue, periodEnd, pastDueSince, eventTime, subscription.id, eventTime)
        return db.changes > 0
    }

    /// Revokes at once after a full refund, whatever the event order: a refund always wins.
    func markRefunded(subscriptionID: Int64, eventTime: Date) throws {
        try db.run(
            """
            UPDATE subscriptions SET state = 'refunded', past_due_since = NULL,
                state_changed_at = MAX(state_changed_at, ?)
            WHERE id = ?
            """,
            eventTime, subscriptionID)
    }

    private static func subscription(from row: Row) -> Subscription {
        guard let state = SubscriptionState(rawValue: row.string("state")) else {
            preconditionFailure("billing: unknown subscription state \(row.string("state"))")
        }
        return Subscription(
            id: row.int64("id"), userID: row.int64("user_id"), orderID: row.optionalInt64("order_id"),
            planName: row.string("plan_name"), scope: PlanStore.scope(row.string("scope")), state: state,
            periodStart: row.date("period_start"), periodEnd: row.date("period_end"),
            pastDueSince: row.optionalDate("past_due_since"),
            providerSubscriptionID: row.optionalString("provider_subscription_id"),
            cancelledAt: row.optionalDate("cancelled_at"))
    }
}
