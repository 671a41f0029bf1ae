/// An error a handler throws to answer with a status and a message for the user, in French.
///
/// The router renders it through its error renderer. The message is shown
/// as is, so it must never carry internal details.
public struct HTTPError: Error, Sendable, Equatable {
    /// The response status.
    public var status: Int
    /// The message shown to the user, in French.
    public var message: String
    /// Extra response headers (`Allow`, `Retry-After`, ...).
    public var headers: [String: String]

    /// Creates an error; without a message, a standard French one for the status is used.
    public init(status: Int, message: String? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.message = message ?? HTTPError.standardMessage(for: status)
        self.headers = headers
    }

    /// 400 with a message saying what was wrong.
    public static func badRequest(_ message: String? = nil) -> HTTPError { HTTPError(status: 400, message: message) }
    /// 401: the user must log in.
    public static func unauthorized(_ message: String? = nil) -> HTTPError { HTTPError(status: 401, message: message) }
    /// 403: the user may not do this.
    public static func forbidden(_ message: String? = nil) -> HTTPError { HTTPError(status: 403, message: message) }
    /// 404: nothing here, or nothing this user may see.
    public static func notFound(_ message: String? = nil) -> HTTPError { HTTPError(status: 404, message: message) }

    /// The standard French message for a status.
    public static func standardMessage(for status: Int) -> String {
        switch status {
        case 400: "La requête est mal formée."
        case 401: "Veuillez vous connecter pour continuer."
        case 403: "Vous n’avez pas accès à cette page."
        case 404: "Cette page n’existe pas."
        case 405: "Cette action n’est pas permise à cette adresse."
        case 409: "Cette action entre en conflit avec l’état actuel. Rechargez la page."
        case 413: "Le contenu envoyé est trop volumineux."
        case 415: "Ce type de contenu n’est pas accepté."
        case 422: "Certaines informations sont invalides."
        case 429: "Trop de tentatives. Patientez un instant avant de réessayer."
        case 503: "Le service est momentanément indisponible. Réessayez dans quelques instants."
        case 500...599: "Une erreur interne est survenue. Réessayez dans quelques instants."
        default: "La requête n’a pas pu aboutir."
        }
    }
}
