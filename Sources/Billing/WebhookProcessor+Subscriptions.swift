import Foundation
import Storage

extension WebhookProcessor {
    /// A provider subscription changed status; mapped to `SubscriptionState`, stale changes ignored.
    ///
    /// Stripe statuses: `active` (or `active` with `cancel_at_period_end`,
    /// which is the user's cancellation), `trialing`, `past_due`,
    /// `canceled` and the `deleted` event (the vendor's cancellation, unless
    /// the user had cancelled: then access runs to the period end),
    /// `unpaid` and `incomplete_expired` (expired). `incomplete` changes
    /// nothing: no period was paid yet.
    func applySubscriptionChange(_ event: WebhookEvent) throws -> WebhookOutcome {
        let store = SubscriptionStore(db)
        var subscription = try event.object.string("id").flatMap { try store.subscription(providerSubscriptionID: $0) }
        if subscription == nil, let orderID = event.object.object("metadata")?.id("order_id") {
            subscription = try store.subscription(orderID: orderID)
        }
        guard let subscription else {
            return .ignored(eventID: event.id, reason: "unknown subscription")
        }

        let status = event.type == "customer.subscription.deleted" ? "canceled" : event.object.string("status")
        let cancelsAtPeriodEnd = event.object.bool("cancel_at_period_end") ?? false
        let state: SubscriptionState
        switch status {
        case "active": state = cancelsAtPeriodEnd ? .cancelledByUser : .active
        case "trialing": state = cancelsAtPeriodEnd ? .cancelledByUser : .trialing
        case "past_due": state = .pastDue
        case "canceled": state = subscription.state == .cancelledByUser ? .cancelledByUser : .cancelledByVendor
        case "unpaid", "incomplete_expired": state = .expired
        default:
            return .ignored(eventID: event.id, reason: "subscription status \(status ?? "missing") not handled")
        }

        let periodEnd = event.object.int("current_period_end").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        guard try store.apply(state: state, to: subscription, periodEnd: periodEnd, eventTime: event.created) else {
            return .ignored(
                eventID: event.id,
                reason: "subscription \(subscription.id) stale or final in state \(subscription.state.rawValue)")
        }
        return .applied(eventID: event.id, effect: "subscription \(subscription.id) now \(state.rawValue)")
    }
}
