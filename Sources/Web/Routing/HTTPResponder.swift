/// What the server hands every request to; the `Router` is the usual one.
///
/// Called concurrently from the server's threads, so it must be safe to
/// share once the server has started.
public protocol HTTPResponder: AnyObject, Sendable {
    /// The response to a complete, well-formed request.
    func respond(to request: Request) -> Response

    /// The response to a request refused before routing (400, 413), through the steps that log it.
    func respond(to request: Request, refusing error: HTTPError) -> Response
}
