import Foundation

/// Subscription state → access, as one table: the only place that says which state grants what.
///
/// | state | access |
/// |---|---|
/// | active | until the end of the paid period |
/// | trialing | until the end of the trial period |
/// | past_due | for 7 days after the subscription became past due (grace period) |
/// | cancelled by user | until the end of the paid period |
/// | cancelled by vendor | none, at once |
/// | refunded | none, at once |
/// | expired | none |
///
/// The grace period counts from the moment the provider reported the
/// subscription past due (the event's creation time), not from the period
/// end, because providers move the period end forward when they try to
/// renew.
public enum AccessPolicy {
    /// Days of access a past-due subscription keeps.
    public static let gracePeriodDays = 7

    /// How long a state grants access.
    public enum Rule: Equatable, Sendable {
        /// Until the period end.
        case untilPeriodEnd
        /// Until the grace period after becoming past due ends.
        case untilGraceEnd
        /// No access.
        case revoked
    }

    /// One row of the table.
    public struct Row: Equatable, Sendable {
        /// The state.
        public let state: SubscriptionState
        /// What it grants.
        public let rule: Rule
    }

    /// The table, one row per state.
    public static let table: [Row] = [
        Row(state: .active, rule: .untilPeriodEnd),
        Row(state: .trialing, rule: .untilPeriodEnd),
        Row(state: .pastDue, rule: .untilGraceEnd),
        Row(state: .cancelledByUser, rule: .untilPeriodEnd),
        Row(state: .cancelledByVendor, rule: .revoked),
        Row(state: .refunded, rule: .revoked),
        Row(state: .expired, rule: .revoked),
    ]

    /// The rule of `state`, read from the table.
    public static func rule(for state: SubscriptionState) -> Rule {
        guard let row = table.first(where: { $0.state == state }) else {
            preconditionFailure("billing: access table has no row for state \(state.rawValue)")
        }
        return row.rule
    }

    /// The end of access (exclusive), or `nil` when the state grants nothing.
    ///
    /// A past-due subscription without a recorded start of arrears counts
    /// its grace from the period end.
    public static func accessEnd(state: SubscriptionState, periodEnd: Date, pastDueSince: Date?) -> Date? {
        switch rule(for: state) {
        case .untilPeriodEnd:
            return periodEnd
        case .untilGraceEnd:
            let start = pastDueSince ?? periodEnd
            return start.addingTimeInterval(TimeInterval(gracePeriodDays * 86_400))
        case .revoked:
            return nil
        }
    }

    /// Whether `state` grants access at `now`.
    public static func grants(
        state: SubscriptionState, periodStart: Date, periodEnd: Date, pastDueSince: Date?, now: Date
    ) -> Bool {
        guard let end = accessEnd(state: state, periodEnd: periodEnd, pastDueSince: pastDueSince) else { return false }
        return periodStart <= now && now < end
    }
}
