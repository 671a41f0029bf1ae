import Accounts
import Web

/// "Créer un compte": the form and its submission.
enum RegistrationPage {
    struct View: Encodable {
        var layout: LayoutView
        var email = ""
        var displayName = ""
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        if context.user != nil { return context.redirect(to: "/compte") }
        return try context.render("pages/account/register", View(layout: context.layout()))
    }

    static func submit(_ context: inout Context) throws -> Response {
        let email = context.field("email")
        let name = context.field("display_name")
        let password = context.request.form.value("password") ?? ""

        do {
            let user = try context.accounts.register(
                email: email, displayName: name, password: password, address: context.request.remoteAddress)
            try context.adoptVisitorAttempts(by: user.id)
            let sessionID = try context.accounts.openSession(
                userID: user.id, userAgent: context.request.headers["User-Agent"] ?? "")
            context.pendingCookies.append(context.app.sessionCookie(sessionID))
            return context.redirect(to: "/compte", notice: .named("inscrit"))
        } catch let error as AccountError {
            let view = View(
                layout: context.layout(), email: email, displayName: name, formErrors: FormErrors([error.message]))
            return try context.render("pages/account/register", view, status: error.httpStatus)
        }
    }
}

extension AccountError {
    /// The status a page answers with when this error is shown on it.
    var httpStatus: Int {
        switch self {
        case .tooManyAttempts: 429
        case .emailTaken: 409
        case .invalidCredentials, .wrongPassword: 401
        case .tokenExpired, .tokenAlreadyUsed: 410
        case .tokenInvalid: 404
        default: 422
        }
    }
}
