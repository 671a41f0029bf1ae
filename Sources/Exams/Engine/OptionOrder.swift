/// The order in which one drawn item shows its options, fixed when the attempt starts.
///
/// Candidates only ever see and send positions in this order; the author's indices, which would reveal
/// the usual "right answer first" of GIFT files, stay on the server.
struct OptionOrder: Codable, Hashable, Sendable {
    /// For each shown option, its index in the question's `choices`.
    var choices: [Int] = []
    /// For each shown item of a matching question, its index in `matchPairs` (distractor pairs left out).
    var pairs: [Int] = []
    /// The answers offered for every item of a matching question, in the order shown.
    var answers: [String] = []
}
