/// Sends one outgoing HTTP request and waits for the answer.
///
/// The application implements it with libcurl; tests use a fake that checks
/// the request and returns a canned response. It throws only when no answer
/// came back (DNS, TLS, timeout); an HTTP error status is a normal response.
public protocol HTTPTransport {
    /// Sends `request` and returns the response.
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// An outgoing HTTP request.
public struct HTTPRequest: Equatable, Sendable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields, in order.
    public var headers: [HTTPHeader]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, url: String, headers: [HTTPHeader], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One header field.
public struct HTTPHeader: Equatable, Sendable {
    /// Field name.
    public var name: String
    /// Field value.
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An answer to an `HTTPRequest`.
public struct HTTPResponse: Equatable, Sendable {
    /// Status code.
    public var status: Int
    /// Body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
