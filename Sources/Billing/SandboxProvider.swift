import Foundation
import Security

/// Test-mode payments served by LeSocial itself: no money moves.
///
/// Checkout sends the buyer to `/paiement/bac-a-sable/<session>`, a page
/// clearly marked "mode test" where the tester picks an outcome; the page
/// then posts the event made by `makeEvent` to the ordinary webhook
/// endpoint, signed like Stripe's, so it goes through the same verification
/// and processing as real payments. Sandbox ids derive from the session id
/// (`cs_sandbox_X` → `pi_sandbox_X`, `sub_sandbox_X`), so the provider keeps
/// no state.
public struct SandboxProvider: PaymentProvider {
    /// The secret the sandbox signs with unless configured otherwise.
    public static let defaultWebhookSecret = "whsec_lesocial_sandbox"
    /// Path of the sandbox checkout page, before the session id.
    public static let checkoutPathPrefix = "/paiement/bac-a-sable/"

    /// `sandbox`.
    public let name = "sandbox"
    /// Always `true`.
    public let isTestMode = true
    /// Signs the sandbox's webhook events; the webhook processor must list it among its secrets.
    public let webhookSecret: String

    /// A sandbox signing with `webhookSecret`.
    public init(webhookSecret: String = SandboxProvider.defaultWebhookSecret) {
        self.webhookSecret = webhookSecret
    }

    /// A new sandbox session whose page is `/paiement/bac-a-sable/<session>`.
    public func createCheckout(order: Order, successURL: String, cancelURL: String) throws -> CheckoutRedirect {
        let session = "cs_sandbox_\(Self.alphanumericToken())"
        return CheckoutRedirect(url: Self.checkoutPathPrefix + session, providerSessionID: session)
    }

    /// Whether `session` has the shape of a sandbox session id, for the sandbox page's route.
    public static func isSandboxSession(_ session: String) -> Bool {
        session.hasPrefix("cs_sandbox_") && session.count <= 64
            && session.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isAlphanumeric($0) }
    }

    /// A signed event of `kind` about `order`, dated `now`.
    ///
    /// `order` must have its sandbox session id (set by checkout).
    public func makeEvent(kind: SandboxEventKind, order: Order, now: Date) -> SandboxEvent {
        let session = order.providerSessionID ?? "cs_sandbox_missing"
        let suffix = session.hasPrefix("cs_sandbox_") ? String(session.dropFirst("cs_sandbox_".count)) : session
        let paymentIntent = "pi_sandbox_\(suffix)"
        let subscription = "sub_sandbox_\(suffix)"
        let metadata = ["order_id": "\(order.id)"]
        let created = Int(now.timeIntervalSince1970.rounded(.down))

        let type: String
        let object: [String: Any]
        switch kind {
        case .paymentSucceeded:
            type = "checkout.session.completed"
            var customer: [String: Any] = ["email": order.buyer.email]
            if let name = order.buyer.name { customer["name"] = name }
            object = [
                "id": session, "object": "checkout.session", "client_reference_id": "\(order.id)",
                "metadata": metadata, "payment_status": "paid", "payment_intent": paymentIntent,
                "subscription": subscription, "amount_total": order.price.ttcCents, "currency": "eur",
                "customer_details": customer,
            ]
        case .paymentFailed:
            type = "payment_intent.payment_failed"
            object = [
                "id": paymentIntent, "object": "payment_intent", "metadata": metadata,
                "last_payment_error": ["code": "card_declined", "message": "Your card was declined."],
            ]
        case .refunded:
            type = "charge.refunded"
            object = [
                "id": "ch_sandbox_\(suffix)", "object": "charge", "payment_intent": paymentIntent,
                "amount": order.price.ttcCents, "amount_refunded": order.price.ttcCents, "refunded": true,
                "metadata": metadata,
            ]
        case .subscriptionPastDue, .subscriptionReactivated:
            type = "customer.subscription.updated"
            object = [
                "id": subscription, "object": "subscription", "metadata": metadata,
                "status": kind == .subscriptionPastDue ? "past_due" : "active", "cancel_at_period_end": false,
            ]
        case .subscriptionCancelledByVendor:
            type = "customer.subscription.deleted"
            object = [
                "id": subscription, "object": "subscription", "metadata": metadata, "status": "canceled",
                "cancel_at_period_end": false,
            ]
        }

        let id = "evt_sandbox_\(Self.alphanumericToken())"
        let event: [String: Any] = [
            "id": id, "object": "event", "type": type, "created": created, "livemode": false,
            "data": ["object": object],
        ]
        let payload = Self.json(event)
        let header = WebhookSignature.sign(payload: payload, secret: webhookSecret, timestamp: created)
        return SandboxEvent(id: id, payload: payload, signatureHeader: header)
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        do {
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        } catch {
            preconditionFailure("billing: sandbox event not serializable: \(error)")
        }
    }

    /// 24 random letters and digits: no `-` or `_`, so ids split cleanly on their prefix.
    private static func alphanumericToken() -> String {
        RandomText.make(length: 24, alphabet: Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
