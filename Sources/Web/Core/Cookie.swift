import Foundation

/// A cookie to set on the client, rendered as one `Set-Cookie` header value.
///
/// Defaults suit a session cookie: path `/`, `HttpOnly`, `SameSite=Lax`.
/// Set `secure` when serving over TLS.
public struct Cookie: Sendable, Equatable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    /// The cookie name; token characters only.
    public var name: String
    /// The cookie value; characters outside cookie-octets (RFC 6265 §4.1.1) are dropped when rendered.
    public var value: String
    /// The `Path` attribute.
    public var path: String?
    /// The `Domain` attribute; `nil` keeps the cookie on the exact host.
    public var domain: String?
    /// The `Max-Age` attribute in seconds; `nil` makes a browser-session cookie.
    public var maxAge: Int?
    /// The `Expires` attribute, for clients that ignore `Max-Age`.
    public var expires: Date?
    /// The `HttpOnly` attribute.
    public var httpOnly: Bool
    /// The `Secure` attribute.
    public var secure: Bool
    /// The `SameSite` attribute.
    public var sameSite: SameSite?

    /// Creates a cookie.
    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil, maxAge: Int? = nil,
        expires: Date? = nil, httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that makes the client delete `name` (empty value, `Max-Age=0`, expired date).
    public static func deletion(name: String, path: String? = "/", domain: String? = nil, secure: Bool = false)
        -> Cookie
    {
        Cookie(
            name: name, value: "", path: path, domain: domain, maxAge: 0,
            expires: Date(timeIntervalSince1970: 0), secure: secure)
    }

    /// The `Set-Cookie` header value.
    public var headerValue: String {
        var parts = [
            "\(Cookie.clean(name, keeping: Cookie.isTokenByte))=\(Cookie.clean(value, keeping: Cookie.isValueByte))"
        ]
        if let path {
            parts.append("Path=\(Cookie.clean(path, keeping: Cookie.isAttributeByte))")
        }
        if let domain {
            parts.append("Domain=\(Cookie.clean(domain, keeping: Cookie.isAttributeByte))")
        }
        if let maxAge {
            parts.append("Max-Age=\(maxAge)")
        }
        if let expires {
            parts.append("Expires=\(HTTPDate.format(expires))")
        }
        if secure {
            parts.append("Secure")
        }
        if httpOnly {
            parts.append("HttpOnly")
        }
        if let sameSite {
            parts.append("SameSite=\(sameSite.rawValue)")
        }
        return parts.joined(separator: "; ")
    }

    /// Parses a `Cookie` request header into name–value pairs; the first occurrence of a name wins.
    ///
    /// Pairs without `=` are ignored; surrounding double quotes are removed from values.
    public static func parse(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for pair in header.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = HTTPSpace.trimmed(pair[..<equals])
            var value = HTTPSpace.trimmed(pair[pair.index(after: equals)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty, cookies[name] == nil {
                cookies[name] = value
            }
        }
        return cookies
    }

    private static func clean(_ text: String, keeping allowed: (UInt8) -> Bool) -> String {
        String(decoding: text.utf8.filter(allowed), as: UTF8.self)
    }

    private static func isValueByte(_ byte: UInt8) -> Bool {
        byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte)
            || (0x3C...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
    }

    private static func isAttributeByte(_ byte: UInt8) -> Bool {
        (0x20...0x7E).contains(byte) && byte != UInt8(ascii: ";")
    }
}
