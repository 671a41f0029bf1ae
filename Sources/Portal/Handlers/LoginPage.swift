import Accounts
import Web

/// "Se connecter": the form and its submission.
enum LoginPage {
    struct View: Encodable {
        var layout: LayoutView
        var email = ""
        var next = ""
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        let next = safeNext(context.request.query("suite"))
        if context.user != nil { return context.redirect(to: next) }
        return try context.render("pages/account/login", View(layout: context.layout(), next: next))
    }

    static func submit(_ context: inout Context) throws -> Response {
        let email = context.field("email")
        let password = context.request.form.value("password") ?? ""
        let next = safeNext(context.request.form.value("suite"))

        do {
            let login = try context.accounts.login(
                email: email, password: password, address: context.request.remoteAddress,
                userAgent: context.request.headers["User-Agent"] ?? "")
            if let old = context.sessionID { try context.accounts.logout(sessionID: old) }
            try context.adoptVisitorAttempts(by: login.user.id)
            context.pendingCookies.append(context.app.sessionCookie(login.sessionID))
            return context.redirect(to: next, notice: .named("connecte"))
        } catch let error as AccountError {
            let view = View(layout: context.layout(), email: email, next: next, formErrors: FormErrors([error.message]))
            return try context.render("pages/account/login", view, status: error.httpStatus)
        }
    }

    /// Keeps only local paths as the page to return to, so the link cannot send users elsewhere.
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
            !raw.contains(where: { $0.isNewline })
        else { return "/compte" }
        return raw
    }
}
