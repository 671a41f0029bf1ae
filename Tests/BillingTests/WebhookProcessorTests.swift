import Foundation
import Security
import Storage
import Testing

@testable import Billing

@Suite struct WebhookProcessorTests {
    @Test func paidCheckoutGrantsAccessAndIssuesAnInvoice() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("ines@example.fr")
        let order = try fixture.checkout(userID: user, plan: "ifsi-1-mois")
        #expect(try fixture.entitlements.check(userID: user, track: .ifsi, now: fixture.now) == nil)

        let outcome = try fixture.deliver(.paymentSucceeded, order)

        guard case .applied = outcome else {
            Issue.record("expected applied, got \(outcome)")
            return
        }
        let entitlement = try #require(try fixture.entitlements.check(userID: user, track: .ifsi, now: fixture.now))
        #expect(entitlement.validUntil == paris(2026, 4, 10, 9))
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: fixture.now) == nil)
        #expect(try fixture.order(order.id).status == .paid)
        let invoices = try InvoiceStore(fixture.db).invoices(userID: user)
        #expect(invoices.map(\.number) == ["2026-000001"])
    }

    @Test func badSignatureIsRefusedAndLoggedAsAWarning() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        let event = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        let forged = WebhookSignature.sign(
            payload: event.payload, secret: "whsec_wrong", timestamp: seconds(fixture.now))

        #expect(throws: BillingError.badSignature(reason: "no webhook signature matches the payload")) {
            try fixture.processor.process(rawBody: event.payload, signatureHeader: forged, now: fixture.now)
        }
        #expect(throws: BillingError.badSignature(reason: "webhook signature header missing")) {
            try fixture.processor.process(rawBody: event.payload, signatureHeader: nil, now: fixture.now)
        }
        #expect(try fixture.order(order.id).status == .pending)
        #expect(try fixture.db.queryOne("SELECT COUNT(*) FROM webhook_events")?.int(0) == 0)
        #expect(
            fixture.logs.lines.contains { $0.contains("level=warning") && $0.contains("billing.webhook.bad_signature") }
        )
        #expect(BillingError.badSignature(reason: "x").code == "bad_signature")
    }

    @Test func tamperedBodyIsRefused() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        let event = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        var body = event.payload
        body[body.count - 2] = UInt8(ascii: " ")

        #expect(throws: BillingError.badSignature(reason: "no webhook signature matches the payload")) {
            try fixture.processor.process(rawBody: body, signatureHeader: event.signatureHeader, now: fixture.now)
        }
    }

    @Test func signatureOlderThanTheToleranceIsRefused() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        let event = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        let signedAt = seconds(fixture.now)

        let late = fixture.now + 301
        #expect(
            throws: BillingError.badSignature(
                reason: "webhook timestamp \(signedAt) outside tolerance at \(signedAt + 301)")
        ) {
            try fixture.processor.process(rawBody: event.payload, signatureHeader: event.signatureHeader, now: late)
        }
        let inTime = try fixture.processor.process(
            rawBody: event.payload, signatureHeader: event.signatureHeader, now: fixture.now + 300)
        #expect(inTime.eventID == event.id)
    }

    @Test func replayChangesNothing() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        let event = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        _ = try fixture.processor.process(
            rawBody: event.payload, signatureHeader: event.signatureHeader, now: fixture.now)
        let snapshot = try tableCounts(fixture.db)

        let replay = try fixture.processor.process(
            rawBody: event.payload, signatureHeader: event.signatureHeader, now: fixture.now + 10)

        #expect(replay == .duplicate(eventID: event.id))
        #expect(try tableCounts(fixture.db) == snapshot)
        #expect(snapshot == [1, 1, 1, 1])
    }

    @Test func secondPaymentEventWithANewIdDoesNotPayTwice() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)

        let again = try fixture.deliver(.paymentSucceeded, order)

        guard case .ignored(_, let reason) = again else {
            Issue.record("expected ignored, got \(again)")
            return
        }
        #expect(reason == "order \(order.id) already paid")
        #expect(try tableCounts(fixture.db) == [2, 1, 1, 1])
    }

    @Test func twoSignaturesDuringSecretRotationAreAccepted() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        let event = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        let timestamp = seconds(fixture.now)
        let old = WebhookSignature.sign(payload: event.payload, secret: "whsec_old", timestamp: timestamp)
        let new = WebhookSignature.sign(payload: event.payload, secret: "whsec_new", timestamp: timestamp)
        let header = old + "," + new.split(separator: ",")[1]

        let onlyNew = WebhookProcessor(
            db: fixture.db, secrets: ["whsec_new"], seller: .placeholder, logger: fixture.quietLogger)
        let outcome = try onlyNew.process(rawBody: event.payload, signatureHeader: header, now: fixture.now)

        #expect(outcome.eventID == event.id)
        #expect(try fixture.order(order.id).status == .paid)
    }

    @Test func processorHoldingOldAndNewSecretsAcceptsEither() throws {
        let fixture = try BillingFixture()
        let processor = WebhookProcessor(
            db: fixture.db, secrets: ["whsec_new", "whsec_old"], seller: .placeholder, logger: fixture.quietLogger)
        for (index, secret) in ["whsec_old", "whsec_new"].enumerated() {
            let body = Array(#"{"id":"evt_rot_\#(index)","type":"ping","created":1,"data":{"object":{}}}"#.utf8)
            let header = WebhookSignature.sign(payload: body, secret: secret, timestamp: seconds(fixture.now))
            let outcome = try processor.process(rawBody: body, signatureHeader: header, now: fixture.now)
            #expect(outcome == .ignored(eventID: "evt_rot_\(index)", reason: "type ping not handled"))
        }
    }

    /// The shared vectors are signature-only payloads: the signature passes, then the body is refused
    /// as an incomplete event, which proves verification ran first and accepted it.
    @Test func sharedConformanceVectorsPassVerification() throws {
        let fixture = try BillingFixture()
        let vectors = try ConformanceVectors.webhookCases()
        let expected = ["evt_1": "event evt_1: missing key type", "evt_2": "event evt_2: missing key created"]
        #expect(vectors.count == 2)
        for vector in vectors {
            let header = "t=\(vector.timestamp),v1=\(vector.v1)"
            let body = Array(vector.payload.utf8)
            let at = Date(timeIntervalSince1970: TimeInterval(vector.timestamp))
            let processor = WebhookProcessor(
                db: fixture.db, secrets: ["whsec_other", vector.secret], seller: .placeholder,
                logger: fixture.quietLogger)
            let json = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
            let id = try #require(json?["id"] as? String)

            #expect(throws: BillingError.malformedEvent(reason: expected[id] ?? "?")) {
                try processor.process(rawBody: body, signatureHeader: header, now: at + 299)
            }
            let otherSecret = WebhookProcessor(
                db: fixture.db, secrets: ["whsec_other"], seller: .placeholder, logger: fixture.quietLogger)
            #expect(throws: BillingError.badSignature(reason: "no webhook signature matches the payload")) {
                try otherSecret.process(rawBody: body, signatureHeader: header, now: at)
            }
        }
    }

    @Test func malformedEventIsRefusedNamingTheMissingKey() throws {
        let fixture = try BillingFixture()
        let noCreated = fixture.signed(#"{"id":"evt_x","type":"charge.refunded","data":{"object":{}}}"#)
        #expect(throws: BillingError.malformedEvent(reason: "event evt_x: missing key created")) {
            try fixture.processor.process(rawBody: noCreated.body, signatureHeader: noCreated.header, now: fixture.now)
        }
        let notJSON = fixture.signed("hello")
        #expect(throws: BillingError.malformedEvent(reason: "body is not a JSON object")) {
            try fixture.processor.process(rawBody: notJSON.body, signatureHeader: notJSON.header, now: fixture.now)
        }
    }

    @Test func refundRevokesAccessAtOnceAndIssuesACreditNote() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "toutes-3-mois")
        try fixture.deliver(.paymentSucceeded, order)
        #expect(try fixture.entitlements.check(userID: user, track: .ass, now: fixture.now) != nil)

        fixture.now += day
        try fixture.deliver(.refunded, order)

        #expect(try fixture.entitlements.check(userID: user, track: .ass, now: fixture.now) == nil)
        #expect(try fixture.order(order.id).status == .refunded)
        let notes = try InvoiceStore(fixture.db).creditNotes(userID: user)
        #expect(notes.map(\.number) == ["AV-2026-000001"])
        #expect(notes.first?.invoiceNumber == "2026-000001")
        #expect(notes.first?.total == PriceBreakdown(ttcCents: 7990))
        #expect(notes.first?.reason == "Remboursement intégral de la facture 2026-000001")
        let subscription = try #require(try SubscriptionStore(fixture.db).subscriptions(userID: user).first)
        #expect(subscription.state == .refunded)
    }

    @Test func refundArrivingBeforeItsPaymentEndsRefunded() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "ifsi-3-mois")
        let paidEvent = fixture.sandbox.makeEvent(kind: .paymentSucceeded, order: order, now: fixture.now)
        let refundEvent = fixture.sandbox.makeEvent(kind: .refunded, order: order, now: fixture.now + 60)
        fixture.now += 120

        let first = try fixture.processor.process(
            rawBody: refundEvent.payload, signatureHeader: refundEvent.signatureHeader, now: fixture.now)
        #expect(first == .applied(eventID: refundEvent.id, effect: "refund recorded, waiting for its payment"))
        #expect(try fixture.order(order.id).status == .pending)

        _ = try fixture.processor.process(
            rawBody: paidEvent.payload, signatureHeader: paidEvent.signatureHeader, now: fixture.now)

        #expect(try fixture.order(order.id).status == .refunded)
        #expect(try fixture.entitlements.check(userID: user, track: .ifsi, now: fixture.now) == nil)
        #expect(try InvoiceStore(fixture.db).invoices(userID: user).count == 1)
        #expect(try InvoiceStore(fixture.db).creditNotes(userID: user).map(\.number) == ["AV-2026-000001"])
    }

    @Test func declinedCardLeavesNoAccessButALaterSuccessPays() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "as-1-mois")

        try fixture.deliver(.paymentFailed, order)
        #expect(try fixture.order(order.id).status == .failed)
        #expect(try fixture.entitlements.check(userID: user, track: .aideSoignant, now: fixture.now) == nil)

        fixture.now += 60
        try fixture.deliver(.paymentSucceeded, order)
        #expect(try fixture.order(order.id).status == .paid)
        #expect(try fixture.entitlements.check(userID: user, track: .aideSoignant, now: fixture.now) != nil)
    }

    @Test func failureDeliveredAfterTheSuccessChangesNothing() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "as-1-mois")
        let failed = fixture.sandbox.makeEvent(kind: .paymentFailed, order: order, now: fixture.now)
        try fixture.deliver(.paymentSucceeded, order, at: fixture.now + 30)

        let late = try fixture.processor.process(
            rawBody: failed.payload, signatureHeader: failed.signatureHeader, now: fixture.now + 60)

        #expect(late == .ignored(eventID: failed.id, reason: "order \(order.id) already paid"))
        #expect(try fixture.order(order.id).status == .paid)
    }

    @Test func staleSubscriptionStateArrivingLateIsIgnored() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-3-mois")
        try fixture.deliver(.paymentSucceeded, order)
        let reactivated = fixture.sandbox.makeEvent(
            kind: .subscriptionReactivated, order: order, now: fixture.now + 100)
        let pastDue = fixture.sandbox.makeEvent(kind: .subscriptionPastDue, order: order, now: fixture.now + 200)
        fixture.now += 250

        _ = try fixture.processor.process(
            rawBody: pastDue.payload, signatureHeader: pastDue.signatureHeader, now: fixture.now)
        let stale = try fixture.processor.process(
            rawBody: reactivated.payload, signatureHeader: reactivated.signatureHeader, now: fixture.now)

        guard case .ignored = stale else {
            Issue.record("expected ignored, got \(stale)")
            return
        }
        let subscription = try #require(try SubscriptionStore(fixture.db).subscriptions(userID: user).first)
        #expect(subscription.state == .pastDue)
        #expect(subscription.pastDueSince == Date(timeIntervalSince1970: TimeInterval(seconds(fixture.now - 50))))
    }

    @Test func pastDueKeepsAccessOnlyDuringTheGracePeriod() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-3-mois")
        try fixture.deliver(.paymentSucceeded, order)
        fixture.now += 10 * day
        let becamePastDue = fixture.now
        try fixture.deliver(.subscriptionPastDue, order)

        #expect(try fixture.entitlements.check(userID: user, track: .es, now: becamePastDue + 7 * day - 1) != nil)
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: becamePastDue + 7 * day) == nil)

        fixture.now += day
        try fixture.deliver(.subscriptionReactivated, order)
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: becamePastDue + 8 * day) != nil)
    }

    @Test func vendorCancellationRevokesAtOnceAndIsFinal() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-3-mois")
        try fixture.deliver(.paymentSucceeded, order)
        fixture.now += day

        try fixture.deliver(.subscriptionCancelledByVendor, order)
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: fixture.now) == nil)

        fixture.now += 60
        let revived = try fixture.deliver(.subscriptionReactivated, order)
        guard case .ignored = revived else {
            Issue.record("expected ignored, got \(revived)")
            return
        }
        #expect(try fixture.entitlements.check(userID: user, track: .es, now: fixture.now) == nil)
    }

    @Test func completionForAnUnknownOrderIsRecordedAndIgnored() throws {
        let fixture = try BillingFixture()
        let event = fixture.signed(
            #"{"id":"evt_u","type":"checkout.session.completed","created":1,"data":{"object":{"id":"cs_nope","#
                + #""payment_status":"paid","metadata":{"order_id":"999"}}}}"#)

        let outcome = try fixture.processor.process(
            rawBody: event.body, signatureHeader: event.header, now: fixture.now)

        #expect(outcome == .ignored(eventID: "evt_u", reason: "unknown order"))
        #expect(
            try fixture.db.queryOne("SELECT outcome FROM webhook_events WHERE id = 'evt_u'")?.string(0)
                == "ignored: unknown order")
    }

    private func tableCounts(_ db: Database) throws -> [Int] {
        try ["webhook_events", "subscriptions", "invoices", "invoice_lines"].map {
            try db.queryOne("SELECT COUNT(*) FROM \($0)")?.int(0) ?? -1
        }
    }
}
