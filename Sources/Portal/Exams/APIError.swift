import Exams
import Foundation
import Web

/// A JSON API error: HTTP status, a stable code for programs, a French message for people.
struct APIError: Error, Encodable {
    var status: Int
    var code: String
    var message: String

    init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: AttemptError) {
        let status: Int =
            switch error {
            case .notFound, .itemNotFound: 404
            case .examUnavailable: 404
            case .premiumRequired: 403
            case .reviewNotAllowed: 403
            case .attemptClosed, .attemptOpen, .deadlinePassed, .wrongSection: 409
            case .invalidResponse, .invalidMarking: 422
            case .notEnoughQuestions: 503
            }
        self.init(status: status, code: error.code, message: error.message)
    }

    init(_ error: PortalError) {
        switch error {
        case .loginRequired:
            self.init(status: 401, code: "login_required", message: "Connectez-vous pour utiliser cette fonction.")
        case .forbidden:
            self.init(status: 403, code: "forbidden", message: "Vous n'avez pas accès à cette ressource.")
        case .notFound:
            self.init(status: 404, code: "not_found", message: "Ressource introuvable.")
        case .badRequest(let message):
            self.init(status: 400, code: "bad_request", message: message)
        case .csrfRejected:
            self.init(
                status: 403, code: "csrf_rejected",
                message: "Jeton de sécurité absent ou invalide : rechargez la page et recommencez.")
        }
    }

    var response: Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(["code": code, "message": message])) ?? Data()
        var response = Response.json(bytes: Array(body), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    enum CodingKeys: String, CodingKey { case code, message }
}
