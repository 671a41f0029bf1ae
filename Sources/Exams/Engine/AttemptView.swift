import Foundation

/// Everything needed to show, or resume on another device, an attempt in progress.
public struct AttemptView: Equatable, Sendable {
    /// The clock of one section.
    public struct SectionView: Equatable, Sendable {
        /// Where a section stands.
        public enum State: String, Sendable {
            /// Not started yet (sequential sections).
            case pending
            /// Being worked on.
            case open
            /// Over: time out, moved on, or attempt finished.
            case closed
        }

        /// Index in the blueprint.
        public var index: Int
        /// The blueprint's section id.
        public var id: String
        /// Shown to the candidate.
        public var title: String
        /// The section's points.
        public var points: Double
        /// Where it stands.
        public var state: State
        /// When it started.
        public var startedAt: Date?
        /// When its time runs out.
        public var deadline: Date?
        /// Milliseconds left by the server clock, 0 when over; nil while pending.
        public var remainingMilliseconds: Int64?
    }

    /// One drawn item, with what the candidate saved.
    public struct ItemView: Equatable, Sendable {
        /// 0-based position in the attempt.
        public var position: Int
        /// Index of its section.
        public var sectionIndex: Int
        /// Points it is worth.
        public var points: Double
        /// The question, only while its section may be answered.
        public var question: PresentedQuestion?
        /// The saved response, in the shown order.
        public var response: AnswerResponse?
        /// Whether the candidate flagged it to come back to.
        public var flagged: Bool
        /// Sequence number of the last save accepted.
        public var clientSeq: Int64
        /// Milliseconds the candidate spent on it, as last reported.
        public var timeSpentMilliseconds: Int64
    }

    /// The attempt itself.
    public var attempt: Attempt
    /// The exam's title.
    public var title: String
    /// Whether sections are timed one after the other.
    public var sequentialSections: Bool
    /// Section clocks, in order.
    public var sections: [SectionView]
    /// Items, by position.
    public var items: [ItemView]
    /// Milliseconds left in the current section (the whole exam when not sequential), 0 when over.
    public var remainingMilliseconds: Int64
}

/// The server's answer to a save.
public struct SaveReceipt: Equatable, Sendable {
    /// What became of the save.
    public enum Outcome: String, Sendable {
        /// Stored.
        case saved
        /// Same sequence number and response as the stored save: a retry, nothing changed.
        case duplicate
        /// Older than the stored save, or as old with another response: ignored, nothing changed.
        case stale
    }

    /// What became of the save.
    public var outcome: Outcome
    /// The sequence number now stored for the item.
    public var storedSeq: Int64
    /// Milliseconds left in the item's section by the server clock.
    public var remainingMilliseconds: Int64

    /// Makes a receipt.
    public init(outcome: Outcome, storedSeq: Int64, remainingMilliseconds: Int64) {
        self.outcome = outcome
        self.storedSeq = storedSeq
        self.remainingMilliseconds = remainingMilliseconds
    }
}
