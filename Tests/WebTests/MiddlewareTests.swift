import Logging
import Testing

@testable import Web

/// Collects log lines in memory.
final class LogCapture: @unchecked Sendable {
    private(set) var lines: [String] = []
    var logger: Logger {
        Logger(label: "web", minimumLevel: .debug) { [self] line in lines.append(line) }
    }
}

private struct Tracing: Middleware {
    let label: String

    func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        var response = try next(request)
        response.headers.add("X-Trace", label)
        return response
    }
}

private struct Refusing: Middleware {
    func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        guard request.header("X-Token") == "ok" else { throw HTTPError.forbidden() }
        return try next(request)
    }
}

private enum UserKey: RequestStorageKey {
    typealias Value = String
}

private struct AttachingUser: Middleware {
    func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        var request = request
        request.storage[UserKey.self] = "camille"
        return try next(request)
    }
}

@Suite struct MiddlewareTests {
    @Test func middlewareRunsOutermostFirstAndSeesErrorsAsResponses() throws {
        let router = Router()
        router.use(Tracing(label: "dehors"))
        router.use(Refusing())
        router.use(Tracing(label: "dedans"))
        router.get("/") { _ in .text("ok") }

        let refused = router.respond(to: try Request(method: .get, target: "/"))
        #expect(refused.status == 403)
        #expect(refused.headers.values("X-Trace") == ["dehors"])

        let accepted = router.respond(to: try Request(method: .get, target: "/", headers: ["X-Token": "ok"]))
        #expect(accepted.status == 200)
        #expect(accepted.headers.values("X-Trace") == ["dedans", "dehors"])
    }

    @Test func middlewareAttachesTypedValuesForHandlers() throws {
        let router = Router()
        router.use(AttachingUser())
        router.get("/moi") { request in .text(request.storage[UserKey.self] ?? "personne") }
        #expect(router.respond(to: try Request(method: .get, target: "/moi")).bodyText == "camille")
    }

    @Test func securityHeadersAreAddedToEveryResponse() throws {
        let router = Router()
        router.use(SecurityHeadersMiddleware())
        let response = router.respond(to: try Request(method: .get, target: "/absent"))
        #expect(response.status == 404)
        #expect(
            response.headers["Content-Security-Policy"]
                == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin")
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(
            response.headers["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
    }

    @Test func requestLogWritesOneLogfmtLineWithTheRequestID() throws {
        let capture = LogCapture()
        let router = Router()
        router.use(RequestLogMiddleware(logger: capture.logger))
        router.get("/examens/:id") { _ in .text("12345") }

        let response = router.respond(
            to: try Request(method: .get, target: "/examens/9?secret=x", headers: ["X-Request-Id": "abc-123"]))

        #expect(response.headers["X-Request-Id"] == "abc-123")
        #expect(capture.lines.count == 1)
        let line = capture.lines.first ?? ""
        #expect(line.contains(" level=info logger=web msg=request request_id=abc-123 method=GET path=/examens/9 "))
        #expect(line.contains(" route=/examens/:id status=200 duration_ms="))
        #expect(line.hasSuffix(" bytes=5 remote=127.0.0.1"))
        #expect(!line.contains("secret"))
    }

    @Test func unexpectedErrorsAreLoggedAtErrorLevelWithTheRequestID() throws {
        struct Broken: Error {}
        let capture = LogCapture()
        let router = Router()
        router.get("/casse") { _ in throw Broken() }
        let request = try Request(
            method: .get, target: "/casse", headers: ["X-Request-Id": "r1"], logger: capture.logger)
        _ = router.respond(to: request)
        #expect(capture.lines.count == 1)
        #expect(
            capture.lines.first?.contains(
                "level=error logger=web msg=request.failed request_id=r1 route=/casse error=Broken()") == true)
    }

    @Test func refusedRequestsGoThroughLoggingStepsOnly() throws {
        let capture = LogCapture()
        let router = Router()
        router.use(RequestLogMiddleware(logger: capture.logger))
        router.use(Refusing())
        router.use(SecurityHeadersMiddleware())
        let response = router.respond(
            to: try Request(method: .post, target: "/envoi"), refusing: HTTPError(status: 413))
        #expect(response.status == 413)
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(capture.lines.first?.contains("route=unmatched status=413") == true)
    }

    @Test func metricsCountRequestsByRouteMethodAndStatus() throws {
        let metrics = Metrics()
        let router = Router()
        router.use(MetricsMiddleware(metrics: metrics))
        router.get("/examens/:id") { _ in .text("ok") }
        _ = router.respond(to: try Request(method: .get, target: "/examens/1"))
        _ = router.respond(to: try Request(method: .get, target: "/examens/2"))
        _ = router.respond(to: try Request(method: .get, target: "/nulle-part"))

        let text = metrics.render()
        #expect(text.contains("# TYPE http_requests_total counter\n"))
        #expect(text.contains("http_requests_total{route=\"/examens/:id\",method=\"GET\",status=\"200\"} 2\n"))
        #expect(text.contains("http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"))
        #expect(text.contains("http_request_duration_seconds_count{route=\"/examens/:id\",method=\"GET\"} 2\n"))
        #expect(
            text.contains("http_request_duration_seconds_bucket{route=\"/examens/:id\",method=\"GET\",le=\"+Inf\"} 2\n")
        )
        #expect(text.contains("http_requests_in_flight 0\n"))
    }
}
