import Mustache
import Web

/// A one-shot message shown at the top of the next page (after a redirect).
///
/// The cookie carries a code, never text, so nothing a user typed travels through it.
public struct Notice: Encodable, Equatable {
    static let cookieName = "lesocial_notice"

    public var kind: String
    public var text: String

    static let catalogue: [String: Notice] = [
        "inscrit": Notice(
            kind: "success", text: "Compte créé. Un lien de confirmation vous a été envoyé par e-mail."),
        "connecte": Notice(kind: "success", text: "Vous êtes connecté."),
        "deconnecte": Notice(kind: "info", text: "Vous êtes déconnecté."),
        "deconnecte-partout": Notice(kind: "info", text: "Toutes vos sessions ont été fermées."),
        "confirme": Notice(kind: "success", text: "Adresse confirmée. Bienvenue sur LeSocial !"),
        "lien-envoye": Notice(kind: "info", text: "Un nouveau lien de confirmation vous a été envoyé."),
        "profil": Notice(kind: "success", text: "Profil enregistré."),
        "mot-de-passe": Notice(kind: "success", text: "Mot de passe changé."),
        "reinitialise": Notice(
            kind: "success", text: "Mot de passe changé. Connectez-vous avec le nouveau mot de passe."),
        "supprime": Notice(kind: "info", text: "Votre compte a été supprimé. Merci d'avoir utilisé LeSocial."),
        "connexion-requise": Notice(kind: "info", text: "Connectez-vous pour accéder à cette page."),
        "session-terminee": Notice(
            kind: "info",
            text: "Votre session a pris fin. Reconnectez-vous : vos réponses enregistrées sont conservées."),
    ]

    let code: String

    init(kind: String, text: String, code: String = "") {
        self.kind = kind
        self.text = text
        self.code = code
    }

    /// The catalogue notice for a code.
    public static func named(_ code: String) -> Notice? {
        catalogue[code].map { Notice(kind: $0.kind, text: $0.text, code: code) }
    }

    /// The notice named by the request's notice cookie, if any.
    init?(cookie: String?) {
        guard let cookie, let notice = Notice.named(cookie) else { return nil }
        self = notice
    }

    func cookie(secure: Bool) -> Cookie {
        Cookie(
            name: Notice.cookieName, value: code, path: "/", maxAge: 60, httpOnly: true, secure: secure, sameSite: .lax)
    }

    enum CodingKeys: String, CodingKey { case kind, text }
}

extension Notice: MustacheConvertible {
    public var mustacheValue: MustacheValue { .object(["kind": kind.mustacheValue, "text": text.mustacheValue]) }
}
