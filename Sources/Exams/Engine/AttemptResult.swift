import Foundation

/// The outcome of a finished attempt: marks by section and category, verdict, time per question, rank.
public struct AttemptResult: Equatable, Sendable {
    /// The mark of one section.
    public struct SectionResult: Equatable, Sendable {
        /// Index in the blueprint.
        public var index: Int
        /// The blueprint's section id.
        public var id: String
        /// Shown to the candidate.
        public var title: String
        /// Points earned.
        public var score: Double
        /// Points available.
        public var points: Double
        /// The section's eliminatory mark, if any.
        public var eliminatoryBelow: Double?
        /// Whether the score is below the eliminatory mark.
        public var isEliminatory: Bool
    }

    /// The mark of the questions of one category.
    public struct CategoryResult: Equatable, Sendable {
        /// Category path (`ifsi/calculs/dosages`).
        public var category: String
        /// Points earned (penalties included, essays awaiting marking as 0).
        public var score: Double
        /// Points available.
        public var points: Double
        /// Questions drawn from it.
        public var questionCount: Int
    }

    /// Time and points of one item.
    public struct ItemOutcome: Equatable, Sendable {
        /// 0-based position.
        public var position: Int
        /// Index of its section.
        public var sectionIndex: Int
        /// The question id.
        public var questionID: String
        /// Milliseconds the candidate spent on it.
        public var timeSpentMilliseconds: Int64
        /// Points earned; nil while an essay awaits marking.
        public var awarded: Double?
        /// Points available.
        public var points: Double
    }

    /// The attempt.
    public var attempt: Attempt
    /// The exam's title.
    public var examTitle: String
    /// Marks and verdict.
    public var score: AttemptScore
    /// The total brought to a mark out of 20.
    public var scoreOutOf20: Double
    /// Sections, in order.
    public var sections: [SectionResult]
    /// Categories, by path.
    public var categories: [CategoryResult]
    /// Items, by position.
    public var items: [ItemOutcome]
    /// 1 for the best score among finished attempts of the exam; ties share a rank.
    public var rank: Int
    /// How many finished attempts of the exam are ranked.
    public var rankedAttempts: Int
    /// Whether the review policy shows the corrections.
    public var reviewAvailable: Bool
}

/// One finished attempt in a candidate's history, for the progress chart.
public struct HistoryEntry: Equatable, Sendable {
    /// The attempt's public token.
    public var token: String
    /// The exam's id.
    public var examID: String
    /// The exam's title.
    public var examTitle: String
    /// When it ended.
    public var finishedAt: Date
    /// Points earned.
    public var score: Double
    /// Points available.
    public var maxScore: Double
    /// The score out of 20.
    public var scoreOutOf20: Double
    /// Whether passed; nil while essays await marking.
    public var passed: Bool?
    /// Whether an eliminatory mark was hit; nil while essays await marking.
    public var eliminated: Bool? = nil
}
