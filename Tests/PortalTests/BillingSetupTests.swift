import Billing
import Foundation
import Logging
import Testing
import Web

@testable import Portal

@Suite struct BillingSetupTests {
    func configuration(_ extra: [String: String]) throws -> Configuration {
        var environment = ["LESOCIAL_ENV": "test", "LESOCIAL_DATA": "/tmp/unused"]
        environment.merge(extra) { _, new in new }
        return try Configuration(environment: environment)
    }

    @Test func sandboxIsTheDefaultOutsideProductionAndNoneInProduction() throws {
        #expect(try configuration([:]).paymentProvider() == .sandbox)
        #expect(try configuration(["LESOCIAL_ENV": "development"]).paymentProvider() == .sandbox)
        #expect(try configuration(["LESOCIAL_ENV": "production"]).paymentProvider() == .none)
    }

    @Test func sandboxIsRefusedInProduction() throws {
        let config = try configuration(["LESOCIAL_ENV": "production", "LESOCIAL_PAYMENT_PROVIDER": "sandbox"])

        #expect(throws: ConfigurationError.self) { try config.paymentProvider() }
    }

    @Test func stripeNeedsAKeyAndWebhookSecrets() throws {
        let withoutSecrets = try configuration([
            "LESOCIAL_PAYMENT_PROVIDER": "stripe", "LESOCIAL_STRIPE_SECRET_KEY": "sk_test_abc",
        ])
        #expect(throws: ConfigurationError.self) { try withoutSecrets.stripeConfiguration() }

        let complete = try configuration([
            "LESOCIAL_PAYMENT_PROVIDER": "stripe", "LESOCIAL_STRIPE_SECRET_KEY": "sk_test_abc",
            "LESOCIAL_STRIPE_WEBHOOK_SECRETS": "whsec_new, whsec_old",
        ])
        let stripe = try complete.stripeConfiguration()
        #expect(stripe.webhookSecrets == ["whsec_new", "whsec_old"])
        #expect(stripe.apiBase == "https://api.stripe.com")
        #expect(stripe.isTestMode)
    }

    @Test func sellerDetailsAreAllOrNothing() throws {
        #expect(try configuration([:]).sellerDetails().isPlaceholder)
        let partial = try configuration(["LESOCIAL_SELLER_NAME": "LeSocial SAS"])
        #expect(throws: ConfigurationError.self) { try partial.sellerDetails() }

        let seller = try configuration([
            "LESOCIAL_SELLER_NAME": "LeSocial SAS", "LESOCIAL_SELLER_ADDRESS": "1 rue de la Paix\\n75002 Paris",
            "LESOCIAL_SELLER_SIREN": "123 456 789", "LESOCIAL_SELLER_VAT_NUMBER": "FR12123456789",
            "LESOCIAL_SELLER_EMAIL": "factures@lesocial.fr", "LESOCIAL_SELLER_MENTIONS": "Facture acquittée.",
        ]).sellerDetails()
        #expect(seller.address == "1 rue de la Paix\n75002 Paris")
        #expect(!seller.isPlaceholder)
    }

    @Test func closedOrderingShowsThePlansWithoutOrderButtons() throws {
        let fixture = try PortalFixture(environment: ["LESOCIAL_PAYMENT_PROVIDER": "none"])
        let shopper = BillingShopper(fixture: fixture)
        let page = try fixture.browser().get("/tarifs")

        #expect(page.bodyText.contains("Les commandes en ligne ne sont pas encore ouvertes."))
        #expect(!page.bodyText.contains(">Choisir</button>"))
        #expect(!page.bodyText.contains("MODE TEST"))
        let browser = try shopper.member("camille@exemple.fr")
        try browser.get("/tarifs")
        #expect(
            try browser.post(
                "/paiement/commander", [("plan", "\(try shopper.planID("es-1-mois"))"), ("renonciation", "1")]
            ).status == 503)
    }

    @Test func stripeCheckoutRedirectsToTheSessionStripeReturns() throws {
        let answer = """
            {"id":"cs_test_local","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/cs_test_local"}
            """
        let stripe = try LocalHTTPServer { _ in Response.json(bytes: Array(answer.utf8)) }
        defer { stripe.stop() }
        let fixture = try PortalFixture(environment: [
            "LESOCIAL_PAYMENT_PROVIDER": "stripe", "LESOCIAL_STRIPE_SECRET_KEY": "sk_test_local",
            "LESOCIAL_STRIPE_WEBHOOK_SECRETS": "whsec_local", "LESOCIAL_STRIPE_API_BASE": stripe.base,
        ])
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        try browser.get("/tarifs")

        let response = try browser.post(
            "/paiement/commander", [("plan", "\(try shopper.planID("es-1-mois"))"), ("renonciation", "1")])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "https://checkout.stripe.test/c/pay/cs_test_local")
        let request = try #require(stripe.lastRequest)
        #expect(request.path == "/v1/checkout/sessions")
        #expect(request.headers["Authorization"] == "Bearer sk_test_local")
        #expect(request.form.value("line_items[0][price_data][unit_amount]") == "1990")
        #expect(
            request.form.value("success_url") == "http://lesocial.test/paiement/retour?session={CHECKOUT_SESSION_ID}")
        #expect(try OrderStore(try shopper.db).order(providerSessionID: "cs_test_local")?.status == .pending)
    }
}
