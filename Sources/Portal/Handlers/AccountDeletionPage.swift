import Accounts
import Web

/// "Supprimer mon compte": confirmation by password, then deletion (RGPD, right to erasure).
enum AccountDeletionPage {
    struct View: Encodable {
        var layout: LayoutView
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        _ = try context.requireUser()
        return try context.render("pages/account/delete", View(layout: context.layout()))
    }

    static func submit(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let password = context.request.form.value("password") ?? ""

        do {
            try context.accounts.deleteAccount(userID: user.id, password: password)
        } catch let error as AccountError {
            let view = View(layout: context.layout(), formErrors: FormErrors([error.message]))
            return try context.render("pages/account/delete", view, status: error.httpStatus)
        }
        context.pendingCookies.append(Cookie.deletion(name: App.sessionCookie))
        return context.redirect(to: "/", notice: .named("supprime"))
    }
}
