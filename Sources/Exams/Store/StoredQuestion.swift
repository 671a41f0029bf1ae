import Foundation

/// One version of a question as the bank holds it.
public struct StoredQuestion: Equatable, Sendable {
    /// The question's content at this version.
    public var question: Question
    /// 1 for the first import, then one more per content change.
    public var version: Int
    /// The bank file it came from, relative to the banks folder.
    public var sourceFile: String
    /// When this version was imported.
    public var createdAt: Date
    /// When the question left the banks; retired questions are never drawn again.
    public var retiredAt: Date?

    /// Makes a stored version.
    public init(question: Question, version: Int, sourceFile: String, createdAt: Date, retiredAt: Date? = nil) {
        self.question = question
        self.version = version
        self.sourceFile = sourceFile
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }
}
