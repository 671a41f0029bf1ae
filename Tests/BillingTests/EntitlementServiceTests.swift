import Foundation
import Security
import Testing

@testable import Billing

@Suite struct EntitlementServiceTests {
    @Test func allPreparationsPlanOpensEveryTrack() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "toutes-3-mois")
        try fixture.deliver(.paymentSucceeded, order)

        for track in Track.allCases {
            #expect(try fixture.entitlements.check(userID: user, track: track, now: fixture.now)?.scope == .all)
        }
    }

    @Test func userCancellationKeepsAccessToTheEndOfThePaidPeriod() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        let subscription = try #require(try SubscriptionStore(fixture.db).subscriptions(userID: user).first)

        let cancelled = try SubscriptionStore(fixture.db).cancel(
            subscriptionID: subscription.id, userID: user, now: fixture.now + day)

        #expect(cancelled.state == .cancelledByUser)
        #expect(cancelled.cancelledAt == fixture.now + day)
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: subscription.periodEnd - 1) != nil)
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: subscription.periodEnd) == nil)
    }

    @Test func onlyTheOwnerCanCancel() throws {
        let fixture = try BillingFixture()
        let owner = try fixture.addUser("a@example.fr")
        let other = try fixture.addUser("b@example.fr")
        let order = try fixture.checkout(userID: owner, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        let subscription = try #require(try SubscriptionStore(fixture.db).subscriptions(userID: owner).first)

        let error = #expect(throws: BillingError.subscriptionNotFound(subscriptionID: subscription.id)) {
            try SubscriptionStore(fixture.db).cancel(subscriptionID: subscription.id, userID: other, now: fixture.now)
        }
        #expect(error?.message == "Cet abonnement est introuvable.")
        #expect(try SubscriptionStore(fixture.db).subscription(id: subscription.id)?.state == .active)
    }

    @Test func refundedSubscriptionCannotBeCancelled() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        try fixture.deliver(.refunded, order)
        let subscription = try #require(try SubscriptionStore(fixture.db).subscriptions(userID: user).first)

        #expect(throws: BillingError.subscriptionNotCancellable(subscriptionID: subscription.id, state: "refunded")) {
            try SubscriptionStore(fixture.db).cancel(subscriptionID: subscription.id, userID: user, now: fixture.now)
        }
    }

    @Test func renewingBeforeTheEndStartsTheNewPeriodWhereTheOldEnds() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        try fixture.deliver(.paymentSucceeded, try fixture.checkout(userID: user, plan: "es-1-mois"))
        fixture.now += 20 * day
        try fixture.deliver(.paymentSucceeded, try fixture.checkout(userID: user, plan: "es-1-mois"))

        let periods = try SubscriptionStore(fixture.db).subscriptions(userID: user).map {
            ($0.periodStart, $0.periodEnd)
        }
        #expect(periods.count == 2)
        #expect(periods[0].0 == paris(2026, 4, 10, 9))
        #expect(periods[0].1 == paris(2026, 5, 10, 9))
        #expect(
            try fixture.entitlements.check(userID: user, track: .es, now: paris(2026, 5, 10, 8))?.validUntil
                == paris(2026, 5, 10, 9))
    }

    @Test func adminGrantOpensAccessUntilRevoked() throws {
        let fixture = try BillingFixture()
        let admin = try fixture.addUser("admin@example.fr")
        let user = try fixture.addUser("a@example.fr")
        let grant = try fixture.entitlements.grant(
            userID: user, scope: .track(.ass), from: fixture.now, until: fixture.now + 30 * day, grantedBy: admin,
            note: "Geste commercial", now: fixture.now)

        #expect(try fixture.entitlements.check(userID: user, track: .ass, now: fixture.now)?.source == grant.source)
        guard case .admin(let grantID) = grant.source else {
            Issue.record("expected an admin source")
            return
        }
        #expect(try fixture.entitlements.revokeGrant(grantID: grantID, now: fixture.now))
        #expect(try fixture.entitlements.check(userID: user, track: .ass, now: fixture.now) == nil)
        #expect(throws: BillingError.invalidGrant(reason: "la fin doit suivre le début.")) {
            try fixture.entitlements.grant(
                userID: user, scope: .all, from: fixture.now, until: fixture.now, grantedBy: admin, note: "x",
                now: fixture.now)
        }
    }

    @Test func claimsGiveOneLatestEndPerScope() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        try fixture.deliver(.paymentSucceeded, try fixture.checkout(userID: user, plan: "ifsi-1-mois"))
        try fixture.entitlements.grant(
            userID: user, scope: .track(.ifsi), from: fixture.now, until: paris(2026, 9, 1), grantedBy: user,
            note: "Bourse", now: fixture.now)
        try fixture.deliver(.paymentSucceeded, try fixture.checkout(userID: user, plan: "toutes-3-mois"))

        let claims = try fixture.entitlements.claims(userID: user, now: fixture.now)

        #expect(
            claims == [
                EntitlementClaim(scope: "all", until: seconds(paris(2026, 6, 10, 9))),
                EntitlementClaim(scope: "ifsi", until: seconds(paris(2026, 9, 1))),
            ])
    }

    @Test func nothingIsGrantedBeforePayment() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        _ = try fixture.checkout(userID: user, plan: "toutes-3-mois")
        #expect(try fixture.entitlements.entitlements(userID: user, now: fixture.now).isEmpty)
        #expect(try fixture.entitlements.claims(userID: user, now: fixture.now).isEmpty)
    }
}
