/// What the sandbox checkout page lets the tester make happen.
public enum SandboxEventKind: String, CaseIterable, Sendable {
    /// The card is accepted: `checkout.session.completed`.
    case paymentSucceeded = "payment_succeeded"
    /// The card is declined: `payment_intent.payment_failed`.
    case paymentFailed = "payment_failed"
    /// The payment is refunded in full: `charge.refunded`.
    case refunded
    /// A renewal failed: `customer.subscription.updated` with status `past_due`.
    case subscriptionPastDue = "subscription_past_due"
    /// Payment recovered: `customer.subscription.updated` with status `active`.
    case subscriptionReactivated = "subscription_reactivated"
    /// The vendor ends the subscription at once: `customer.subscription.deleted`.
    case subscriptionCancelledByVendor = "subscription_cancelled_by_vendor"

    /// The French label of the sandbox page's button.
    public var label: String {
        switch self {
        case .paymentSucceeded: "Simuler un paiement accepté"
        case .paymentFailed: "Simuler une carte refusée"
        case .refunded: "Simuler un remboursement"
        case .subscriptionPastDue: "Simuler un échec de renouvellement"
        case .subscriptionReactivated: "Simuler la régularisation du paiement"
        case .subscriptionCancelledByVendor: "Simuler une résiliation par LeSocial"
        }
    }
}
