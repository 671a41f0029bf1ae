import Accounts
import Foundation
import Web

/// "Mon compte": profile, display name, password, sessions, links to export and deletion.
enum AccountPage {
    struct View: Encodable {
        var layout: LayoutView
        var displayName: String
        var email: String
        var roleLabel: String
        var memberSince: String
        var confirmed: Bool
        var timeFactorLabel: String?
        var sessionCount: Int
        var isTrainer: Bool
        var formErrors: FormErrors?
    }

    static func show(_ context: inout Context) throws -> Response {
        try render(&context, errors: [])
    }

    static func updateProfile(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let name: String
        do {
            name = try AccountService.cleanDisplayName(context.field("display_name"))
        } catch let error as AccountError {
            return try render(&context, errors: [error.message])
        }

        try UserStore(context.db).setDisplayName(userID: user.id, name)
        return context.redirect(to: "/compte", notice: .named("profil"))
    }

    static func changePassword(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let current = context.request.form.value("current_password") ?? ""
        let new = context.request.form.value("new_password") ?? ""

        do {
            try context.accounts.changePassword(userID: user.id, current: current, new: new)
        } catch let error as AccountError {
            return try render(&context, errors: [error.message], status: error.httpStatus)
        }
        return context.redirect(to: "/compte", notice: .named("mot-de-passe"))
    }

    private static func render(_ context: inout Context, errors: [String], status: Int = 422) throws -> Response {
        let user = try context.requireUser()
        let sessions = try SessionStore(context.db).count(userID: user.id, now: context.now)
        let view = View(
            layout: context.layout(), displayName: user.displayName, email: user.email, roleLabel: user.role.label,
            memberSince: FrenchFormat.date(user.createdAt), confirmed: user.isConfirmed,
            timeFactorLabel: user.timeFactor == 1 ? nil : FrenchFormat.timeFactor(user.timeFactor),
            sessionCount: sessions, isTrainer: user.role.includes(.trainer), formErrors: FormErrors(errors))
        return try context.render("pages/account/profile", view, status: errors.isEmpty ? 200 : status)
    }
}
