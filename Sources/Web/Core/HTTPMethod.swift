/// An HTTP request method, always uppercased (`GET`, `POST`, ...).
///
/// A struct rather than an enum so that unknown methods still reach the
/// router, which answers them with 405 or 404.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The uppercased method token.
    public let rawValue: String

    /// Creates a method from any token, uppercasing it.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`, served by the `GET` route when no `HEAD` route exists.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `OPTIONS`.
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// Whether the method must not change state (RFC 9110 §9.2.1); CSRF checks skip these.
    public var isSafe: Bool {
        self == .get || self == .head || self == .options || rawValue == "TRACE"
    }

    /// The method token.
    public var description: String { rawValue }
}
