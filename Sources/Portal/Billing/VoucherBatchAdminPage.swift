import Billing
import Foundation
import Web

/// "Codes établissements" (admin): the batches made so far and the form to make one.
enum VoucherBatchAdminPage {
    struct View: Encodable {
        var layout: LayoutView
        var batches: [BatchRow]
        var plans: [PlanOption]
        var form: Form
        var formErrors: FormErrors?
    }

    /// A batch in the list.
    struct BatchRow: Encodable {
        var id: Int64
        var school: String
        var planName: String
        var count: Int
        var expires: String
        var created: String
    }

    /// A plan the batch can unlock.
    struct PlanOption: Encodable {
        var id: Int64
        var name: String
        var selected: Bool
    }

    /// What the admin typed, shown again after an error.
    struct Form: Encodable {
        var school = ""
        var count = "30"
        var expiry = ""
    }

    static func show(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        return try render(context, form: Form(), planID: nil, errors: [])
    }

    static func create(_ context: inout Context) throws -> Response {
        let admin = try context.requireRole(.admin)
        let form = Form(school: context.field("school"), count: context.field("count"), expiry: context.field("expiry"))
        let planID = Int64(context.field("plan"))

        guard let planID else {
            return try render(context, form: form, planID: nil, errors: ["Choisissez une formule."])
        }
        guard let count = Int(form.count) else {
            return try render(context, form: form, planID: planID, errors: ["Indiquez le nombre de codes en chiffres."])
        }
        guard let expiresAt = BillingFormat.endOfDay(form.expiry) else {
            return try render(
                context, form: form, planID: planID, errors: ["Indiquez la date d'expiration (jj/mm/aaaa)."])
        }

        do {
            let (batch, _) = try VoucherStore(db: context.db, logger: context.logger).createBatch(
                planID: planID, count: count, expiresAt: expiresAt, schoolName: form.school, createdBy: admin.id,
                now: context.now)
            return context.redirect(to: BillingNotice.path("/admin/bons/\(batch.id)", "lot"))
        } catch let error as BillingError {
            return try render(context, form: form, planID: planID, errors: [error.message], status: error.httpStatus)
        }
    }

    private static func render(
        _ context: Context, form: Form, planID: Int64?, errors: [String], status: Int = 422
    ) throws -> Response {
        let plans = PlanStore(context.db)
        let batches = try VoucherStore(db: context.db, logger: context.logger).batches().map { batch in
            BatchRow(
                id: batch.id, school: batch.schoolName, planName: try plans.plan(id: batch.planID)?.name ?? "—",
                count: batch.codeCount, expires: BillingFormat.until(batch.expiresAt),
                created: FrenchFormat.date(batch.createdAt))
        }
        let options = try plans.allPlans().filter { $0.archivedAt == nil }.map {
            PlanOption(id: $0.id, name: $0.name, selected: $0.id == planID)
        }
        let view = View(
            layout: context.layout(), batches: batches, plans: options, form: form, formErrors: FormErrors(errors))
        return try context.render("pages/billing/admin-vouchers", view, status: errors.isEmpty ? 200 : status)
    }
}
