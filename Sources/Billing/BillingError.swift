import Foundation

/// Why a billing operation was refused.
///
/// `message` is a short French sentence for the user, `code` a stable
/// identifier for logs, metrics and API clients, and `description` the
/// internal text with layer, operation and ids.
public enum BillingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A webhook's signature was missing, malformed, stale or wrong; the caller answers 400.
    case badSignature(reason: String)
    /// A correctly signed webhook whose JSON is not an event.
    case malformedEvent(reason: String)
    /// A plan's fields break a rule (price, duration, slug, name).
    case invalidPlan(reason: String)
    /// No plan has this id (or slug).
    case planNotFound(String)
    /// The plan was archived: no new order, no new voucher batch.
    case planArchived(planID: Int64)
    /// A "jusqu'au concours" plan whose end date has passed.
    case planEnded(planID: Int64)
    /// No order has this id, or it belongs to someone else.
    case orderNotFound(orderID: Int64)
    /// The payment provider refused or could not be reached.
    case providerFailed(provider: String, detail: String)
    /// No subscription has this id for this user.
    case subscriptionNotFound(subscriptionID: Int64)
    /// The subscription is already over (refunded, revoked, expired).
    case subscriptionNotCancellable(subscriptionID: Int64, state: String)
    /// No invoice or credit note has this number for this user.
    case invoiceNotFound(number: String)
    /// No voucher code has this value.
    case voucherUnknown
    /// The voucher's batch expired before the code was redeemed.
    case voucherExpired
    /// The voucher code was redeemed already.
    case voucherAlreadyUsed
    /// A voucher batch request breaks a rule (count, expiry, school name).
    case invalidVoucherBatch(reason: String)
    /// No voucher batch has this id.
    case voucherBatchNotFound(batchID: Int64)
    /// An admin grant's fields break a rule.
    case invalidGrant(reason: String)

    /// A stable identifier, e.g. `voucher_expired`.
    public var code: String {
        switch self {
        case .badSignature: "bad_signature"
        case .malformedEvent: "malformed_event"
        case .invalidPlan: "invalid_plan"
        case .planNotFound: "plan_not_found"
        case .planArchived: "plan_archived"
        case .planEnded: "plan_ended"
        case .orderNotFound: "order_not_found"
        case .providerFailed: "provider_failed"
        case .subscriptionNotFound: "subscription_not_found"
        case .subscriptionNotCancellable: "subscription_not_cancellable"
        case .invoiceNotFound: "invoice_not_found"
        case .voucherUnknown: "voucher_unknown"
        case .voucherExpired: "voucher_expired"
        case .voucherAlreadyUsed: "voucher_already_used"
        case .invalidVoucherBatch: "invalid_voucher_batch"
        case .voucherBatchNotFound: "voucher_batch_not_found"
        case .invalidGrant: "invalid_grant"
        }
    }

    /// A short French sentence saying what went wrong and what to do next.
    public var message: String {
        switch self {
        case .badSignature:
            "Signature de la notification de paiement invalide."
        case .malformedEvent:
            "Notification de paiement illisible."
        case .invalidPlan(let reason):
            "Formule invalide : \(reason)"
        case .planNotFound:
            "Cette formule n'existe pas. Choisissez-en une sur la page des tarifs."
        case .planArchived:
            "Cette formule n'est plus proposée. Choisissez-en une autre sur la page des tarifs."
        case .planEnded:
            "Cette formule a pris fin avec la session de concours. Choisissez-en une autre sur la page des tarifs."
        case .orderNotFound:
            "Cette commande est introuvable."
        case .providerFailed:
            "Le paiement n'a pas pu être lancé. Réessayez dans quelques minutes ; aucun montant n'a été débité."
        case .subscriptionNotFound:
            "Cet abonnement est introuvable."
        case .subscriptionNotCancellable:
            "Cet abonnement est déjà terminé : il n'y a rien à résilier."
        case .invoiceNotFound:
            "Cette facture est introuvable."
        case .voucherUnknown:
            "Ce code n'existe pas. Vérifiez sa saisie, par exemple LS-7KQM-X4TD."
        case .voucherExpired:
            "Ce code a expiré. Rapprochez-vous de votre établissement pour en obtenir un nouveau."
        case .voucherAlreadyUsed:
            "Ce code a déjà été utilisé. Chaque code ne sert qu'une fois."
        case .invalidVoucherBatch(let reason):
            "Lot de codes invalide : \(reason)"
        case .voucherBatchNotFound:
            "Ce lot de codes est introuvable."
        case .invalidGrant(let reason):
            "Accès invalide : \(reason)"
        }
    }

    /// For logs: layer, operation and ids.
    public var description: String {
        switch self {
        case .badSignature(let reason): "billing: webhook refused: \(reason)"
        case .malformedEvent(let reason): "billing: webhook event malformed: \(reason)"
        case .invalidPlan(let reason): "billing: plan refused: \(reason)"
        case .planNotFound(let id): "billing: plan \(id) not found"
        case .planArchived(let id): "billing: plan \(id) is archived"
        case .planEnded(let id): "billing: plan \(id) has ended"
        case .orderNotFound(let id): "billing: order \(id) not found"
        case .providerFailed(let provider, let detail): "billing: provider \(provider) failed: \(detail)"
        case .subscriptionNotFound(let id): "billing: subscription \(id) not found for this user"
        case .subscriptionNotCancellable(let id, let state):
            "billing: subscription \(id) cannot be cancelled in state \(state)"
        case .invoiceNotFound(let number): "billing: invoice \(number) not found for this user"
        case .voucherUnknown: "billing: voucher code unknown"
        case .voucherExpired: "billing: voucher code expired"
        case .voucherAlreadyUsed: "billing: voucher code already redeemed"
        case .invalidVoucherBatch(let reason): "billing: voucher batch refused: \(reason)"
        case .voucherBatchNotFound(let id): "billing: voucher batch \(id) not found"
        case .invalidGrant(let reason): "billing: grant refused: \(reason)"
        }
    }
}
