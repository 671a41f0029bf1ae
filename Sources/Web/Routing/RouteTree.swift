/// One registered route.
struct Route {
    /// The method the route answers.
    let method: HTTPMethod
    /// The pattern as registered (`/examens/:id`).
    let pattern: String
    /// The name used in logs and metrics; the pattern unless given.
    let name: String
    /// Names of `:param` and `*wildcard` segments, in path order.
    let parameterNames: [String]
    /// The handler.
    let handler: Handler
    /// Whether the route runs on the server's deferred lane.
    let isDeferred: Bool
}

/// What the route tree found for a method and a path.
enum RouteMatch {
    case found(Route, parameters: [String: String])
    case methodNotAllowed(allowed: [HTTPMethod], routeName: String)
    case notFound
}

/// A segment tree: literal children first, then one parameter child, then a trailing wildcard.
final class RouteNode {
    private var literals: [String: RouteNode] = [:]
    private var parameter: RouteNode?
    private var wildcardRoutes: [HTTPMethod: Route] = [:]
    private var routes: [HTTPMethod: Route] = [:]

    /// Adds `route` under the segments of its pattern; a duplicate is a programming error.
    func insert(_ route: Route, segments: ArraySlice<Substring>) {
        guard let segment = segments.first else {
            precondition(routes[route.method] == nil, "Router: duplicate route \(route.method) \(route.pattern)")
            routes[route.method] = route
            return
        }
        if segment.hasPrefix("*") {
            precondition(segments.count == 1, "Router: wildcard must end the pattern \(route.pattern)")
            precondition(
                wildcardRoutes[route.method] == nil, "Router: duplicate route \(route.method) \(route.pattern)")
            wildcardRoutes[route.method] = route
            return
        }
        let child: RouteNode
        if segment.hasPrefix(":") {
            child = parameter ?? RouteNode()
            parameter = child
        } else {
            child = literals[String(segment)] ?? RouteNode()
            literals[String(segment)] = child
        }
        child.insert(route, segments: segments.dropFirst())
    }

    /// Finds the route for `method`; `HEAD` falls back to `GET`.
    func match(_ method: HTTPMethod, segments: [Substring]) -> RouteMatch {
        var candidates: [(routes: [HTTPMethod: Route], captured: [String])] = []
        collect(segments[...], captured: [], into: &candidates)
        for candidate in candidates {
            let route = candidate.routes[method] ?? (method == .head ? candidate.routes[.get] : nil)
            if let route {
                let parameters = Dictionary(
                    zip(route.parameterNames, candidate.captured), uniquingKeysWith: { first, _ in first })
                return .found(route, parameters: parameters)
            }
        }
        guard let first = candidates.first?.routes.values.first else { return .notFound }
        var allowed = Set(candidates.flatMap { $0.routes.keys })
        if allowed.contains(.get) {
            allowed.insert(.head)
        }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue }, routeName: first.name)
    }

    /// Gathers every node that ends the path, in priority order: literal, parameter, wildcard.
    private func collect(
        _ segments: ArraySlice<Substring>, captured: [String],
        into candidates: inout [(routes: [HTTPMethod: Route], captured: [String])]
    ) {
        if let segment = segments.first {
            if let literal = literals[String(segment)] {
                literal.collect(segments.dropFirst(), captured: captured, into: &candidates)
            }
            if let parameter {
                parameter.collect(segments.dropFirst(), captured: captured + [String(segment)], into: &candidates)
            }
        } else if !routes.isEmpty {
            candidates.append((routes, captured))
        }
        if !wildcardRoutes.isEmpty {
            candidates.append((wildcardRoutes, captured + [segments.joined(separator: "/")]))
        }
    }
}
