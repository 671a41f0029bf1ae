import Foundation

/// One candidate's sitting of an exam, as the server holds it.
public struct Attempt: Equatable, Sendable {
    /// Where the attempt stands.
    public enum Status: String, Sendable {
        /// Answers are being given.
        case open
        /// The candidate submitted it.
        case submitted
        /// The server closed it at its deadline with the answers saved in time.
        case expired
    }

    /// Database id; never shown in URLs.
    public var id: Int64
    /// The random public id used in URLs.
    public var token: String
    /// Who it belongs to.
    public var owner: AttemptOwner
    /// The exam's blueprint id.
    public var examID: String
    /// When it started.
    public var startedAt: Date
    /// The end of the last section as things stand (earlier when the candidate moves on early).
    public var deadline: Date
    /// Accommodation factor on every duration (4/3 for tiers-temps).
    public var timeFactor: Double
    /// Where the attempt stands.
    public var status: Status
    /// When it was submitted or closed; never later than the deadline.
    public var finishedAt: Date?
    /// The score, once finished (essays still to mark count 0 until marked).
    public var score: Double?
    /// The maximum score.
    public var maxScore: Double
    /// Whether the exam is passed; nil while open or while essays await marking.
    public var passed: Bool?
    /// Whether an eliminatory mark was hit; nil like `passed`.
    public var eliminated: Bool?
    /// Index of the section being worked on.
    public var currentSection: Int
    /// Position of the item last saved.
    public var currentPosition: Int
    /// Whether it is the owner's first attempt at this exam (only those feed item statistics).
    public var isFirstAttempt: Bool

    /// Makes an attempt record.
    public init(
        id: Int64, token: String, owner: AttemptOwner, examID: String, startedAt: Date, deadline: Date,
        timeFactor: Double, status: Status, finishedAt: Date?, score: Double?, maxScore: Double, passed: Bool?,
        eliminated: Bool?, currentSection: Int, currentPosition: Int, isFirstAttempt: Bool
    ) {
        self.id = id
        self.token = token
        self.owner = owner
        self.examID = examID
        self.startedAt = startedAt
        self.deadline = deadline
        self.timeFactor = timeFactor
        self.status = status
        self.finishedAt = finishedAt
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.eliminated = eliminated
        self.currentSection = currentSection
        self.currentPosition = currentPosition
        self.isFirstAttempt = isFirstAttempt
    }

    /// Whether answers may still be saved (before any deadline check).
    public var isOpen: Bool { status == .open }
}
