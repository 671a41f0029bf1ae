import Foundation
import Testing

@testable import Billing

/// Checks the request it receives and answers with a canned response.
final class FakeTransport: HTTPTransport {
    var requests: [HTTPRequest] = []
    let response: HTTPResponse?

    init(status: Int, json: String) {
        response = HTTPResponse(status: status, body: Array(json.utf8))
    }

    init(failing: ()) {
        response = nil
    }

    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "could not resolve host" }
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        requests.append(request)
        guard let response else { throw Unreachable() }
        return response
    }
}

@Suite struct StripeProviderTests {
    let configuration = StripeConfiguration(secretKey: "sk_test_123", webhookSecrets: ["whsec_a"])

    @Test func checkoutSessionRequestIsFormEncodedForStripe() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let transport = FakeTransport(
            status: 200,
            json: #"{"id":"cs_test_abc","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_1"}"#)
        let provider = StripeProvider(configuration: configuration, transport: transport)
        let service = CheckoutService(db: fixture.db, provider: provider, logger: fixture.quietLogger)

        let (order, redirect) = try service.start(
            userID: user, buyer: Buyer(email: "ines+test@example.fr", name: "Inès Martin"),
            planID: fixture.plan("toutes-3-mois").id,
            successURL: "https://lesocial.fr/paiement/merci?s={CHECKOUT_SESSION_ID}",
            cancelURL: "https://lesocial.fr/tarifs", now: fixture.now)

        #expect(
            redirect
                == CheckoutRedirect(
                    url: "https://checkout.stripe.com/c/pay/cs_1", providerSessionID: "cs_test_abc"))
        #expect(order.providerSessionID == "cs_test_abc")
        #expect(order.provider == "stripe")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.stripe.com/v1/checkout/sessions")
        #expect(request.header("authorization") == "Bearer sk_test_123")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Idempotency-Key") == "lesocial-order-\(order.id)")
        let body = String(decoding: request.body, as: UTF8.self)
        let expected = [
            "mode=payment",
            "client_reference_id=\(order.id)",
            "customer_email=ines%2Btest%40example.fr",
            "locale=fr",
            "success_url=https%3A%2F%2Flesocial.fr%2Fpaiement%2Fmerci%3Fs%3D%7BCHECKOUT_SESSION_ID%7D",
            "cancel_url=https%3A%2F%2Flesocial.fr%2Ftarifs",
            "line_items[0][quantity]=1",
            "line_items[0][price_data][currency]=eur",
            "line_items[0][price_data][unit_amount]=7990",
            "line_items[0][price_data][product_data][name]=Toutes%20les%20pr%C3%A9parations%20%E2%80%94%203%20mois",
            "metadata[order_id]=\(order.id)",
            "payment_intent_data[metadata][order_id]=\(order.id)",
            "metadata[buyer_name]=In%C3%A8s%20Martin",
        ]
        #expect(body.split(separator: "&").map(String.init) == expected)
    }

    @Test func priceChangeAppliesToLaterOrdersOnly() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let transport = FakeTransport(status: 200, json: #"{"id":"cs_1","url":"https://checkout.stripe.com/x"}"#)
        let service = CheckoutService(
            db: fixture.db, provider: StripeProvider(configuration: configuration, transport: transport),
            logger: fixture.quietLogger)
        let plan = try fixture.plan("es-1-mois")
        let before = try service.start(
            userID: user, buyer: Buyer(email: "a@example.fr", name: nil), planID: plan.id, successURL: "s",
            cancelURL: "c", now: fixture.now
        ).order

        try PlanStore(fixture.db).updatePrice(planID: plan.id, priceTTCCents: 2490, now: fixture.now)

        #expect(try fixture.order(before.id).price.ttcCents == 1990)
        #expect(try PlanStore(fixture.db).require(plan.id).price == PriceBreakdown(ttcCents: 2490))
    }

    @Test func stripeErrorBecomesAProviderFailureWithAFrenchMessage() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let transport = FakeTransport(status: 401, json: #"{"error":{"message":"Invalid API Key provided"}}"#)
        let service = CheckoutService(
            db: fixture.db, provider: StripeProvider(configuration: configuration, transport: transport),
            logger: fixture.quietLogger)

        let error = #expect(throws: BillingError.self) {
            try service.start(
                userID: user, buyer: Buyer(email: "a@example.fr", name: nil), planID: fixture.plan("es-1-mois").id,
                successURL: "s", cancelURL: "c", now: fixture.now)
        }
        let orderID = try fixture.db.queryOne("SELECT MAX(id) FROM orders")?.int64(0) ?? 0
        #expect(
            error == .providerFailed(provider: "stripe", detail: "order \(orderID): HTTP 401: Invalid API Key provided")
        )
        let expected =
            "Le paiement n'a pas pu être lancé. Réessayez dans quelques minutes ; aucun montant n'a été débité."
        #expect(error?.message == expected)
    }

    @Test func unreachableStripeIsAProviderFailure() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let provider = StripeProvider(configuration: configuration, transport: FakeTransport(failing: ()))
        let order = try OrderStore(fixture.db).create(
            userID: user, buyer: Buyer(email: "a@example.fr", name: nil), plan: fixture.plan("es-1-mois"),
            provider: "stripe", now: fixture.now)

        #expect(
            throws: BillingError.providerFailed(
                provider: "stripe", detail: "order \(order.id): transport: could not resolve host")
        ) {
            try provider.createCheckout(order: order, successURL: "s", cancelURL: "c")
        }
    }

    @Test func responseWithoutUrlIsRefused() throws {
        let response = HTTPResponse(status: 200, body: Array(#"{"id":"cs_1"}"#.utf8))
        #expect(
            throws: BillingError.providerFailed(
                provider: "stripe", detail: "order 7: checkout session response lacks id or url")
        ) {
            try StripeProvider.parseCheckoutResponse(response, orderID: 7)
        }
    }

    @Test func testKeysAreRecognised() {
        #expect(StripeConfiguration(secretKey: "sk_test_x", webhookSecrets: []).isTestMode)
        #expect(!StripeConfiguration(secretKey: "sk_live_x", webhookSecrets: []).isTestMode)
    }
}
