import Foundation
import Security
import Testing

@testable import Billing

@Suite struct SandboxProviderTests {
    @Test func checkoutPointsToTheSandboxPage() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")

        let session = try #require(order.providerSessionID)
        #expect(order.provider == "sandbox")
        #expect(SandboxProvider.isSandboxSession(session))
        #expect(!SandboxProvider.isSandboxSession("cs_sandbox_../../etc"))
        #expect(fixture.sandbox.isTestMode)
    }

    @Test func eventsAreSignedWithTheSandboxSecretLikeStripe() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")

        for kind in SandboxEventKind.allCases {
            let event = fixture.sandbox.makeEvent(kind: kind, order: order, now: fixture.now)
            #expect(event.signatureHeader.hasPrefix("t=\(seconds(fixture.now)),v1="))
            try WebhookSignature.verify(
                header: event.signatureHeader, payload: event.payload, secrets: ["whsec_lesocial_sandbox"],
                now: fixture.now)
            let parsed = try WebhookEvent(body: event.payload)
            #expect(parsed.id == event.id)
            #expect(parsed.object.object("metadata")?.id("order_id") == order.id)
        }
    }

    @Test func schemaAppliesAfterAUsersTable() throws {
        let fixture = try BillingFixture()
        let tables = try fixture.db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map {
            $0.string(0)
        }
        for table in [
            "plans", "orders", "subscriptions", "entitlements", "webhook_events", "invoices",
            "invoice_lines", "credit_notes", "document_counters", "voucher_batches", "voucher_codes",
        ] {
            #expect(tables.contains(table), "\(table)")
        }
    }

    @Test func errorCodesAreDistinct() {
        let errors: [BillingError] = [
            .badSignature(reason: ""), .malformedEvent(reason: ""), .invalidPlan(reason: ""), .planNotFound(""),
            .planArchived(planID: 1), .planEnded(planID: 1), .orderNotFound(orderID: 1),
            .providerFailed(provider: "", detail: ""), .subscriptionNotFound(subscriptionID: 1),
            .subscriptionNotCancellable(subscriptionID: 1, state: ""), .invoiceNotFound(number: ""), .voucherUnknown,
            .voucherExpired, .voucherAlreadyUsed, .invalidVoucherBatch(reason: ""), .voucherBatchNotFound(batchID: 1),
            .invalidGrant(reason: ""),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(errors.allSatisfy { !$0.message.isEmpty && $0.description.hasPrefix("billing: ") })
    }
}
