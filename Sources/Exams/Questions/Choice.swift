/// An option of a single- or multiple-choice question.
public struct Choice: Codable, Equatable, Sendable {
    /// What the candidate reads.
    public var text: QuestionText
    /// Credit in percent, from -100 to 100: 100 for the right option of a single choice, 0 for a wrong one.
    public var weight: Double
    /// Shown after the answer when this option was picked.
    public var feedback: QuestionText?

    /// Makes an option.
    public init(text: QuestionText, weight: Double, feedback: QuestionText? = nil) {
        self.text = text
        self.weight = weight
        self.feedback = feedback
    }
}
