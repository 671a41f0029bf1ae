/// How one question version behaved in the first attempts at an exam, for trainers.
public struct ItemStatistic: Equatable, Sendable {
    /// How often one option was picked.
    public struct OptionUse: Equatable, Sendable {
        /// The option's index in the author's order (0 = A).
        public var index: Int
        /// The option's text.
        public var text: String
        /// Whether it carries positive credit.
        public var isRight: Bool
        /// How many candidates picked it.
        public var count: Int
        /// `count / n`, in 0...1; nil when n is 0.
        public var share: Double?
    }

    /// The question id.
    public var questionID: String
    /// The version drawn.
    public var version: Int
    /// Title or start of the stem.
    public var name: String
    /// Category path.
    public var category: String
    /// The question's kind.
    public var kind: QuestionKind
    /// How many first attempts drew and scored it (essays count once marked).
    public var n: Int
    /// Mean credit earned, in 0...1 (negative credit counts as 0); nil when n is 0.
    public var facility: Double?
    /// Upper-minus-lower index, in -1...1; nil below 2 candidates.
    public var discrimination: Double?
    /// Use of each option (choice questions; "Vrai" and "Faux" for true/false), in the author's order.
    public var options: [OptionUse]
    /// How many left it blank.
    public var blanks: Int
}
