import Foundation

/// An internal failure of the web layer (binding, starting the server, loading files).
///
/// Users never see it; its text names the layer, the operation and the cause.
public struct WebError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done (`bind 127.0.0.1:8080`, `read static directory Public`).
    public var operation: String
    /// Why it failed (the system's message).
    public var reason: String

    /// Creates an error.
    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// An error whose reason is the text of an `errno` value.
    static func system(_ operation: String, errno code: Int32) -> WebError {
        WebError(operation: operation, reason: String(cString: strerror(code)))
    }

    /// `web: <operation> failed: <reason>`.
    public var description: String {
        "web: \(operation) failed: \(reason)"
    }
}
