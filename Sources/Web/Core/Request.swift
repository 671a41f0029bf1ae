import Foundation
import Logging

/// An HTTP request as handlers see it: decoded path, query, headers, cookies, form and raw body.
///
/// The server builds it once the whole body has arrived (bodies are small
/// and capped); tests build it in-process with `init(method:target:...)`.
public struct Request {
    /// The request method.
    public var method: HTTPMethod
    /// The percent-decoded path, starting with `/`.
    public var path: String
    /// The raw query string, without `?`, as sent.
    public var queryString: String
    /// Decoded query parameters; a name may carry several values.
    public var query: [String: [String]]
    /// The request headers, in received order.
    public var headers: HTTPHeaders
    /// Cookies from the `Cookie` header.
    public var cookies: [String: String]
    /// Fields and files of a urlencoded or multipart body.
    public var form: FormData
    /// The raw body bytes (JSON payloads, webhook signatures).
    public var body: [UInt8]
    /// The client IP address (IPv4 or IPv6 text).
    public var remoteAddress: String
    /// Route parameters (`:id`, `*path`), filled by the router.
    public var parameters: [String: String]
    /// The name of the matched route, filled by the router; `nil` when nothing matched.
    public var route: String?
    /// The request id: the client's `X-Request-Id` when sane, else a random one.
    public var requestID: String
    /// Whether the client reached us over TLS (through a trusted proxy).
    public var isSecure: Bool
    /// A logger stamped with this request's id.
    public var logger: Logger
    /// Typed values attached by middleware.
    public var storage: RequestStorage

    /// Builds a request from a request target (`/path?query`), parsing what the body's content type allows.
    ///
    /// Throws `HTTPError` 400 when the path or query is malformed, or a
    /// urlencoded body is. Multipart bodies are parsed by the server only;
    /// in-process tests assign `form` directly.
    public init(
        method: HTTPMethod, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1", isSecure: Bool = false, logger: Logger = Logger(label: "web")
    ) throws {
        let requestID = Request.requestID(from: headers["X-Request-Id"])
        self.init(
            method: method, path: "/", queryString: "", headers: headers, body: body,
            remoteAddress: remoteAddress, requestID: requestID, isSecure: isSecure,
            logger: logger.with([("request_id", requestID)]))
        try parseTarget(Array(target.utf8))
        if let cookieHeader = headers["Cookie"] {
            cookies = Cookie.parse(cookieHeader)
        }
        if mediaType == "application/x-www-form-urlencoded" {
            guard let form = FormData(urlEncoded: body) else {
                throw HTTPError(status: 400, message: "Le formulaire envoyé est mal formé.")
            }
            self.form = form
        }
    }

    /// Builds a request without parsing anything; the server uses it for refused requests.
    init(
        method: HTTPMethod, path: String, queryString: String, headers: HTTPHeaders, body: [UInt8],
        remoteAddress: String, requestID: String, isSecure: Bool, logger: Logger
    ) {
        self.method = method
        self.path = path
        self.queryString = queryString
        self.query = [:]
        self.headers = headers
        self.cookies = [:]
        self.form = FormData()
        self.body = body
        self.remoteAddress = remoteAddress
        self.parameters = [:]
        self.route = nil
        self.requestID = requestID
        self.isSecure = isSecure
        self.logger = logger
        self.storage = RequestStorage()
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name]
    }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        query[name]?.first
    }

    /// The content type without parameters, lowercased (`multipart/form-data`).
    public var mediaType: String? {
        guard let contentType = headers["Content-Type"] else { return nil }
        let bare = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return HTTPSpace.trimmed(bare).lowercased()
    }

    /// Whether the client prefers a JSON answer (API clients, `fetch` calls).
    public var wantsJSON: Bool {
        let accept = headers["Accept"]?.lowercased() ?? ""
        if accept.contains("application/json") && !accept.contains("text/html") {
            return true
        }
        return accept.isEmpty && mediaType == "application/json"
    }

    /// Splits `/path?query` and decodes both strictly.
    private mutating func parseTarget(_ target: [UInt8]) throws {
        let questionMark = target.firstIndex(of: UInt8(ascii: "?")) ?? target.endIndex
        let rawPath = target[..<questionMark]
        guard rawPath.first == UInt8(ascii: "/"),
            let decodedPath = URLEncoding.decode(rawPath, plusAsSpace: false),
            !decodedPath.utf8.contains(0)
        else {
            throw HTTPError(status: 400, message: "L’adresse demandée est mal formée.")
        }
        path = decodedPath

        guard questionMark != target.endIndex else { return }
        let rawQuery = target[target.index(after: questionMark)...]
        queryString = String(decoding: rawQuery, as: UTF8.self)
        guard let pairs = URLEncoding.decodeForm(rawQuery) else {
            throw HTTPError(status: 400, message: "L’adresse demandée est mal formée.")
        }
        for (name, value) in pairs {
            query[name, default: []].append(value)
        }
    }

    /// Keeps a client-supplied id when it is short and plain, so ids follow a request across proxies.
    static func requestID(from header: String?) -> String {
        if let header, (1...64).contains(header.utf8.count), header.utf8.allSatisfy(isRequestIDByte) {
            return header
        }
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func isRequestIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
