import Accounts
import Foundation
import Logging
import Storage
import Web

/// Everything a page handler needs for one request: who asks, the database, the clock.
public struct Context {
    public let request: Request
    public let app: App
    public let db: Database
    public let logger: Logger
    /// Server time at the start of the request (test clock aware).
    public let now: Date
    /// The logged-in user, if any.
    public let user: User?
    /// The session id of the logged-in user, or nil for visitors.
    public let sessionID: String?
    /// The id CSRF tokens are bound to: the session, or a visitor cookie before login.
    let csrfSubject: String
    /// Cookies to add to whatever response the handler returns.
    var pendingCookies: [Cookie] = []

    /// The CSRF token to embed in forms of this page.
    public var csrfToken: String { app.csrf.token(for: csrfSubject) }

    /// The request's form field, trimmed of surrounding whitespace.
    public func field(_ name: String) -> String {
        (request.form.value(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The logged-in user, or an error that sends visitors to the login page.
    public func requireUser() throws -> User {
        guard let user else { throw PortalError.loginRequired(next: request.path) }
        return user
    }

    /// The logged-in user if their role includes `role`; 403 otherwise.
    public func requireRole(_ role: Role) throws -> User {
        let user = try requireUser()
        guard user.role.includes(role) else { throw PortalError.forbidden }
        return user
    }

    /// An account service bound to this request's connection and time.
    public var accounts: AccountService {
        AccountService(db: db, settings: app.accountSettings, now: now, logger: logger)
    }

    /// The layout fields every page shares.
    public func layout(current: String? = nil, notice: Notice? = nil) -> LayoutView {
        LayoutView(
            stylesheet: app.staticFiles.assetURL("css/app.css"),
            script: app.staticFiles.assetURL("js/app.js"),
            navigation: Navigation.items(current: current ?? request.path),
            user: user.map { LayoutView.UserSummary(displayName: $0.displayName) },
            csrf: csrfToken,
            notice: notice ?? Notice(cookie: request.cookies[Notice.cookieName]))
    }

    /// Renders a page template with its view model as a 200 (or `status`) HTML response.
    public func render<View: Encodable>(_ template: String, _ view: View, status: Int = 200) throws -> Response {
        var response = Response.html(bytes: try app.templates.renderBytes(template, view), status: status)
        response.headers.set("Cache-Control", "no-store")
        if request.cookies[Notice.cookieName] != nil {
            response.setCookie(Cookie.deletion(name: Notice.cookieName))
        }
        return response
    }

    /// A 303 redirect carrying a one-shot notice for the next page.
    public func redirect(to path: String, notice: Notice? = nil) -> Response {
        var response = Response.redirect(to: path)
        if let notice {
            response.setCookie(notice.cookie(secure: app.config.secureCookies))
        }
        return response
    }
}
