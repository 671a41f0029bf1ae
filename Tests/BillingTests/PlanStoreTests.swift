import Foundation
import Testing

@testable import Billing

@Suite struct PlanStoreTests {
    @Test func defaultPlansAreSeededOnce() throws {
        let fixture = try BillingFixture()
        #expect(try DefaultPlans.seed(fixture.db, now: fixture.now) == 0)

        let plans = try PlanStore(fixture.db).allPlans()
        #expect(plans.count == 10)
        let concours = try fixture.plan("toutes-concours-2027")
        #expect(concours.scope == .all)
        #expect(concours.duration == .untilDate(paris(2027, 7, 1, 0)))
        #expect(concours.duration.displayText == "jusqu'au 30/06/2027")
        #expect(concours.price == PriceBreakdown(ttcCents: 12900))
        #expect(try fixture.plan("as-1-mois").name == "Préparation Aide-soignant — 1 mois")
        #expect(try fixture.plan("as-1-mois").scope == .track(.aideSoignant))
    }

    @Test func plansOnSaleAreComparedCheapestFirst() throws {
        let fixture = try BillingFixture()
        let prices = try PlanStore(fixture.db).plansOnSale(at: fixture.now).map(\.priceTTCCents)
        #expect(prices == [1990, 1990, 1990, 1990, 4990, 4990, 4990, 4990, 7990, 12900])
    }

    @Test func datedPlanLeavesTheSaleAfterItsEnd() throws {
        let fixture = try BillingFixture()
        let slugs = try PlanStore(fixture.db).plansOnSale(at: paris(2027, 7, 1, 0)).map(\.slug)
        #expect(!slugs.contains("toutes-concours-2027"))
        #expect(slugs.count == 9)

        let user = try fixture.addUser("a@example.fr")
        fixture.now = paris(2027, 7, 2)
        let plan = try fixture.plan("toutes-concours-2027")
        #expect(throws: BillingError.planEnded(planID: plan.id)) {
            try fixture.checkout(userID: user, plan: "toutes-concours-2027")
        }
    }

    @Test func archivedPlanCannotBeBoughtButKeepsItsSales() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        let plan = try PlanStore(fixture.db).archive(planID: order.planID, now: fixture.now)

        #expect(plan.archivedAt == fixture.now)
        let error = #expect(throws: BillingError.planArchived(planID: plan.id)) {
            try fixture.checkout(userID: user, plan: "es-1-mois")
        }
        #expect(error?.message == "Cette formule n'est plus proposée. Choisissez-en une autre sur la page des tarifs.")
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: fixture.now) != nil)
    }

    @Test func invalidPlansAreRefusedWithReasons() throws {
        let fixture = try BillingFixture()
        let store = PlanStore(fixture.db)
        let cases: [(slug: String, duration: PlanDuration, price: Int, reason: String)] = [
            (
                "Mauvais Slug", .months(1), 100,
                "l'identifiant ne peut contenir que des minuscules, des chiffres et des tirets."
            ),
            ("zero-mois", .months(0), 100, "la durée doit aller de 1 à 36 mois."),
            ("passe", .untilDate(fixture.now - 1), 100, "la date de fin doit être dans le futur."),
            ("gratuit", .months(1), 0, "le prix TTC doit être compris entre 0,01 € et 10 000 €."),
            ("es-1-mois", .months(1), 100, "l'identifiant « es-1-mois » est déjà pris."),
        ]
        for row in cases {
            let error = #expect(throws: BillingError.invalidPlan(reason: row.reason)) {
                try store.create(
                    slug: row.slug, name: "Essai", scope: .all, duration: row.duration, priceTTCCents: row.price,
                    now: fixture.now)
            }
            #expect(error?.message == "Formule invalide : \(row.reason)")
        }
    }

    @Test func monthsAreCalendarMonthsInParis() {
        let start = paris(2026, 1, 31, 10)
        #expect(PlanDuration.months(1).periodEnd(startingAt: start) == paris(2026, 2, 28, 10))
        #expect(PlanDuration.months(3).periodEnd(startingAt: paris(2026, 3, 10, 9)) == paris(2026, 6, 10, 9))
    }
}
