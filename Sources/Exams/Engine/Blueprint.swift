import Foundation

/// An exam as trainers define it in `QuestionBanks/<track>/exams/<id>.json`: timed sections, draw rules,
/// shuffling, scoring and review policy.
///
/// Decoding follows the content writers' format exactly; `summary` may be left out, `penalty` defaults
/// to 0, and a draw rule's `difficulty` may be one level (`2`) or a list (`[2, 3]`).
public struct Blueprint: Codable, Equatable, Sendable {
    /// Who may take the exam.
    public enum Access: String, Codable, Sendable {
        /// The short sample exam of a track, open to visitors.
        case free
        /// Reserved to subscribers.
        case premium
    }

    /// What the candidate sees once the attempt is over.
    public enum ReviewPolicy: String, Codable, Sendable {
        /// Score, right answers and explanations right after submitting.
        case afterSubmit = "after_submit"
        /// The score only.
        case scoreOnly = "score_only"
    }

    /// How the exam is marked.
    public struct Scoring: Codable, Equatable, Sendable {
        /// The maximum score (the sum of the sections' points), 20 for a mark out of 20.
        public var total: Double
        /// The score needed to pass.
        public var passMark: Double
        /// A total strictly below this eliminates the candidate.
        public var eliminatoryBelow: Double?
        /// Fraction of a question's points removed for a wrong answer (0 = none, 0.25 = a quarter).
        public var penalty: Double

        /// Makes a scoring rule.
        public init(total: Double, passMark: Double, eliminatoryBelow: Double? = nil, penalty: Double = 0) {
            self.total = total
            self.passMark = passMark
            self.eliminatoryBelow = eliminatoryBelow
            self.penalty = penalty
        }

        private enum CodingKeys: String, CodingKey {
            case total, passMark, eliminatoryBelow, penalty
        }

        /// Decodes the writers' format; `penalty` may be left out.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            total = try container.decode(Double.self, forKey: .total)
            passMark = try container.decode(Double.self, forKey: .passMark)
            eliminatoryBelow = try container.decodeIfPresent(Double.self, forKey: .eliminatoryBelow)
            penalty = try container.decodeIfPresent(Double.self, forKey: .penalty) ?? 0
        }
    }

    /// "n questions from a category", optionally limited to some difficulty levels.
    public struct DrawRule: Codable, Equatable, Sendable {
        /// Category path; questions of its subcategories count too (`ifsi/calculs` holds
        /// `ifsi/calculs/dosages`).
        public var category: String
        /// How many questions to draw.
        public var count: Int
        /// Allowed difficulty levels (1 easy ... 3 hard); any level when nil.
        public var difficulty: [Int]?

        /// Makes a rule.
        public init(category: String, count: Int, difficulty: [Int]? = nil) {
            self.category = category
            self.count = count
            self.difficulty = difficulty
        }

        private enum CodingKeys: String, CodingKey {
            case category, count, difficulty
        }

        /// Decodes the writers' format; `difficulty` may be a single level or a list.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            category = try container.decode(String.self, forKey: .category)
            count = try container.decode(Int.self, forKey: .count)
            if let level = try? container.decodeIfPresent(Int.self, forKey: .difficulty) {
                difficulty = [level]
            } else {
                difficulty = try container.decodeIfPresent([Int].self, forKey: .difficulty)
            }
        }

        /// Whether a question of `category` and `level` may be drawn by this rule.
        public func admits(category questionCategory: String, difficulty level: Int) -> Bool {
            let inCategory = questionCategory == category || questionCategory.hasPrefix(category + "/")
            return inCategory && (difficulty?.contains(level) ?? true)
        }
    }

    /// A timed part of the exam with its own points.
    public struct Section: Codable, Equatable, Sendable {
        /// Stable identifier within the exam (`culture`).
        public var id: String
        /// Shown to the candidate.
        public var title: String
        /// Time allowed, before any accommodation factor.
        public var minutes: Double
        /// Points of the section, spread equally over its questions.
        public var points: Double
        /// A section score strictly below this eliminates the candidate.
        public var eliminatoryBelow: Double?
        /// What to draw, in order.
        public var draw: [DrawRule]

        /// Makes a section.
        public init(
            id: String, title: String, minutes: Double, points: Double, eliminatoryBelow: Double? = nil,
            draw: [DrawRule]
        ) {
            self.id = id
            self.title = title
            self.minutes = minutes
            self.points = points
            self.eliminatoryBelow = eliminatoryBelow
            self.draw = draw
        }

        /// How many questions the section draws.
        public var questionCount: Int { draw.reduce(0) { $0 + $1.count } }
    }

    /// Stable identifier, also the file name (`ifsi-blanc-1`).
    public var id: String
    /// The selection it prepares for.
    public var track: Track
    /// Shown in lists and on the attempt page.
    public var title: String
    /// One sentence presenting the exam.
    public var summary: String
    /// Free sample or premium.
    public var access: Access
    /// Whether questions are shuffled within each section.
    public var shuffleQuestions: Bool
    /// Whether the options of choice and matching questions are shuffled.
    public var shuffleOptions: Bool
    /// Whether sections are timed one after the other, each with its own clock.
    public var sequentialSections: Bool
    /// What the candidate sees after the attempt.
    public var review: ReviewPolicy
    /// Marking rules.
    public var scoring: Scoring
    /// The timed parts, in order.
    public var sections: [Section]

    /// Makes a blueprint.
    public init(
        id: String, track: Track, title: String, summary: String = "", access: Access,
        shuffleQuestions: Bool, shuffleOptions: Bool, sequentialSections: Bool, review: ReviewPolicy,
        scoring: Scoring, sections: [Section]
    ) {
        self.id = id
        self.track = track
        self.title = title
        self.summary = summary
        self.access = access
        self.shuffleQuestions = shuffleQuestions
        self.shuffleOptions = shuffleOptions
        self.sequentialSections = sequentialSections
        self.review = review
        self.scoring = scoring
        self.sections = sections
    }

    private enum CodingKeys: String, CodingKey {
        case id, track, title, summary, access, shuffleQuestions, shuffleOptions, sequentialSections, review
        case scoring, sections
    }

    /// Decodes the writers' format; `summary` may be left out.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        track = try container.decode(Track.self, forKey: .track)
        title = try container.decode(String.self, forKey: .title)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        access = try container.decode(Access.self, forKey: .access)
        shuffleQuestions = try container.decode(Bool.self, forKey: .shuffleQuestions)
        shuffleOptions = try container.decode(Bool.self, forKey: .shuffleOptions)
        sequentialSections = try container.decode(Bool.self, forKey: .sequentialSections)
        review = try container.decode(ReviewPolicy.self, forKey: .review)
        scoring = try container.decode(Scoring.self, forKey: .scoring)
        sections = try container.decode([Section].self, forKey: .sections)
    }

    /// Total time in minutes before any accommodation factor.
    public var minutes: Double { sections.reduce(0) { $0 + $1.minutes } }

    /// How many questions an attempt draws.
    public var questionCount: Int { sections.reduce(0) { $0 + $1.questionCount } }
}
