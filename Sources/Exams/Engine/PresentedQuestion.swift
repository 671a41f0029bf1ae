/// A drawn question as the candidate sees it: no weights, no right answers, options in the attempt's order.
public struct PresentedQuestion: Equatable, Sendable {
    /// The question id (stable, shown to trainers in reports).
    public var id: String
    /// How to answer it.
    public var kind: QuestionKind
    /// Short title, if the author gave one.
    public var title: String?
    /// The question text.
    public var stem: QuestionText
    /// Options of a choice question, in the order shown; responses refer to these positions.
    public var options: [QuestionText]
    /// Items of a matching question, in the order shown; responses refer to these positions.
    public var matchItems: [QuestionText]
    /// Answers offered for every matching item, in the order shown.
    public var matchAnswers: [String]
    /// Unit of a numerical answer, if any.
    public var unit: String?

    /// The question of `item` in its fixed order.
    init(_ question: Question, order: OptionOrder) {
        id = question.id
        kind = question.kind
        title = question.title
        stem = question.stem
        options = order.choices.map { question.choices[$0].text }
        matchItems = order.pairs.map { question.matchPairs[$0].item }
        matchAnswers = order.answers
        unit = question.unit
    }
}
