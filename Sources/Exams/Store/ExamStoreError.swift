/// An internal failure of the exams stores: stored data that cannot be read back. Never shown to users.
public struct ExamStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, with the ids involved (`decoding question ifsi-dos-001 v2`).
    public var operation: String
    /// The underlying reason.
    public var reason: String

    /// Makes the error.
    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// `exams store: decoding question ifsi-dos-001 v2: ...`.
    public var description: String { "exams store: \(operation): \(reason)" }
}
