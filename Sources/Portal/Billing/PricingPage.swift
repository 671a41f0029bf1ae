import Billing
import Web

/// "Tarifs": the plans on sale compared side by side, HT, TVA and TTC, each with a "Choisir" button.
enum PricingPage {
    struct View: Encodable {
        var layout: LayoutView
        var plans: [PlanRow]
        var isSelling: Bool
        var isTestMode: Bool
        var formErrors: FormErrors?
    }

    /// One plan as the comparison table shows it.
    struct PlanRow: Encodable {
        var id: Int64
        var name: String
        var scope: String
        var duration: String
        var ht: String
        var vatRate: String
        var vat: String
        var ttc: String

        init(_ plan: Plan) {
            let price = plan.price
            id = plan.id
            name = plan.name
            scope = plan.scope.displayName
            duration = plan.duration.displayText
            ht = BillingFormat.euros(price.htCents)
            vatRate = price.vatRateText
            vat = BillingFormat.euros(price.vatCents)
            ttc = BillingFormat.euros(price.ttcCents)
        }
    }

    static func show(_ context: inout Context) throws -> Response {
        try render(context, errors: [])
    }

    /// The page, with the reasons an order was refused when there are some.
    static func render(_ context: Context, errors: [String], status: Int = 200) throws -> Response {
        let plans = try PlanStore(context.db).plansOnSale(at: context.now)
        let billing = context.app.billing
        let view = View(
            layout: context.layout(), plans: plans.map(PlanRow.init), isSelling: billing.isSelling,
            isTestMode: billing.isTestMode, formErrors: FormErrors(errors))
        return try context.render("pages/billing/pricing", view, status: status)
    }
}
