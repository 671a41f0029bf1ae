import Foundation
import Testing

@testable import Billing

@Suite struct AccessPolicyTests {
    static let start = paris(2026, 1, 1)
    static let periodEnd = paris(2026, 2, 1)
    static let pastDueSince = paris(2026, 2, 1, 10)

    /// The state table as the tests expect it: at each probe time, does the state grant access?
    static let expectations: [(state: SubscriptionState, rule: AccessPolicy.Rule, probes: [(Date, Bool)])] = [
        (.active, .untilPeriodEnd, [(start, true), (periodEnd - 1, true), (periodEnd, false), (start - 1, false)]),
        (.trialing, .untilPeriodEnd, [(start, true), (periodEnd - 1, true), (periodEnd, false)]),
        (
            .pastDue, .untilGraceEnd,
            [
                (pastDueSince, true), (pastDueSince + 7 * day - 1, true), (pastDueSince + 7 * day, false),
                (pastDueSince + 30 * day, false),
            ]
        ),
        (.cancelledByUser, .untilPeriodEnd, [(start + day, true), (periodEnd - 1, true), (periodEnd, false)]),
        (.cancelledByVendor, .revoked, [(start, false), (start + day, false), (periodEnd - 1, false)]),
        (.refunded, .revoked, [(start, false), (start + day, false), (periodEnd - 1, false)]),
        (.expired, .revoked, [(start, false), (periodEnd - 1, false), (periodEnd + day, false)]),
    ]

    @Test func tableHasExactlyOneRowPerState() {
        #expect(AccessPolicy.table.map(\.state) == SubscriptionState.allCases)
        #expect(Self.expectations.map(\.state) == SubscriptionState.allCases)
    }

    @Test func eachRowOfTheTableGrantsWhatItStates() {
        for (row, expected) in zip(AccessPolicy.table, Self.expectations) {
            #expect(row.state == expected.state)
            #expect(row.rule == expected.rule, "rule of \(row.state.rawValue)")
            for (probe, grants) in expected.probes {
                let actual = AccessPolicy.grants(
                    state: row.state, periodStart: Self.start, periodEnd: Self.periodEnd,
                    pastDueSince: row.state == .pastDue ? Self.pastDueSince : nil, now: probe)
                #expect(actual == grants, "\(row.state.rawValue) at \(probe)")
            }
        }
    }

    @Test func pastDueWithoutARecordedStartCountsGraceFromThePeriodEnd() {
        let end = AccessPolicy.accessEnd(state: .pastDue, periodEnd: Self.periodEnd, pastDueSince: nil)
        #expect(end == Self.periodEnd + 7 * day)
    }

    @Test func finalStatesAreTheRevokingOnes() {
        let final = SubscriptionState.allCases.filter(\.isFinal)
        #expect(final == [.cancelledByVendor, .refunded, .expired])
        #expect(final.allSatisfy { AccessPolicy.rule(for: $0) == .revoked })
    }
}
