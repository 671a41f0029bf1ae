import Exams
import Foundation
import Web

/// French error pages; they never show internal details.
extension App {
    struct ErrorView: Encodable {
        var layout: LayoutView
        var heading: String
        var message: String
        var requestID: String?
    }

    /// The page (or JSON, under `/api/`) for an error a handler raised on purpose.
    func errorPage(_ error: PortalError, context: Context) throws -> Response {
        if context.request.path.hasPrefix("/api/") { return APIError(error).response }
        switch error {
        case .loginRequired(let next):
            let target = "/connexion?suite=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return context.redirect(to: target, notice: .named("connexion-requise"))
        case .forbidden:
            return try page(context, 403, "Accès refusé", "Vous n'avez pas accès à cette page avec votre compte.")
        case .notFound:
            return try page(context, 404, "Page introuvable", "Cette page n'existe pas ou n'existe plus.")
        case .badRequest(let message):
            return try page(context, 400, "Requête invalide", message)
        case .csrfRejected:
            return try page(
                context, 403, "Formulaire expiré",
                "Le formulaire a expiré ou ne vient pas de LeSocial. Rechargez la page et recommencez.")
        }
    }

    /// The page (or JSON, under `/api/`) for an attempt that cannot do what was asked.
    func errorPage(_ error: AttemptError, context: Context) throws -> Response {
        let apiError = APIError(error)
        if context.request.path.hasPrefix("/api/") { return apiError.response }
        if error == .notFound { return try errorPage(PortalError.notFound, context: context) }
        return try page(context, apiError.status, "Action impossible", error.message)
    }

    private func page(_ context: Context, _ status: Int, _ heading: String, _ message: String) throws -> Response {
        let view = ErrorView(
            layout: context.layout(), heading: heading, message: message,
            requestID: status >= 500 ? context.request.requestID : nil)
        return try context.render("pages/errors/error", view, status: status)
    }

    /// A page for errors outside any handler (unknown path, 405, 413, 500), with a minimal layout.
    func plainErrorPage(status: Int, request: Request?) -> Response {
        let (heading, message): (String, String)
        switch status {
        case 404: (heading, message) = ("Page introuvable", "Cette page n'existe pas ou n'existe plus.")
        case 405: (heading, message) = ("Méthode non autorisée", "Cette adresse n'accepte pas ce type de requête.")
        case 413:
            (heading, message) = ("Envoi trop volumineux", "Les données envoyées dépassent la taille autorisée.")
        case 400:
            (heading, message) = ("Requête invalide", "La requête est mal formée. Rechargez la page et recommencez.")
        default:
            (heading, message) = (
                "Erreur du serveur",
                "Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez dans un instant."
            )
        }
        if let request, request.path.hasPrefix("/api/") {
            // The API documents its errors as {code, message}, whatever layer refused the request.
            let codes = [400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"]
            let reference = status >= 500 ? " (référence \(request.requestID))" : ""
            return APIError(
                status: status, code: codes[status] ?? "server_error", message: "\(heading) : \(message)\(reference)"
            ).response
        }
        let layout = LayoutView(
            stylesheet: staticFiles.assetURL("css/app.css"), script: staticFiles.assetURL("js/app.js"),
            navigation: Navigation.items(current: request?.path ?? ""), user: nil, csrf: "", notice: nil)
        let view = ErrorView(
            layout: layout, heading: heading, message: message, requestID: status >= 500 ? request?.requestID : nil)
        let html =
            (try? templates.render("pages/errors/error", view))
            ?? "<!doctype html><html lang=\"fr\"><title>\(heading)</title><h1>\(heading)</h1><p>\(message)</p></html>"
        return Response.html(html, status: status)
    }
}
