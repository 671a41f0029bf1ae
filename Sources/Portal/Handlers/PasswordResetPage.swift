import Accounts
import Web

/// "Mot de passe oublié": asking for a link, then choosing a new password through it.
enum PasswordResetPage {
    struct RequestView: Encodable {
        var layout: LayoutView
        var email = ""
        var formErrors: FormErrors?
    }

    struct FormView: Encodable {
        var layout: LayoutView
        var token: String
        var formErrors: FormErrors?
    }

    static func showRequest(_ context: inout Context) throws -> Response {
        try context.render("pages/account/reset-request", RequestView(layout: context.layout()))
    }

    static func submitRequest(_ context: inout Context) throws -> Response {
        let email = context.field("email")

        do {
            try context.accounts.requestPasswordReset(email: email, address: context.request.remoteAddress)
        } catch let error as AccountError {
            let view = RequestView(layout: context.layout(), email: email, formErrors: FormErrors([error.message]))
            return try context.render("pages/account/reset-request", view, status: error.httpStatus)
        }
        // The same answer whether or not the address has an account.
        let view = MessageView(
            layout: context.layout(), heading: "Vérifiez votre messagerie",
            paragraphs: [
                "Si un compte existe pour cette adresse, un lien vient de lui être envoyé. Il est valable une heure "
                    + "et ne sert qu'une fois.",
                "Pensez à regarder dans les indésirables.",
            ],
            link: MessageView.Link(href: "/connexion", label: "Retour à la connexion"))
        return try context.render("pages/account/message", view)
    }

    static func showForm(_ context: inout Context) throws -> Response {
        let token = context.request.query("jeton") ?? ""
        return try context.render("pages/account/reset-form", FormView(layout: context.layout(), token: token))
    }

    static func submitForm(_ context: inout Context) throws -> Response {
        let token = context.request.form.value("jeton") ?? ""
        let password = context.request.form.value("password") ?? ""

        do {
            _ = try context.accounts.resetPassword(token: token, newPassword: password)
        } catch let error as AccountError {
            let view = FormView(layout: context.layout(), token: token, formErrors: FormErrors([error.message]))
            return try context.render("pages/account/reset-form", view, status: error.httpStatus)
        }
        context.pendingCookies.append(Cookie.deletion(name: App.sessionCookie))
        return context.redirect(to: "/connexion", notice: .named("reinitialise"))
    }
}
