import Billing
import Foundation
import Security
import Testing
import Web

@testable import Portal

@Suite struct BillingWebhookTests {
    /// A member with a pending sandbox order, and the order.
    func pendingOrder(_ shopper: BillingShopper) throws -> Order {
        let browser = try shopper.member("camille@exemple.fr")
        let checkout = try shopper.order(browser, "ifsi-3-mois")
        let session = String(checkout.dropFirst(SandboxProvider.checkoutPathPrefix.count))
        return try #require(try OrderStore(try shopper.db).order(providerSessionID: session))
    }

    @Test func signedDeliveryIsAppliedAndAnsweredWithReceived() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let order = try pendingOrder(shopper)
        let event = try shopper.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: Date())

        let response = try shopper.deliver(event.payload, signature: event.signatureHeader)
        #expect(response.status == 200)
        #expect(response.bodyText == #"{"received":true}"#)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) != nil)
    }

    @Test func replayingTheSameEventChangesNothing() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let order = try pendingOrder(shopper)
        let event = try shopper.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: Date())

        #expect(try shopper.deliver(event.payload, signature: event.signatureHeader).status == 200)
        let end = try #require(try shopper.access("camille@exemple.fr", .ifsi)).validUntil
        #expect(try shopper.deliver(event.payload, signature: event.signatureHeader).status == 200)

        let db = try shopper.db
        #expect(try db.queryOne("SELECT COUNT(*) AS n FROM invoices")?.int("n") == 1)
        #expect(try db.queryOne("SELECT COUNT(*) AS n FROM subscriptions")?.int("n") == 1)
        #expect(try db.queryOne("SELECT COUNT(*) AS n FROM webhook_events")?.int("n") == 1)
        #expect(try shopper.access("camille@exemple.fr", .ifsi)?.validUntil == end)
        #expect(fixture.logLines.contains("outcome=duplicate"))
    }

    @Test func badSignatureIsRefusedWith400AndLoggedAsAWarning() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let order = try pendingOrder(shopper)
        let event = try shopper.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: Date())
        let forged = WebhookSignature.sign(
            payload: event.payload, secret: "whsec_not_ours", timestamp: Int(Date().timeIntervalSince1970))

        let response = try shopper.deliver(event.payload, signature: forged)
        #expect(response.status == 400)
        #expect(response.bodyText.contains(#""code":"bad_signature""#))
        #expect(response.bodyText.contains("Signature de la notification de paiement invalide."))
        #expect(
            fixture.logLines.all.contains { $0.contains("warning") && $0.contains("billing.webhook.bad_signature") })
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)
        #expect(try shopper.db.queryOne("SELECT COUNT(*) AS n FROM webhook_events")?.int("n") == 0)
    }

    @Test func missingSignatureAndTamperedBodyAreRefused() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let order = try pendingOrder(shopper)
        let event = try shopper.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: Date())
        var tampered = event.payload
        tampered.append(UInt8(ascii: " "))

        #expect(try shopper.deliver(event.payload, signature: nil).status == 400)
        #expect(try shopper.deliver(tampered, signature: event.signatureHeader).status == 400)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)
    }

    @Test func signedButMalformedEventIsRefusedWith400() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let payload = Array(#"{"hello":"world"}"#.utf8)
        let signature = WebhookSignature.sign(
            payload: payload, secret: try shopper.sandbox.webhookSecret, timestamp: Int(Date().timeIntervalSince1970))

        let response = try shopper.deliver(payload, signature: signature)
        #expect(response.status == 400)
        #expect(response.bodyText.contains(#""code":"malformed_event""#))
    }

    @Test func refundArrivingBeforeThePaymentEndsRefunded() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let order = try pendingOrder(shopper)
        let sandbox = try shopper.sandbox
        let refund = sandbox.makeEvent(kind: .refunded, order: order, now: Date())
        let payment = sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: Date())

        #expect(try shopper.deliver(refund.payload, signature: refund.signatureHeader).status == 200)
        #expect(try shopper.deliver(payment.payload, signature: payment.signatureHeader).status == 200)

        #expect(try OrderStore(try shopper.db).order(id: order.id)?.status == .refunded)
        #expect(try shopper.access("camille@exemple.fr", .ifsi) == nil)
        #expect(try shopper.db.queryOne("SELECT COUNT(*) AS n FROM credit_notes")?.int("n") == 1)
    }
}
