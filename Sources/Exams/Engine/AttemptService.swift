import Foundation
import Logging
import Storage

/// Runs attempts on the server's clock: start (draw, option orders, deadlines), resume, save, move on,
/// submit, close overdue attempts, mark essays, results.
///
/// Every method takes the time from the caller (`now`), so the portal's test clock reaches deadlines
/// without waiting. Each mutating call runs in one transaction. Not thread-safe: give each thread its own
/// service over its own connection.
public final class AttemptService {
    /// Tunables.
    public struct Settings: Sendable {
        /// How long after a deadline a save still counts, for answers in flight on a slow network.
        public var grace: TimeInterval

        /// Makes settings; the grace is 10 s by default.
        public init(grace: TimeInterval = 10) {
            self.grace = grace
        }
    }

    /// The connection used.
    public let db: Database
    /// Tunables.
    public let settings: Settings
    /// Where attempts starting and ending are logged.
    let logger: Logger
    /// Draws questions and shuffles options.
    var random: any RandomNumberGenerator

    /// Makes a service.
    ///
    /// - Parameter random: draws questions and option orders; a seeded generator makes tests repeatable.
    ///   Attempt tokens always come from the system's secure generator.
    public init(
        db: Database, settings: Settings = Settings(),
        random: any RandomNumberGenerator = SystemRandomNumberGenerator(),
        logger: Logger = Logger(label: "exams")
    ) {
        self.db = db
        self.settings = settings
        self.random = random
        self.logger = logger
    }

    /// `settings.grace` in milliseconds.
    var graceMilliseconds: Int64 { Int64((settings.grace * 1000).rounded()) }

    // MARK: - Loading

    /// An attempt with its blueprint and section clocks.
    struct Loaded {
        var attempt: Attempt
        var blueprint: Blueprint
        var sections: [AttemptSectionRecord]
    }

    /// The attempt `token` of `owner`; someone else's attempt is `notFound`, like a missing one.
    func load(token: String, owner: AttemptOwner) throws -> Loaded {
        guard let attempt = try AttemptStore(db).attempt(token: token), attempt.owner == owner else {
            throw AttemptError.notFound
        }
        return try load(attempt)
    }

    /// The blueprint the attempt started with, and its section clocks.
    func load(_ attempt: Attempt) throws -> Loaded {
        guard let blueprint = try AttemptStore(db).blueprint(attemptID: attempt.id) else {
            throw ExamStoreError(operation: "loading blueprint of attempt \(attempt.id)", reason: "missing")
        }
        return Loaded(
            attempt: attempt, blueprint: blueprint, sections: try AttemptStore(db).sections(attemptID: attempt.id))
    }

    /// The question version an item drew, through `cache`.
    func question(_ item: AttemptItemRecord, cache: inout [String: Question]) throws -> Question {
        let key = "\(item.questionID)#\(item.questionVersion)"
        if let question = cache[key] { return question }
        guard let question = try QuestionStore(db).content(id: item.questionID, version: item.questionVersion) else {
            throw ExamStoreError(
                operation: "loading question \(key) of attempt \(item.attemptID)", reason: "missing version")
        }
        cache[key] = question
        return question
    }

    // MARK: - Resuming

    /// The attempt as it stands, for the page or a device taking over: saved answers, flags, clocks.
    ///
    /// Sections whose time ran out are closed at their deadline first; an attempt past its last deadline
    /// and grace is closed as `sweepOverdue` would.
    public func resume(token: String, owner: AttemptOwner, now: Date) throws -> AttemptView {
        // Most looks change nothing: read them in a snapshot, without queueing behind the writers.
        let unchanged = try db.transaction(.deferred) { () -> AttemptView? in
            let loaded = try load(token: token, owner: owner)
            return clockIsDue(loaded, now: now) ? nil : try view(loaded, now: now)
        }
        if let unchanged { return unchanged }
        return try db.transaction {
            var loaded = try load(token: token, owner: owner)
            try advanceClock(&loaded, now: now)
            if loaded.attempt.isOpen
                && Milliseconds.of(now) > Milliseconds.of(loaded.attempt.deadline) + graceMilliseconds
            {
                try finish(&loaded, status: .expired, at: loaded.attempt.deadline)
            }
            return try view(loaded, now: now)
        }
    }

    /// Whether `resume` has a section to time out or the attempt to close at `now`.
    func clockIsDue(_ loaded: Loaded, now: Date) -> Bool {
        guard loaded.attempt.isOpen else { return false }
        let nowMs = Milliseconds.of(now)
        if nowMs > Milliseconds.of(loaded.attempt.deadline) + graceMilliseconds { return true }
        guard loaded.blueprint.sequentialSections else { return false }
        let current = loaded.attempt.currentSection
        guard current < loaded.blueprint.sections.count - 1, loaded.sections.indices.contains(current),
            let deadline = loaded.sections[current].deadline
        else { return false }
        return nowMs > deadline
    }

    /// Builds the view of a loaded attempt at `now`.
    func view(_ loaded: Loaded, now: Date) throws -> AttemptView {
        let nowMs = Milliseconds.of(now)
        let attempt = loaded.attempt
        let sections = loaded.blueprint.sections.enumerated().map { index, section in
            let clock = loaded.sections.first { $0.index == index }
            let state: AttemptView.SectionView.State =
                if clock?.startedAt == nil { .pending } else if clock?.closedAt != nil || !attempt.isOpen {
                    .closed
                } else { .open }
            return AttemptView.SectionView(
                index: index, id: section.id, title: section.title, points: section.points, state: state,
                startedAt: clock?.startedAt.map(Milliseconds.date), deadline: clock?.deadline.map(Milliseconds.date),
                remainingMilliseconds: clock?.deadline.map { state == .open ? max(0, $0 - nowMs) : 0 })
        }
        var cache: [String: Question] = [:]
        let items = try AttemptStore(db).items(attemptID: attempt.id).map { item in
            let answerable = attempt.isOpen && sections[item.sectionIndex].state == .open
            let question = try question(item, cache: &cache)
            return AttemptView.ItemView(
                position: item.position, sectionIndex: item.sectionIndex, points: item.points,
                question: answerable ? PresentedQuestion(question, order: item.optionOrder) : nil,
                response: item.response.map { ResponseTranslation.shown($0, order: item.optionOrder) },
                flagged: item.flagged, clientSeq: item.clientSeq, timeSpentMilliseconds: item.timeSpentMs)
        }
        let current = sections.indices.contains(attempt.currentSection) ? sections[attempt.currentSection] : nil
        return AttemptView(
            attempt: attempt, title: loaded.blueprint.title, sequentialSections: loaded.blueprint.sequentialSections,
            sections: sections, items: items, remainingMilliseconds: current?.remainingMilliseconds ?? 0)
    }
}
