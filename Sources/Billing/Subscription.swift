import Foundation

/// A paid access period (one order, or a provider subscription), in the state its events left it.
public struct Subscription: Equatable, Sendable {
    /// Database id.
    public let id: Int64
    /// Whose access it is.
    public let userID: Int64
    /// The order that paid for it.
    public let orderID: Int64?
    /// The plan's name at purchase.
    public let planName: String
    /// What it unlocks.
    public let scope: AccessScope
    /// Current state.
    public let state: SubscriptionState
    /// Start of the paid period.
    public let periodStart: Date
    /// End of the paid period (exclusive).
    public let periodEnd: Date
    /// When it became past due, while it is.
    public let pastDueSince: Date?
    /// The provider's subscription id, for renewal events.
    public let providerSubscriptionID: String?
    /// When the user cancelled it.
    public let cancelledAt: Date?

    /// The end of access under `AccessPolicy`, or `nil` when the state grants nothing.
    public var accessEnd: Date? {
        AccessPolicy.accessEnd(state: state, periodEnd: periodEnd, pastDueSince: pastDueSince)
    }

    /// Whether it grants access at `now`.
    public func grantsAccess(at now: Date) -> Bool {
        AccessPolicy.grants(
            state: state, periodStart: periodStart, periodEnd: periodEnd, pastDueSince: pastDueSince, now: now)
    }
}
