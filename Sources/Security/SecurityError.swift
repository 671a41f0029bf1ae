import COpenSSL

/// The error of the Security module: an OpenSSL call that failed or key
/// material that could not be read, naming the operation that was attempted.
public struct SecurityError: Error, Equatable, CustomStringConvertible {
    /// What was being done, e.g. `EVP_PBE_scrypt` or `read key ring`.
    public let operation: String
    /// OpenSSL's packed error code, or 0 when the failure is not OpenSSL's.
    public let code: UInt
    /// OpenSSL's error string or a description of the problem.
    public let reason: String

    /// Creates an error for a failure that did not come from OpenSSL.
    public init(operation: String, reason: String) {
        self.operation = operation
        self.code = 0
        self.reason = reason
    }

    init(operation: String, code: UInt, reason: String) {
        self.operation = operation
        self.code = code
        self.reason = reason
    }

    /// `security: <operation> failed: <reason>`, with OpenSSL's code when there is one.
    public var description: String {
        let codePart = code == 0 ? "" : " (openssl error \(code))"
        return "security: \(operation) failed: \(reason)\(codePart)"
    }

    /// Builds an error from OpenSSL's error queue and empties the queue.
    static func openSSL(_ operation: String) -> SecurityError {
        let first = ERR_get_error()
        while ERR_get_error() != 0 {}
        guard first != 0 else {
            return SecurityError(operation: operation, code: 0, reason: "no OpenSSL error queued")
        }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(first, &buffer, buffer.count)
        let reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return SecurityError(operation: operation, code: first, reason: reason)
    }
}
