/// The clock of one section of an attempt, as stored (milliseconds since 1970).
struct AttemptSectionRecord: Equatable, Sendable {
    /// Index of the blueprint section.
    var index: Int
    /// When it started; nil while a sequential section waits its turn.
    var startedAt: Int64?
    /// When its time runs out.
    var deadline: Int64?
    /// When it ended: its deadline on a time-out, earlier when the candidate moved on.
    var closedAt: Int64?

    /// Whether the section ended at its deadline rather than by the candidate moving on.
    var timedOut: Bool { closedAt != nil && closedAt == deadline }
}
