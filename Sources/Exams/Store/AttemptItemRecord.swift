import Foundation

/// One drawn item of an attempt, as stored; the response is in the author's option order.
struct AttemptItemRecord: Equatable, Sendable {
    /// The attempt's database id.
    var attemptID: Int64
    /// 0-based position in the attempt.
    var position: Int
    /// Index of the blueprint section it belongs to.
    var sectionIndex: Int
    /// The question drawn.
    var questionID: String
    /// The version drawn, kept whatever later edits do.
    var questionVersion: Int
    /// How its options are shown.
    var optionOrder: OptionOrder
    /// Points it is worth.
    var points: Double
    /// The last response accepted, nil when blank.
    var response: AnswerResponse?
    /// When the last save was accepted.
    var savedAt: Date?
    /// Sequence number of the last save accepted (0 before any).
    var clientSeq: Int64
    /// Flagged by the candidate to come back to.
    var flagged: Bool
    /// Time the candidate spent on it, as the page reported.
    var timeSpentMs: Int64
    /// Credit earned, -1...1, once scored; nil before, and for an essay awaiting marking.
    var fraction: Double?
    /// Points earned, penalties included, once scored.
    var awarded: Double?
    /// An essay awaiting a trainer.
    var needsMarking: Bool
    /// The trainer who marked the essay.
    var markedBy: Int64?
    /// The trainer's comment.
    var markerComment: String?
}
