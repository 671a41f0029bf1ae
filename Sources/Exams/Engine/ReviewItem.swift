/// One item of the correction shown after an attempt, when the exam's review policy allows it.
public struct ReviewItem: Equatable, Sendable {
    /// An option of a choice question, in the order the candidate saw.
    public struct Option: Equatable, Sendable {
        /// The option's text.
        public var text: QuestionText
        /// Credit in percent (negative for a penalised option).
        public var weight: Double
        /// Whether it is a right option (positive credit).
        public var isRight: Bool
        /// Whether the candidate picked it.
        public var isChosen: Bool
        /// The author's feedback for it.
        public var feedback: QuestionText?
    }

    /// An item of a matching question, in the order the candidate saw.
    public struct Pair: Equatable, Sendable {
        /// The item.
        public var item: QuestionText
        /// The answer that goes with it.
        public var expected: String
        /// The answer the candidate picked.
        public var given: String?
    }

    /// 0-based position in the attempt.
    public var position: Int
    /// Index of its section.
    public var sectionIndex: Int
    /// The question id and version drawn.
    public var questionID: String
    /// The version drawn, which later edits do not change.
    public var questionVersion: Int
    /// How it was answered.
    public var kind: QuestionKind
    /// Short title.
    public var title: String?
    /// The question text.
    public var stem: QuestionText
    /// Options, for choice questions.
    public var options: [Option]
    /// Pairs, for matching questions.
    public var pairs: [Pair]
    /// What the candidate typed (short answer, numerical, essay) or chose (true/false: "Vrai"/"Faux").
    public var givenText: String?
    /// The accepted answers, written out (`270`, `Vrai`, `entre 2 et 3`); empty for choice and matching.
    public var rightAnswers: [String]
    /// The author's feedback for the answer given (matched short or numerical answer, true/false branch).
    public var feedback: QuestionText?
    /// The explanation shown whatever was answered.
    public var generalFeedback: QuestionText?
    /// Points earned; nil while an essay awaits marking.
    public var awarded: Double?
    /// Points available.
    public var points: Double
    /// The trainer's comment on an essay.
    public var markerComment: String?
}
