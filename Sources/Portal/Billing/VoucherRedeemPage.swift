import Billing
import Web

/// "Utiliser un code": a student redeems a school's voucher code once.
enum VoucherRedeemPage {
    struct View: Encodable {
        var layout: LayoutView
        var code = ""
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        _ = try context.requireUser()
        return try context.render("pages/billing/vouchers", View(layout: context.layout()))
    }

    static func submit(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let code = context.field("code")

        do {
            try VoucherStore(db: context.db, logger: context.logger).redeem(
                code: code, userID: user.id, now: context.now)
        } catch let error as BillingError {
            context.logger.info("portal.voucher.refused", [("user_id", "\(user.id)"), ("reason", error.code)])
            let view = View(layout: context.layout(), code: code, formErrors: FormErrors([error.message]))
            return try context.render("pages/billing/vouchers", view, status: error.httpStatus)
        }
        return context.redirect(to: BillingNotice.path("/compte/abonnement", "bon"))
    }
}
