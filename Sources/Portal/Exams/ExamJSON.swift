import Exams
import Foundation

/// One exam of the catalogue, as the API shows it (no question text).
struct ExamJSON: Encodable {
    struct Section: Encodable {
        var id: String
        var title: String
        var minutes: Double
        var points: Double
        var questionCount: Int
    }

    var id: String
    var track: String
    var title: String
    var summary: String
    var access: String
    var minutes: Double
    var questionCount: Int
    var total: Double
    var passMark: Double
    var eliminatoryBelow: Double?
    var sequentialSections: Bool
    var sections: [Section]

    init(_ blueprint: Blueprint) {
        id = blueprint.id
        track = blueprint.track.rawValue
        title = blueprint.title
        summary = blueprint.summary
        access = blueprint.access.rawValue
        minutes = blueprint.minutes
        questionCount = blueprint.questionCount
        total = blueprint.scoring.total
        passMark = blueprint.scoring.passMark
        eliminatoryBelow = blueprint.scoring.eliminatoryBelow
        sequentialSections = blueprint.sequentialSections
        sections = blueprint.sections.map {
            Section(id: $0.id, title: $0.title, minutes: $0.minutes, points: $0.points, questionCount: $0.questionCount)
        }
    }
}

/// An attempt's state for a client resuming it: clocks, sections and where each item stands.
struct AttemptJSON: Encodable {
    struct Section: Encodable {
        var index: Int
        var title: String
        var state: String
        var deadline: Date?
        var remainingMs: Int64?
    }

    struct Item: Encodable {
        var position: Int
        var section: Int
        var points: Double
        var answered: Bool
        var flagged: Bool
        var seq: Int64
        var available: Bool
    }

    var token: String
    var examId: String
    var title: String
    var status: String
    var startedAt: Date
    var deadline: Date
    var remainingMs: Int64
    var timeFactor: Double
    var currentPosition: Int
    var sections: [Section]
    var items: [Item]

    init(_ view: AttemptView) {
        token = view.attempt.token
        examId = view.attempt.examID
        title = view.title
        status = view.attempt.status.rawValue
        startedAt = view.attempt.startedAt
        deadline = view.attempt.deadline
        remainingMs = view.remainingMilliseconds
        timeFactor = view.attempt.timeFactor
        currentPosition = view.attempt.currentPosition
        sections = view.sections.map {
            Section(
                index: $0.index, title: $0.title, state: $0.state.rawValue, deadline: $0.deadline,
                remainingMs: $0.remainingMilliseconds)
        }
        items = view.items.map {
            Item(
                position: $0.position, section: $0.sectionIndex, points: $0.points, answered: $0.response != nil,
                flagged: $0.flagged, seq: $0.clientSeq, available: $0.question != nil)
        }
    }
}

/// One question of an open section, with the candidate's saved answer.
struct ItemJSON: Encodable {
    var position: Int
    var section: Int
    var points: Double
    var kind: String
    var title: String?
    var stemHTML: String
    /// The options as HTML fragments, in the order the candidate sees them.
    var optionsHTML: [String]
    var matchItemsHTML: [String]
    /// Plain text.
    var matchAnswers: [String]
    var unit: String?
    var response: APIAnswer?
    var flagged: Bool
    var seq: Int64

    init(_ item: AttemptView.ItemView, question: PresentedQuestion) {
        position = item.position
        section = item.sectionIndex
        points = item.points
        kind = question.kind.rawValue
        title = question.title
        stemHTML = QuestionHTML.render(question.stem)
        optionsHTML = question.options.map(QuestionHTML.inline)
        matchItemsHTML = question.matchItems.map(QuestionHTML.inline)
        matchAnswers = question.matchAnswers
        unit = question.unit
        response = item.response.map(APIAnswer.init)
        flagged = item.flagged
        seq = item.clientSeq
    }
}

/// The acknowledgement of a save.
struct SaveJSON: Encodable {
    /// `saved`, `duplicate` (same seq and response: a retry) or `stale` (older seq, or same seq with another
    /// response: ignored).
    var outcome: String
    var seq: Int64
    var remainingMs: Int64
}

/// The result of a finished attempt.
struct ResultJSON: Encodable {
    struct Section: Encodable {
        var title: String
        var score: Double
        var points: Double
        var eliminatoryBelow: Double?
    }

    struct Category: Encodable {
        var category: String
        var score: Double
        var points: Double
        var questionCount: Int
    }

    var token: String
    var status: String
    var finishedAt: Date?
    var score: Double
    var maxScore: Double
    var scoreOutOf20: Double
    var verdict: String
    var reason: String
    var pendingMarking: Int
    var rank: Int
    var rankedAttempts: Int
    var reviewAvailable: Bool
    var sections: [Section]
    var categories: [Category]

    init(_ result: AttemptResult) {
        token = result.attempt.token
        status = result.attempt.status.rawValue
        finishedAt = result.attempt.finishedAt
        score = result.score.total
        maxScore = result.attempt.maxScore
        scoreOutOf20 = result.scoreOutOf20
        verdict = result.score.verdict.rawValue
        reason = result.score.reason
        pendingMarking = result.score.pendingMarking
        rank = result.rank
        rankedAttempts = result.rankedAttempts
        reviewAvailable = result.reviewAvailable
        sections = result.sections.map {
            Section(title: $0.title, score: $0.score, points: $0.points, eliminatoryBelow: $0.eliminatoryBelow)
        }
        categories = result.categories.map {
            Category(category: $0.category, score: $0.score, points: $0.points, questionCount: $0.questionCount)
        }
    }
}
