/// Where a paid access period stands; `AccessPolicy` says what each state grants.
public enum SubscriptionState: String, CaseIterable, Sendable {
    /// Paid and running.
    case active
    /// In a free trial.
    case trialing
    /// A renewal payment failed; the provider retries.
    case pastDue = "past_due"
    /// The user cancelled: no renewal, access kept to the end of the paid period.
    case cancelledByUser = "cancelled_by_user"
    /// The vendor ended it (fraud, abuse, provider cancellation).
    case cancelledByVendor = "cancelled_by_vendor"
    /// The payment was refunded in full.
    case refunded
    /// Ended for lack of payment.
    case expired

    /// Whether no event can change it any more: a refunded, revoked or expired subscription stays so.
    public var isFinal: Bool {
        switch self {
        case .refunded, .cancelledByVendor, .expired: true
        case .active, .trialing, .pastDue, .cancelledByUser: false
        }
    }

    /// The French label of the account page.
    public var label: String {
        switch self {
        case .active: "Actif"
        case .trialing: "Période d'essai"
        case .pastDue: "Paiement en attente"
        case .cancelledByUser: "Résilié (accès jusqu'à la fin de la période payée)"
        case .cancelledByVendor: "Résilié par LeSocial"
        case .refunded: "Remboursé"
        case .expired: "Expiré"
        }
    }
}
