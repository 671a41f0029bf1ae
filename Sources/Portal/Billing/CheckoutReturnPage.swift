import Billing
import Web

/// `/paiement/retour?commande=…` (or `?session=…` from Stripe): where the order stands.
///
/// It only reads: the webhook decides. A pending order means the provider
/// has not confirmed yet, and the page says to reload.
enum CheckoutReturnPage {
    struct View: Encodable {
        var layout: LayoutView
        var orderID: Int64
        var planName: String
        var ttc: String
        var statusLabel: String
        var statusKind: String
        var explanation: String
        var accessUntil: String?
        var invoiceNumber: String?
        var creditNotes: [String]
        var hasCreditNotes: Bool
        var retry: Bool
        var sandboxHref: String?
    }

    static func show(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let orders = OrderStore(context.db)
        var found: Order?
        if let id = context.request.query("commande").flatMap({ Int64($0) }) {
            found = try orders.order(id: id)
        } else if let session = context.request.query("session"), !session.isEmpty {
            found = try orders.order(providerSessionID: session)
        }
        guard let order = found, order.userID == user.id else { throw PortalError.notFound }

        let invoice = try InvoiceStore(context.db).invoice(orderID: order.id)
        let notes = try invoice.map { try InvoiceStore(context.db).creditNotes(invoiceID: $0.id) } ?? []
        let subscription = try SubscriptionStore(context.db).subscriptions(userID: user.id)
            .first { $0.orderID == order.id }
        let (kind, explanation) = describe(order)
        let isSandbox = order.provider == "sandbox" && context.app.billing.sandbox != nil

        let view = View(
            layout: context.layout(), orderID: order.id, planName: order.planName,
            ttc: BillingFormat.euros(order.price.ttcCents), statusLabel: BillingFormat.label(order.status),
            statusKind: kind, explanation: explanation,
            accessUntil: subscription.flatMap { $0.grantsAccess(at: context.now) ? $0.accessEnd : nil }
                .map(BillingFormat.until),
            invoiceNumber: invoice?.number, creditNotes: notes.map(\.number),
            hasCreditNotes: !notes.isEmpty,
            retry: order.status == .failed || order.status == .pending,
            sandboxHref: isSandbox ? order.providerSessionID.map { SandboxProvider.checkoutPathPrefix + $0 } : nil)
        return try context.render("pages/billing/return", view)
    }

    private static func describe(_ order: Order) -> (kind: String, text: String) {
        switch order.status {
        case .pending:
            ("info", "Le paiement n'est pas encore confirmé par le prestataire. Rechargez cette page dans un instant.")
        case .paid:
            ("success", "Paiement confirmé : votre accès est ouvert et votre facture est disponible.")
        case .failed:
            ("error", "Le paiement a été refusé et aucun montant n'a été débité. Vous pouvez réessayer.")
        case .refunded:
            (
                "info",
                "Cette commande a été remboursée : l'accès correspondant est fermé et un avoir a été émis."
            )
        }
    }
}
