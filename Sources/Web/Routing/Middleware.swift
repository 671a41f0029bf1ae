/// A request handler: returns a response or throws (`HTTPError` for answers meant for the user).
public typealias Handler = (Request) throws -> Response

/// A step around every handler (request log, session, CSRF, rate limits).
///
/// `next` never throws in practice: the router turns errors from inner steps
/// into responses before they reach outer ones, so an access log always sees
/// the final status.
public protocol Middleware {
    /// Handles `request`, usually by calling `next` and adjusting its response.
    func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response

    /// Whether this step also runs for requests refused before routing (oversized or malformed body).
    ///
    /// Logging, metrics and security headers say `true`; steps that read the
    /// session or the form keep the default `false`.
    var runsForRefusedRequests: Bool { get }
}

extension Middleware {
    /// By default a step runs only for routed requests.
    public var runsForRefusedRequests: Bool { false }
}
