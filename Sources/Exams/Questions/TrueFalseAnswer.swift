/// The answer of a true/false question, with the feedback for each branch the candidate may pick.
public struct TrueFalseAnswer: Codable, Equatable, Sendable {
    /// Whether the statement is true.
    public var isTrue: Bool
    /// Shown when the candidate answered "vrai".
    public var feedbackWhenTrue: QuestionText?
    /// Shown when the candidate answered "faux".
    public var feedbackWhenFalse: QuestionText?

    /// Makes a true/false answer.
    public init(isTrue: Bool, feedbackWhenTrue: QuestionText? = nil, feedbackWhenFalse: QuestionText? = nil) {
        self.isTrue = isTrue
        self.feedbackWhenTrue = feedbackWhenTrue
        self.feedbackWhenFalse = feedbackWhenFalse
    }
}
