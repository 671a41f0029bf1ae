import Foundation

/// One drawn item of an attempt, as stored; responses are in the author's option order.
struct AttemptItemRecord: Equatable, Sendable {
    var attemptID: Int64
    var position: Int
    var sectionIndex: Int
    var questionID: String
    var questionVersion: Int
    var optionOrder: OptionOrder
    var points: Double
    var response: AnswerResponse?
    var savedAt: Date?
    var clientSeq: Int64
    var flagged: Bool
    var timeSpentMs: Int64
    var fraction: Double?
    var awarded: Double?
    var needsMarking: Bool
    var markedBy: Int64?
    var markerComment: String?
}

/// The clock of one section of an attempt, as stored (milliseconds since 1970).
struct AttemptSectionRecord: Equatable, Sendable {
    var index: Int
    var startedAt: Int64?
    var deadline: Int64?
    var closedAt: Int64?

    /// Whether the section ended at its deadline rather than by the candidate moving on.
    var timedOut: Bool { closedAt != nil && closedAt == deadline }
}
