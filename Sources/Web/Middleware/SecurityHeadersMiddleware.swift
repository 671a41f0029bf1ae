/// Adds the security headers every response carries, unless the handler set its own.
public struct SecurityHeadersMiddleware: Middleware {
    /// The default policy: same-origin resources only, no inline script, no framing.
    public static let defaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    /// The headers added, in order.
    public let headers: [(String, String)]

    /// Creates the step; `strictTransportSecurity` adds HSTS, for sites served over TLS only.
    public init(
        contentSecurityPolicy: String = SecurityHeadersMiddleware.defaultContentSecurityPolicy,
        strictTransportSecurity: Bool = false
    ) {
        var headers = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("X-Frame-Options", "DENY"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if strictTransportSecurity {
            headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        }
        self.headers = headers
    }

    /// Refused requests get the headers too.
    public var runsForRefusedRequests: Bool { true }

    /// Adds each header the response does not already have.
    public func handle(_ request: Request, next: (Request) throws -> Response) throws -> Response {
        var response = try next(request)
        for (name, value) in headers {
            response.headers.setIfAbsent(name, value)
        }
        return response
    }
}
