import Logging

/// The route table and middleware chain: picks a handler by method and path, runs it, renders errors.
///
/// Register routes and middleware before the server starts; after that the
/// router is only read, from many threads at once.
///
/// ```swift
/// router.get("/examens/:id") { request in ... }
/// router.get("/static/*path", name: "static", files.respond)
/// ```
public final class Router: HTTPResponder, @unchecked Sendable {
    /// Renders an `HTTPError` for a request (HTML page, or JSON for API clients).
    public typealias ErrorRenderer = (HTTPError, Request) -> Response

    /// Answers paths no route matches; by default throws `HTTPError` 404.
    public var notFound: Handler = { _ in throw HTTPError(status: 404) }
    /// Renders errors thrown by handlers and middleware.
    public var errorRenderer: ErrorRenderer = Router.defaultErrorRenderer

    private let root = RouteNode()
    private var middleware: [Middleware] = []
    private var refusalMiddleware: [Middleware] = []
    private(set) var table: [(method: HTTPMethod, pattern: String, name: String)] = []
    /// Methods with at least one deferred route: the others skip the second route match in `defers`.
    private var deferredMethods: Set<HTTPMethod> = []

    /// Creates an empty router.
    public init() {}

    /// Every route as `(method, pattern, name)`, in registration order.
    public var routes: [(method: HTTPMethod, pattern: String, name: String)] { table }

    /// Appends a middleware step; the first added is the outermost.
    public func use(_ step: Middleware) {
        middleware.append(step)
        if step.runsForRefusedRequests {
            refusalMiddleware.append(step)
        }
    }

    /// Registers a `GET` route (also serving `HEAD`).
    public func get(_ pattern: String, name: String? = nil, _ handler: @escaping Handler) {
        add(.get, pattern, name: name, handler)
    }

    /// Registers a `POST` route.
    public func post(_ pattern: String, name: String? = nil, _ handler: @escaping Handler) {
        add(.post, pattern, name: name, handler)
    }

    /// Registers a `PUT` route.
    public func put(_ pattern: String, name: String? = nil, _ handler: @escaping Handler) {
        add(.put, pattern, name: name, handler)
    }

    /// Registers a `PATCH` route.
    public func patch(_ pattern: String, name: String? = nil, _ handler: @escaping Handler) {
        add(.patch, pattern, name: name, handler)
    }

    /// Registers a `DELETE` route.
    public func delete(_ pattern: String, name: String? = nil, _ handler: @escaping Handler) {
        add(.delete, pattern, name: name, handler)
    }

    /// Registers a route; `:name` segments capture one segment, a final `*name` the rest of the path.
    ///
    /// The name (the pattern by default) labels logs and metrics. A deferred route runs on the server's
    /// deferred lane, for long requests (see `DeferredLane`). Registering the same method and pattern twice
    /// stops the program: it is a bug.
    public func add(
        _ method: HTTPMethod, _ pattern: String, name: String? = nil, deferred: Bool = false,
        _ handler: @escaping Handler
    ) {
        let segments = pattern.split(separator: "/")
        let parameterNames = segments.filter { $0.hasPrefix(":") || $0.hasPrefix("*") }.map { String($0.dropFirst()) }
        let route = Route(
            method: method, pattern: pattern, name: name ?? pattern, parameterNames: parameterNames, handler: handler,
            isDeferred: deferred)
        if deferred { deferredMethods.insert(method) }
        root.insert(route, segments: segments[...])
        table.append((method, pattern, route.name))
    }

    /// Routes `request` and runs the middleware chain and the handler; never throws.
    public func respond(to request: Request) -> Response {
        var request = request
        let handler: Handler
        switch root.match(request.method, segments: Router.segments(of: request.path)) {
        case .found(let route, let parameters):
            request.route = route.name
            request.parameters = parameters
            handler = route.handler
        case .methodNotAllowed(let allowed, let routeName):
            request.route = routeName
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            handler = { _ in throw HTTPError(status: 405, headers: ["Allow": allow]) }
        case .notFound:
            handler = notFound
        }
        return run(request, through: middleware[...], handler: handler)
    }

    /// Whether `request` matches a deferred route.
    public func defers(_ request: Request) -> Bool {
        guard deferredMethods.contains(request.method) else { return false }
        guard case .found(let route, _) = root.match(request.method, segments: Router.segments(of: request.path))
        else { return false }
        return route.isDeferred
    }

    /// The non-empty segments of `path`, split at every `/` scalar.
    ///
    /// Not at characters: a combining mark right after a slash makes one `Character` of both, and the
    /// path would lose a segment boundary.
    static func segments(of path: String) -> [Substring] {
        let scalars = path.unicodeScalars
        var segments: [Substring] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            if scalars[index] == "/" {
                if start < index { segments.append(Substring(scalars[start..<index])) }
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex { segments.append(Substring(scalars[start..<scalars.endIndex])) }
        return segments
    }

    /// Renders `error` through the steps that run for refused requests (log, metrics, headers).
    public func respond(to request: Request, refusing error: HTTPError) -> Response {
        run(request, through: refusalMiddleware[...], handler: { _ in throw error })
    }

    /// Runs one step, turning whatever it throws into a response so outer steps see a status.
    private func run(_ request: Request, through chain: ArraySlice<Middleware>, handler: Handler) -> Response {
        do {
            guard let step = chain.first else { return try handler(request) }
            return try step.handle(request) { next in
                self.run(next, through: chain.dropFirst(), handler: handler)
            }
        } catch {
            return render(error, for: request)
        }
    }

    private func render(_ error: Error, for request: Request) -> Response {
        guard let httpError = error as? HTTPError else {
            request.logger.error(
                "request.failed",
                [("route", request.route ?? "unmatched"), ("error", String(describing: error))])
            return errorRenderer(HTTPError(status: 500), request)
        }
        var response = errorRenderer(httpError, request)
        for (name, value) in httpError.headers.sorted(by: { $0.key < $1.key }) {
            response.headers.set(name, value)
        }
        return response
    }

    /// A minimal French page, or `{"error": ..., "status": ...}` for clients that want JSON.
    public static func defaultErrorRenderer(_ error: HTTPError, _ request: Request) -> Response {
        if request.wantsJSON {
            let message = String(decoding: JSONText.quoted(error.message), as: UTF8.self)
            return .json(bytes: Array("{\"error\":\(message),\"status\":\(error.status)}".utf8), status: error.status)
        }
        let message = HTMLText.escaped(error.message)
        let page = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Erreur \(error.status)</title></head>
            <body><h1>Erreur \(error.status)</h1><p>\(message)</p>
            <p><a href="/">Retour à l’accueil</a></p></body></html>
            """
        return .html(page, status: error.status)
    }
}
