import Accounts
import Web

/// The confirmation link from the welcome mail, and "renvoyer le lien".
enum EmailConfirmation {
    static func confirm(_ context: inout Context) throws -> Response {
        let token = context.request.query("jeton") ?? ""

        do {
            _ = try context.accounts.confirm(token: token)
            return context.redirect(to: context.user == nil ? "/connexion" : "/compte", notice: .named("confirme"))
        } catch let error as AccountError {
            let view = MessageView(
                layout: context.layout(), heading: "Confirmation impossible", paragraphs: [error.message],
                link: MessageView.Link(href: context.user == nil ? "/connexion" : "/compte", label: "Continuer"))
            return try context.render("pages/account/message", view, status: error.httpStatus)
        }
    }

    static func resend(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()

        if !user.isConfirmed {
            try context.accounts.sendConfirmation(to: user)
        }
        return context.redirect(to: "/compte", notice: .named("lien-envoye"))
    }
}

/// A page with a heading, a few paragraphs and one link (results of account actions).
struct MessageView: Encodable {
    struct Link: Encodable {
        var href: String
        var label: String
    }

    var layout: LayoutView
    var heading: String
    var paragraphs: [String]
    var link: Link?
}
