import Foundation

/// Records each request in a `Metrics` registry: count, latency and requests in flight.
///
/// Series: `http_requests_total{route,method,status}`,
/// `http_request_duration_seconds{route,method}` and `http_requests_in_flight`.
/// Routes are labelled by name, never by raw path, so the label set stays small.
public struct MetricsMiddleware: Middleware {
    private let metrics: Metrics

    /// Creates the step writing to `metrics`.
    public init(metrics: Metrics) {
        self.metrics = metrics
    }

    /// Refused requests are counted too.
    public var runsForRefusedRequests: Bool { true }

    /// Measures the rest of the chain.
    public func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        metrics.addToGauge("http_requests_in_flight", help: "Requests being handled.", by: 1)
        defer { metrics.addToGauge("http_requests_in_flight", help: "Requests being handled.", by: -1) }
        let start = DispatchTime.now().uptimeNanoseconds

        let response = try next(request)

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        let route = request.route ?? "unmatched"
        let method = request.method.rawValue
        metrics.incrementCounter(
            "http_requests_total", help: "Requests answered, by route, method and status.",
            labels: [("route", route), ("method", method), ("status", String(response.status))])
        metrics.observe(
            "http_request_duration_seconds", help: "Time to answer a request, in seconds.",
            labels: [("route", route), ("method", method)], value: seconds)
        return response
    }
}
