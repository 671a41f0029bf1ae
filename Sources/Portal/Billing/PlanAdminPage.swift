import Billing
import Foundation
import Web

/// "Formules" (admin): every plan with its price, a form to create one, to change a price, to archive.
enum PlanAdminPage {
    struct View: Encodable {
        var layout: LayoutView
        var plans: [PlanRow]
        var scopes: [ScopeOption]
        var form: Form
        var formErrors: FormErrors?
    }

    /// A plan in the list.
    struct PlanRow: Encodable {
        var id: Int64
        var slug: String
        var name: String
        var scope: String
        var duration: String
        var ht: String
        var vat: String
        var ttc: String
        var priceInput: String
        var status: String
        var archivable: Bool
    }

    /// A scope of the creation form.
    struct ScopeOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// What the admin typed, shown again after an error.
    struct Form: Encodable {
        var slug = ""
        var name = ""
        var scope = "all"
        var months = ""
        var endDate = ""
        var price = ""
    }

    static func show(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        return try render(context, form: Form(), errors: [])
    }

    static func create(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        let form = Form(
            slug: context.field("slug"), name: context.field("name"), scope: context.field("scope"),
            months: context.field("months"), endDate: context.field("end_date"), price: context.field("price"))

        guard let scope = AccessScope(rawValue: form.scope) else {
            return try render(context, form: form, errors: ["Choisissez ce que la formule ouvre."])
        }
        guard let cents = BillingFormat.cents(from: form.price) else {
            return try render(context, form: form, errors: ["Indiquez le prix TTC en euros, par exemple 19,90."])
        }
        let duration: PlanDuration
        if let months = Int(form.months), form.endDate.isEmpty {
            duration = .months(months)
        } else if form.months.isEmpty, let end = BillingFormat.endOfDay(form.endDate) {
            duration = .untilDate(end)
        } else {
            return try render(
                context, form: form, errors: ["Indiquez soit une durée en mois, soit une date de fin (jj/mm/aaaa)."])
        }

        do {
            try PlanStore(context.db).create(
                slug: form.slug, name: form.name, scope: scope, duration: duration, priceTTCCents: cents,
                now: context.now)
        } catch let error as BillingError {
            return try render(context, form: form, errors: [error.message], status: error.httpStatus)
        }
        return context.redirect(to: BillingNotice.path("/admin/tarifs", "formule"))
    }

    static func changePrice(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        let id = try planID(context)

        guard let cents = BillingFormat.cents(from: context.field("price")) else {
            return try render(context, form: Form(), errors: ["Indiquez le prix TTC en euros, par exemple 19,90."])
        }
        do {
            try PlanStore(context.db).updatePrice(planID: id, priceTTCCents: cents, now: context.now)
        } catch let error as BillingError {
            return try render(context, form: Form(), errors: [error.message], status: error.httpStatus)
        }
        context.logger.info("portal.plan.price_changed", [("plan_id", "\(id)"), ("price_ttc_cents", "\(cents)")])
        return context.redirect(to: BillingNotice.path("/admin/tarifs", "formule"))
    }

    static func archive(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        let id = try planID(context)

        try PlanStore(context.db).archive(planID: id, now: context.now)
        context.logger.info("portal.plan.archived", [("plan_id", "\(id)")])
        return context.redirect(to: BillingNotice.path("/admin/tarifs", "formule"))
    }

    /// The plan id of the path; 404 when no such plan.
    private static func planID(_ context: Context) throws -> Int64 {
        guard let id = context.request.parameters["id"].flatMap({ Int64($0) }),
            try PlanStore(context.db).plan(id: id) != nil
        else { throw PortalError.notFound }
        return id
    }

    private static func render(_ context: Context, form: Form, errors: [String], status: Int = 422) throws
        -> Response
    {
        let plans = try PlanStore(context.db).allPlans().map { plan in
            let price = plan.price
            let status =
                plan.archivedAt != nil ? "Archivée" : (plan.isOnSale(at: context.now) ? "En vente" : "Terminée")
            return PlanRow(
                id: plan.id, slug: plan.slug, name: plan.name, scope: plan.scope.displayName,
                duration: plan.duration.displayText, ht: BillingFormat.euros(price.htCents),
                vat: BillingFormat.euros(price.vatCents), ttc: BillingFormat.euros(price.ttcCents),
                priceInput: BillingFormat.euros(price.ttcCents).replacingOccurrences(of: "\u{00A0}€", with: ""),
                status: status, archivable: plan.archivedAt == nil)
        }
        let scopes = (Track.allCases.map { AccessScope.track($0) } + [.all]).map {
            ScopeOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == form.scope)
        }
        let view = View(
            layout: context.layout(notice: BillingNotice.from(context.request)), plans: plans, scopes: scopes,
            form: form, formErrors: FormErrors(errors))
        return try context.render("pages/billing/admin-plans", view, status: errors.isEmpty ? 200 : status)
    }
}
