/// What the server hands every request to; the `Router` is the usual one.
///
/// Called concurrently from the server's threads, so it must be safe to
/// share once the server has started.
public protocol HTTPResponder: AnyObject, Sendable {
    /// The response to a complete, well-formed request.
    func respond(to request: Request) -> Response

    /// The response to a request refused before routing (400, 413), through the steps that log it.
    func respond(to request: Request, refusing error: HTTPError) -> Response

    /// Whether `request` should run on the server's deferred lane (`DeferredLane`): long requests that
    /// would keep the other connections of a server thread waiting.
    func defers(_ request: Request) -> Bool
}

extension HTTPResponder {
    /// Whether `request` runs on the server's deferred lane, off the thread that read it; none by default.
    public func defers(_ request: Request) -> Bool { false }
}
