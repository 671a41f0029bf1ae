/// A pair of a matching question: an item and the answer it goes with.
///
/// A pair whose `item` is empty adds `answer` as a distractor only (GIFT `= -> Chat`).
public struct MatchPair: Codable, Equatable, Sendable {
    /// The item shown on the left.
    public var item: QuestionText
    /// The answer to pick for it, plain text.
    public var answer: String

    /// Makes a pair.
    public init(item: QuestionText, answer: String) {
        self.item = item
        self.answer = answer
    }

    /// Whether the pair only adds a distractor answer.
    public var isDistractor: Bool { item.text.isEmpty }
}
