import Foundation
import Logging

/// Logs one logfmt line per request and echoes the request id in `X-Request-Id`.
///
/// Keys: `request_id method path route status duration_ms bytes remote`.
/// The query string is left out: it may carry tokens.
public struct RequestLogMiddleware: Middleware {
    private let logger: Logger

    /// Creates the step; lines go to `logger` at info level.
    public init(logger: Logger = Logger(label: "web")) {
        self.logger = logger
    }

    /// Refused requests are logged too.
    public var runsForRefusedRequests: Bool { true }

    /// Times the rest of the chain and logs its outcome.
    public func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var response = try next(request)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000

        response.headers.set("X-Request-Id", request.requestID)
        logger.info(
            "request",
            [
                ("request_id", request.requestID), ("method", request.method.rawValue), ("path", request.path),
                ("route", request.route ?? "unmatched"), ("status", String(response.status)),
                ("duration_ms", String(format: "%.3f", elapsed)), ("bytes", String(response.body.count)),
                ("remote", request.remoteAddress),
            ])
        return response
    }
}
