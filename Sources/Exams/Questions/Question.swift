/// A question of a bank: what trainers write in GIFT or Moodle XML and what exams draw.
///
/// Only the answers of the question's `kind` are filled: `choices` for the two choice kinds, `trueFalse`,
/// `shortAnswers`, `numericalAnswers` (with an optional `unit`) or `matchPairs`; the others stay empty.
///
/// `id` is stable across edits when the author gives one: it is the GIFT `// [id:...]` comment (Moodle's
/// `idnumber`), else the slug of the `::title::`, else the slug of the stem's first words; a derived id
/// already used in the same file gets `-2`, `-3`... (see `QuestionIdentity`). Editing a question keeps
/// its id and changes its `contentHash`, which is how a new version is detected.
public struct Question: Codable, Equatable, Sendable {
    /// Stable identifier within a bank.
    public var id: String
    /// The identifier the author wrote (`[id:...]`, `<idnumber>`), if any.
    public var idNumber: String?
    /// The `::title::` or Moodle name, if the author gave one; `name` falls back on the stem.
    public var title: String?
    /// Category path such as `ifsi/calculs/dosages`, empty when the file sets none.
    public var category: String
    /// The type of question.
    public var kind: QuestionKind
    /// The question text.
    public var stem: QuestionText
    /// Where the answer box sits inside the stem: the offset, in characters of `stem.text`, of the `_____`
    /// placeholder Moodle writes for a missing-word question (`Grant is {...} in Grant's tomb.`).
    public var blankOffset: Int?
    /// Options of a single- or multiple-choice question, in the author's order.
    public var choices: [Choice]
    /// The answer of a true/false question.
    public var trueFalse: TrueFalseAnswer?
    /// Accepted answers of a short-answer question.
    public var shortAnswers: [ShortAnswer]
    /// Accepted values of a numerical question.
    public var numericalAnswers: [NumericalAnswer]
    /// The unit a numerical answer may be typed with (`mL`), written `// [unit:mL]` in GIFT.
    public var unit: String?
    /// Pairs of a matching question.
    public var matchPairs: [MatchPair]
    /// The explanation shown after the answer, whatever was answered.
    public var generalFeedback: QuestionText?
    /// Free tags; `niveau-1`, `niveau-2` or `niveau-3` sets the difficulty.
    public var tags: [String]

    /// Makes a question; answers not given stay empty.
    public init(
        id: String, idNumber: String? = nil, title: String? = nil, category: String = "", kind: QuestionKind,
        stem: QuestionText, blankOffset: Int? = nil, choices: [Choice] = [], trueFalse: TrueFalseAnswer? = nil,
        shortAnswers: [ShortAnswer] = [], numericalAnswers: [NumericalAnswer] = [], unit: String? = nil,
        matchPairs: [MatchPair] = [], generalFeedback: QuestionText? = nil, tags: [String] = []
    ) {
        self.id = id
        self.idNumber = idNumber
        self.title = title
        self.category = category
        self.kind = kind
        self.stem = stem
        self.blankOffset = blankOffset
        self.choices = choices
        self.trueFalse = trueFalse
        self.shortAnswers = shortAnswers
        self.numericalAnswers = numericalAnswers
        self.unit = unit
        self.matchPairs = matchPairs
        self.generalFeedback = generalFeedback
        self.tags = tags
    }

    /// The title, or else the stem's first 80 characters without markup, as Moodle names untitled questions.
    public var name: String {
        if let title, !title.isEmpty { return title }
        let plain = QuestionIdentity.plainText(stem.text)
        return plain.count > 80 ? String(plain.prefix(79)) + "…" : plain
    }

    /// Difficulty from 1 (easy) to 3 (hard), read from the tag `niveau-1`, `niveau-2` or `niveau-3`; 2 without one.
    public var difficulty: Int {
        for tag in tags {
            if let level = QuestionIdentity.difficultyLevel(ofTag: tag), (1...3).contains(level) { return level }
        }
        return 2
    }
}
