/// An accepted answer of a short-answer question.
///
/// `text` may hold `*` wildcards as in Moodle (`\*` for a literal star); matching ignores case, accents and
/// extra spaces.
public struct ShortAnswer: Codable, Equatable, Sendable {
    /// The accepted text or pattern.
    public var text: String
    /// Credit in percent when the response matches (100 by default).
    public var weight: Double
    /// Shown after the answer when this answer matched.
    public var feedback: QuestionText?

    /// Makes an accepted answer.
    public init(text: String, weight: Double = 100, feedback: QuestionText? = nil) {
        self.text = text
        self.weight = weight
        self.feedback = feedback
    }
}
