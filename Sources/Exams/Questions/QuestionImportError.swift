/// The refusal of a whole bank file (GIFT or Moodle XML): every problem found, none of its questions kept.
public struct QuestionImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// All problems, in file order.
    public var problems: [ImportProblem]

    /// Makes the error from the problems found.
    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
