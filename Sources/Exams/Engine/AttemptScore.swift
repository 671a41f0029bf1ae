/// The marks of an attempt under its blueprint's real rules.
public struct AttemptScore: Equatable, Sendable {
    /// The outcome, as a candidate reads it.
    public enum Verdict: String, Sendable {
        /// Total at or above the pass mark and no eliminatory mark hit.
        case passed
        /// Below the pass mark, no eliminatory mark hit.
        case failed
        /// An eliminatory mark was hit (total or a section): failed whatever the total.
        case eliminated
        /// Essays still await a trainer's marking ("en attente de correction").
        case pendingMarking = "pending_marking"
    }

    /// Score of each section, in blueprint order, never below 0.
    public var sectionScores: [Double]
    /// The sum of the sections.
    public var total: Double
    /// Essays awaiting marking.
    public var pendingMarking: Int
    /// The outcome.
    public var verdict: Verdict
    /// The outcome explained in French (`Éliminé : 7,5/20, en dessous de la note éliminatoire de 8/20.`).
    public var reason: String

    /// Whether the exam is passed; nil while essays await marking.
    public var passed: Bool? { verdict == .pendingMarking ? nil : verdict == .passed }

    /// Whether an eliminatory mark was hit; nil while essays await marking.
    public var eliminated: Bool? { verdict == .pendingMarking ? nil : verdict == .eliminated }
}
