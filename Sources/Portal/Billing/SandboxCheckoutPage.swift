import Billing
import Web

/// The sandbox's checkout page, "MODE TEST": the tester picks what the payment does.
///
/// Each choice makes the signed event a real provider would send and hands
/// it to the webhook path, so verification and processing are the ones real
/// payments go through. Only the order's owner sees the page.
enum SandboxCheckoutPage {
    struct View: Encodable {
        var layout: LayoutView
        var session: String
        var orderID: Int64
        var planName: String
        var ttc: String
        var statusLabel: String
        var choices: [Choice]
        var hasChoices: Bool
        var returnHref: String
    }

    /// One button: the event kind it sends and its label.
    struct Choice: Encodable {
        var value: String
        var label: String
        var primary: Bool
    }

    static func show(_ context: inout Context) throws -> Response {
        let (_, order) = try load(context)

        let view = View(
            layout: context.layout(), session: order.providerSessionID ?? "", orderID: order.id,
            planName: order.planName, ttc: BillingFormat.euros(order.price.ttcCents),
            statusLabel: BillingFormat.label(order.status), choices: choices(for: order.status),
            hasChoices: !choices(for: order.status).isEmpty,
            returnHref: "/paiement/retour?commande=\(order.id)")
        return try context.render("pages/billing/sandbox", view)
    }

    static func submit(_ context: inout Context) throws -> Response {
        let (sandbox, order) = try load(context)
        guard let kind = SandboxEventKind(rawValue: context.field("issue")),
            choices(for: order.status).contains(where: { $0.value == kind.rawValue })
        else {
            throw PortalError.badRequest("Choisissez l'une des issues proposées sur la page de paiement test.")
        }

        let event = sandbox.makeEvent(kind: kind, order: order, now: context.now)
        try WebhookEndpoint.deliver(
            app: context.app, db: context.db, body: event.payload, signature: event.signatureHeader, now: context.now,
            logger: context.logger)
        return context.redirect(to: "/paiement/retour?commande=\(order.id)")
    }

    /// The sandbox and the order of the session in the path, if the user owns it; 404 otherwise.
    private static func load(_ context: Context) throws -> (SandboxProvider, Order) {
        let user = try context.requireUser()
        let session = context.request.parameters["session"] ?? ""
        guard let sandbox = context.app.billing.sandbox, SandboxProvider.isSandboxSession(session),
            let order = try OrderStore(context.db).order(providerSessionID: session), order.userID == user.id
        else { throw PortalError.notFound }
        return (sandbox, order)
    }

    /// The outcomes that make sense from `status`.
    private static func choices(for status: OrderStatus) -> [Choice] {
        let kinds: [SandboxEventKind]
        switch status {
        case .pending, .failed: kinds = [.paymentSucceeded, .paymentFailed]
        case .paid:
            kinds = [.refunded, .subscriptionPastDue, .subscriptionReactivated, .subscriptionCancelledByVendor]
        case .refunded: kinds = []
        }
        return kinds.map {
            Choice(value: $0.rawValue, label: $0.label, primary: $0 == .paymentSucceeded)
        }
    }
}
