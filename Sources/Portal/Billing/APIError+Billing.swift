import Billing
import Security
import Web

/// The API's error bodies for payments and access tokens.
extension APIError {
    /// A refused billing operation, with the status its page would have.
    init(_ error: BillingError) {
        self.init(status: error.httpStatus, code: error.code, message: error.message)
    }

    /// A refused bearer token: 401 with the reason.
    init(_ error: TokenError) {
        self.init(status: 401, code: error.code, message: error.frenchDescription)
    }

    /// A visitor asked for a token without a session.
    static let tokenLoginRequired = APIError(
        status: 401, code: "login_required", message: "Connectez-vous pour obtenir un jeton d'accès.")

    /// The request had no bearer token.
    static let bearerMissing = APIError(
        status: 401, code: "token_missing",
        message: "Jeton d'accès manquant : envoyez l'en-tête Authorization: Bearer <jeton>.")

    /// The response, with RFC 6750's `WWW-Authenticate` challenge when it is a 401.
    var bearerResponse: Response {
        var response = self.response
        if status == 401 {
            let error = code.hasPrefix("token_") && code != "token_missing" ? ", error=\"invalid_token\"" : ""
            response.headers.set("WWW-Authenticate", "Bearer realm=\"lesocial\"\(error)")
        }
        return response
    }
}
