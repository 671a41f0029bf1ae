/// The type of a question, which decides which answers it carries and how it is scored.
public enum QuestionKind: String, Codable, CaseIterable, Sendable {
    /// One option to pick among several (`choices`); GIFT writes at least one `=` answer.
    case singleChoice
    /// Several options may be ticked (`choices`), partial credit and negative weights; GIFT uses `~%n%` only.
    case multipleChoice
    /// A statement to judge true or false (`trueFalse`).
    case trueFalse
    /// A typed word or phrase compared with accepted answers (`shortAnswers`).
    case shortAnswer
    /// A typed number compared with values, tolerances or intervals (`numericalAnswers`, optional `unit`).
    case numerical
    /// Items to pair with answers (`matchPairs`).
    case matching
    /// Free text marked by a trainer.
    case essay
    /// Text shown between questions; never scored.
    case description
}
