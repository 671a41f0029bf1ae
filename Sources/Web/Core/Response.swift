import Foundation

/// An HTTP response: status, ordered headers and body bytes.
///
/// The server adds `Content-Length` and `Date`; for `HEAD` it sends the
/// headers of the `GET` answer without the body.
public struct Response {
    /// The status code.
    public var status: Int
    /// The headers; `Set-Cookie` may repeat.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int = 200, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page in UTF-8.
    public static func html(_ html: String, status: Int = 200) -> Response {
        Response.html(bytes: Array(html.utf8), status: status)
    }

    /// An HTML page already encoded in UTF-8 (a rendered template).
    public static func html(bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: bytes)
    }

    /// Plain text in UTF-8.
    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A JSON document encoded from `value` (keys sorted, dates ISO 8601).
    public static func json<Value: Encodable>(_ value: Value, status: Int = 200) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return json(bytes: Array(try encoder.encode(value)), status: status)
    }

    /// A JSON document already encoded.
    public static func json(bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    /// A redirect; 303 makes the browser follow with `GET`, as after a form post.
    public static func redirect(to location: String, status: Int = 303) -> Response {
        Response(status: status, headers: ["Location": location])
    }

    /// A response without a body.
    public static func empty(status: Int = 204) -> Response {
        Response(status: status)
    }

    /// Adds a `Set-Cookie` header.
    public mutating func setCookie(_ cookie: Cookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// A copy with a `Set-Cookie` header added, for chaining.
    public func settingCookie(_ cookie: Cookie) -> Response {
        var copy = self
        copy.setCookie(cookie)
        return copy
    }

    /// The body decoded as UTF-8, for tests and logs.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
