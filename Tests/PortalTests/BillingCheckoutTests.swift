import Billing
import Foundation
import Testing
import Web

@testable import Portal

@Suite struct BillingCheckoutTests {
    @Test func pricingPageComparesPlansWithHTTVAAndTTC() throws {
        let fixture = try PortalFixture()
        let page = try fixture.browser().get("/tarifs")

        #expect(page.status == 200)
        let html = page.bodyText
        for heading in ["Prix HT", "TVA", "Prix TTC", "Formule", "Durée"] { #expect(html.contains(heading)) }
        #expect(html.contains("Préparation IFSI — 1 mois"))
        #expect(html.contains("19,90\u{00A0}€"))
        #expect(html.contains("16,58\u{00A0}€"))
        #expect(html.contains("3,32\u{00A0}€"))
        #expect(html.contains("20\u{00A0}%"))
        #expect(html.contains("Toutes les préparations — jusqu&#39;aux sélections 2027"))
        #expect(html.contains(">Choisir</a>"))
        #expect(html.contains("MODE TEST — aucun paiement réel"))
        #expect(html.contains("<a href=\"/tarifs\" aria-current=\"page\">Tarifs</a>"))
    }

    @Test func defaultPlansAreSeededOnceAtStart() throws {
        let fixture = try PortalFixture()
        let db = try fixture.app.pool.connection()
        let count = try #require(try db.queryOne("SELECT COUNT(*) AS n FROM plans")).int("n")

        #expect(count == DefaultPlans.plans.count)
        _ = try BillingSetup(config: fixture.app.config, logger: fixture.app.logger)
        #expect(try #require(try db.queryOne("SELECT COUNT(*) AS n FROM plans")).int("n") == count)
    }

    @Test func visitorsMustLogInBeforeOrdering() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = fixture.browser()
        try browser.get("/inscription")
        let summary = try browser.get("/paiement/confirmer?formule=\(try shopper.planID("ifsi-1-mois"))")
        #expect(summary.headers["Location"]?.hasPrefix("/connexion") == true)

        let response = try browser.post(
            "/paiement/commander", [("plan", "\(try shopper.planID("ifsi-1-mois"))"), ("renonciation", "1")])
        #expect(response.status == 401)
        #expect(response.bodyText.contains("Connectez-vous ou créez un compte pour choisir une formule"))
        #expect(try shopper.db.queryOne("SELECT COUNT(*) AS n FROM orders")?.int("n") == 0)
    }

    @Test func unconfirmedMembersMustConfirmTheirAddressBeforeOrdering() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("nouveau@exemple.fr", confirmed: false)
        try browser.get("/tarifs")

        let response = try browser.post(
            "/paiement/commander", [("plan", "\(try shopper.planID("ifsi-1-mois"))"), ("renonciation", "1")])
        #expect(response.status == 403)
        #expect(response.bodyText.contains("Confirmez votre adresse e-mail avant de commander"))
        #expect(try shopper.db.queryOne("SELECT COUNT(*) AS n FROM orders")?.int("n") == 0)
    }

    @Test func sandboxPageIsMarkedAsTestModeAndOffersTheOutcomes() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")

        let page = try browser.get(try shopper.order(browser, "es-3-mois"))
        #expect(page.status == 200)
        #expect(page.bodyText.contains("MODE TEST — aucun paiement réel"))
        #expect(page.bodyText.contains("Simuler un paiement accepté"))
        #expect(page.bodyText.contains("Simuler une carte refusée"))
        #expect(!page.bodyText.contains("Simuler un remboursement"))
        #expect(page.bodyText.contains("49,90\u{00A0}€"))
    }

    @Test func sandboxSuccessGrantsAccessAndIssuesGaplessInvoices() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)

        let first = try shopper.buy(browser, "ifsi-1-mois")
        #expect(first.status == .paid)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) != nil)
        #expect(try shopper.access("camille@exemple.fr", .es) == nil)

        let back = try browser.get("/paiement/retour?commande=\(first.id)")
        let year = currentParisYear()
        #expect(back.bodyText.contains("Paiement confirmé"))
        #expect(back.bodyText.contains("/compte/factures/\(year)-000001"))

        try shopper.buy(browser, "es-1-mois")
        let numbers = try shopper.db.query("SELECT number FROM invoices ORDER BY id").map { $0.string("number") }
        #expect(numbers == ["\(year)-000001", "\(year)-000002"])

        let invoice = try browser.get("/compte/factures/\(year)-000001")
        #expect(invoice.status == 200)
        #expect(invoice.bodyText.contains("Facture n° \(year)-000001"))
        #expect(invoice.bodyText.contains("Total HT"))
        #expect(invoice.bodyText.contains("16,58\u{00A0}€"))
        #expect(invoice.bodyText.contains("camille@exemple.fr"))
    }

    @Test func declinedCardLeavesTheOrderFailedAndGrantsNothing() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")

        let back = try shopper.choose(browser, try shopper.order(browser, "as-1-mois"), .paymentFailed)
        let page = try browser.get(back)
        #expect(page.bodyText.contains("Le paiement a été refusé"))
        #expect(try shopper.access("camille@exemple.fr", .aideSoignant) == nil)
        #expect(try shopper.db.queryOne("SELECT COUNT(*) AS n FROM invoices")?.int("n") == 0)
    }

    @Test func refundRevokesAccessAndIssuesACreditNote() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        let order = try shopper.buy(browser, "ifsi-1-mois")
        let checkout = SandboxProvider.checkoutPathPrefix + (order.providerSessionID ?? "")

        try shopper.choose(browser, checkout, .refunded)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)

        let year = currentParisYear()
        let note = try browser.get("/compte/avoirs/AV-\(year)-000001")
        #expect(note.status == 200)
        #expect(note.bodyText.contains("Remboursement intégral de la facture \(year)-000001"))
        #expect(note.bodyText.contains("19,90\u{00A0}€"))
        let account = try browser.get("/compte/abonnement")
        #expect(account.bodyText.contains("Remboursé"))
        #expect(account.bodyText.contains("Avoir AV-\(year)-000001"))
    }

    @Test func someoneElsesSandboxSessionIsNotFound() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let owner = try shopper.member("camille@exemple.fr")
        let checkout = try shopper.order(owner, "ifsi-1-mois")
        let intruder = try shopper.member("intrus@exemple.fr")

        #expect(try intruder.get(checkout).status == 404)
        #expect(try intruder.post(checkout, [("issue", "payment_succeeded")]).status == 404)
        #expect(try shopper.access("intrus@exemple.fr", .ifsi) == nil)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)
    }
}

/// The express request to start at once, required before paying (Code de la consommation, art. L221-28).
@Suite struct BillingConsentTests {
    @Test func anOrderWithoutTheWaiverIsRefusedAndNothingIsOrdered() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        try browser.get("/inscription")
        try browser.post(
            "/inscription", [("email", "c@exemple.fr"), ("display_name", "C"), ("password", "une phrase longue")])
        let token = try #require(try fixture.mailedToken(to: "c@exemple.fr", path: "/compte/confirmer"))
        try browser.get("/compte/confirmer?jeton=\(token)")
        let planID = try #require(
            try fixture.app.pool.connection().queryOne("SELECT id FROM plans WHERE slug = 'ifsi-1-mois'")?.int64("id"))

        let summary = try browser.get("/paiement/confirmer?formule=\(planID)")
        #expect(summary.bodyText.contains("L221-28"))
        #expect(summary.bodyText.contains("TVA"))
        let refused = try browser.post("/paiement/commander", [("plan", "\(planID)")])
        #expect(refused.status == 422)
        #expect(refused.bodyText.contains("Cochez la case de demande d&#39;accès immédiat"))
        let orders = try fixture.app.pool.connection().queryOne("SELECT COUNT(*) AS n FROM orders")?.int("n")
        #expect(orders == 0)
    }
}
