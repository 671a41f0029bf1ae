/// What a candidate answered to one question, as saved in an attempt.
///
/// Options are identified by their index in the question's `choices` (the author's order, whatever order
/// they were shown in). Named `AnswerResponse` so that it never clashes with the web layer's `Response`.
public enum AnswerResponse: Codable, Hashable, Sendable {
    /// The option picked in a single-choice question.
    case choice(Int)
    /// The options ticked in a multiple-choice question.
    case choices(Set<Int>)
    /// "Vrai" or "faux".
    case trueFalse(Bool)
    /// Text typed for a short-answer, numerical or essay question.
    case text(String)
    /// For each pair index of a matching question, the answer picked.
    case matching([Int: String])
}
