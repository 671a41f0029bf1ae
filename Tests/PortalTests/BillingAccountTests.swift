import Billing
import Foundation
import Testing
import Web

@testable import Portal

@Suite struct BillingAccountTests {
    @Test func subscriptionPageShowsAccessOrdersAndInvoices() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        try shopper.buy(browser, "toutes-3-mois")

        let page = try browser.get("/compte/abonnement")
        #expect(page.status == 200)
        let html = page.bodyText
        #expect(html.contains("Toutes les préparations — 3 mois"))
        #expect(html.contains("épreuves blanches ouvertes jusqu'au"))
        #expect(!html.contains("accès gratuit (épreuve d'exemple et résultats)"))
        #expect(html.contains("Facture \(currentParisYear())-000001"))
        #expect(html.contains("79,90\u{00A0}€"))
        #expect(html.contains(">Résilier</button>"))
        #expect(html.contains("Payée"))
    }

    @Test func profileLinksToTheSubscriptionPage() throws {
        let fixture = try PortalFixture()
        let browser = try BillingShopper(fixture: fixture).member("camille@exemple.fr")

        #expect(try browser.get("/compte").bodyText.contains("href=\"/compte/abonnement\""))
    }

    @Test func subscriptionPageNeedsAnAccount() throws {
        let fixture = try PortalFixture()
        let response = try fixture.browser().get("/compte/abonnement")

        #expect(response.status == 303)
        #expect(response.headers["Location"]?.hasPrefix("/connexion") == true)
    }

    @Test func anotherUsersInvoiceAndCreditNoteAreNotFound() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let owner = try shopper.member("camille@exemple.fr")
        let order = try shopper.buy(owner, "ifsi-1-mois")
        try shopper.choose(owner, SandboxProvider.checkoutPathPrefix + (order.providerSessionID ?? ""), .refunded)
        let other = try shopper.member("autre@exemple.fr")
        let year = currentParisYear()

        #expect(try owner.get("/compte/factures/\(year)-000001").status == 200)
        let invoice = try other.get("/compte/factures/\(year)-000001")
        #expect(invoice.status == 404)
        #expect(!invoice.bodyText.contains("camille@exemple.fr"))
        #expect(try other.get("/compte/avoirs/AV-\(year)-000001").status == 404)
        #expect(try other.get("/paiement/retour?commande=\(order.id)").status == 404)
    }

    @Test func userCancellationKeepsAccessToThePeriodEnd() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        try shopper.buy(browser, "es-1-mois")
        let subscription = try #require(
            try SubscriptionStore(try shopper.db).subscriptions(userID: try shopper.userID("camille@exemple.fr")).first)

        try browser.get("/compte/abonnement")
        let response = try browser.post("/compte/abonnement/\(subscription.id)/resilier", [])
        #expect(response.status == 303)
        let page = try browser.get(try #require(response.headers["Location"]))
        #expect(page.bodyText.contains("Abonnement résilié"))
        #expect(page.bodyText.contains("Résilié (accès jusqu&#39;à la fin de la période payée)"))
        #expect(!page.bodyText.contains(">Résilier</button>"))

        let access = try #require(try shopper.access("camille@exemple.fr", .es))
        #expect(access.validUntil == subscription.periodEnd)
        #expect(
            try shopper.access("camille@exemple.fr", .es, at: subscription.periodEnd.addingTimeInterval(-60)) != nil)
        #expect(try shopper.access("camille@exemple.fr", .es, at: subscription.periodEnd) == nil)
    }

    @Test func cancellingSomeoneElsesSubscriptionIsNotFound() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        try shopper.buy(try shopper.member("camille@exemple.fr"), "es-1-mois")
        let subscription = try #require(
            try SubscriptionStore(try shopper.db).subscriptions(userID: try shopper.userID("camille@exemple.fr")).first)
        let other = try shopper.member("autre@exemple.fr")

        try other.get("/compte/abonnement")
        #expect(try other.post("/compte/abonnement/\(subscription.id)/resilier", []).status == 404)
        #expect(try SubscriptionStore(try shopper.db).subscription(id: subscription.id)?.state == .active)
    }
}
