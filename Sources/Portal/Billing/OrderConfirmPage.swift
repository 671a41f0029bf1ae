import Billing
import Web

/// `GET /paiement/confirmer?formule=ID`: the order summary and the express consent to start at once.
///
/// Digital content that starts before the 14-day withdrawal period ends needs the
/// buyer's express request and waiver (Code de la consommation, art. L221-28 13°);
/// the checkbox is that consent, and checkout refuses an order without it.
enum OrderConfirmPage {
    struct View: Encodable {
        var layout: LayoutView
        var plan: PricingPage.PlanRow?
        var isTestMode: Bool
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        guard context.user != nil else {
            return context.redirect(to: "/connexion?suite=%2Ftarifs", notice: .named("connexion-requise"))
        }
        guard let planID = context.request.query("formule").flatMap(Int64.init) else { throw PortalError.notFound }
        return try render(context, planID: planID, errors: [])
    }

    /// The page for a plan on sale, with `errors` above the form; 404 for a plan not on sale.
    static func render(_ context: Context, planID: Int64, errors: [String], status: Int = 200) throws -> Response {
        guard let plan = try PlanStore(context.db).plansOnSale(at: context.now).first(where: { $0.id == planID }) else {
            throw PortalError.notFound
        }
        let view = View(
            layout: context.layout(), plan: PricingPage.PlanRow(plan), isTestMode: context.app.billing.isTestMode,
            formErrors: FormErrors(errors))
        return try context.render("pages/billing/confirm", view, status: status)
    }
}
