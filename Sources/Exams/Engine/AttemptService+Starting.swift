import Foundation

extension AttemptService {
    /// Starts an attempt: draws the questions of every section (never one twice), fixes their order and
    /// their options' order, and sets the clocks.
    ///
    /// With sequential sections only the first starts now, for its minutes × `timeFactor`; each next one
    /// starts when the previous closes. Otherwise one deadline covers the whole exam.
    ///
    /// - Parameter timeFactor: accommodation on every duration (4/3 for tiers-temps), kept within 1...4.
    public func start(examID: String, owner: AttemptOwner, timeFactor: Double = 1, now: Date) throws -> AttemptView {
        try db.transaction {
            let prepared = try prepareStart(examID: examID, owner: owner, timeFactor: timeFactor, now: now)
            let (attempt, sections) = try insert(prepared)
            return try view(Loaded(attempt: attempt, blueprint: prepared.blueprint, sections: sections), now: now)
        }
    }

    /// An attempt drawn but not yet written: `prepareStart` only reads, so the drawing can run outside the
    /// write transaction, and `commitStart` only writes.
    public struct PreparedStart: Sendable {
        let examID: String
        let owner: AttemptOwner
        let blueprint: Blueprint
        let blueprintJSON: String
        let factor: Double
        let startMs: Int64
        let durations: [Int64]
        /// The drawn items, `attemptID` still 0.
        let items: [AttemptItemRecord]
    }

    /// Draws a new attempt of `examID` for `owner` at `now`, reading only.
    ///
    /// - Throws: `examUnavailable`, `premiumRequired`, `notEnoughQuestions`.
    public func prepareStart(
        examID: String, owner: AttemptOwner, timeFactor: Double = 1, now: Date
    ) throws -> PreparedStart {
        let exams = ExamStore(db)
        guard try exams.isActive(id: examID), let (blueprint, blueprintJSON) = try exams.storedBlueprint(id: examID)
        else {
            throw AttemptError.examUnavailable
        }
        if blueprint.access == .premium && owner.visitorKey != nil { throw AttemptError.premiumRequired }
        let factor = timeFactor.isFinite ? min(max(timeFactor, 1), 4) : 1

        var generator = ErasedRandom(base: random)
        defer { random = generator.base }
        let drawn = try draw(blueprint, using: &generator)
        let items = try makeItems(drawn, blueprint: blueprint, attemptID: 0, using: &generator)
        return PreparedStart(
            examID: examID, owner: owner, blueprint: blueprint, blueprintJSON: blueprintJSON, factor: factor,
            startMs: Milliseconds.of(now),
            durations: blueprint.sections.map { Self.duration(minutes: $0.minutes, factor: factor) }, items: items)
    }

    /// Writes a prepared attempt; returns its public token.
    ///
    /// - Throws: `examUnavailable` when the exam was retired since it was prepared.
    public func commitStart(_ prepared: PreparedStart) throws -> String {
        try db.transaction {
            guard try ExamStore(db).isActive(id: prepared.examID) else { throw AttemptError.examUnavailable }
            return try insert(prepared).attempt.token
        }
    }

    /// The rows of a prepared attempt: the attempt, its section clocks, its items.
    private func insert(_ prepared: PreparedStart) throws -> (attempt: Attempt, sections: [AttemptSectionRecord]) {
        let blueprint = prepared.blueprint
        let startMs = prepared.startMs
        let durations = prepared.durations
        let store = AttemptStore(db)
        var attempt = Attempt(
            id: 0, token: Self.newToken(), owner: prepared.owner, examID: prepared.examID,
            startedAt: Milliseconds.date(startMs), deadline: Milliseconds.date(startMs + durations.reduce(0, +)),
            timeFactor: prepared.factor, status: .open, finishedAt: nil, score: nil,
            maxScore: blueprint.scoring.total, passed: nil, eliminated: nil, currentSection: 0, currentPosition: 0,
            isFirstAttempt: try !store.hasAttempt(owner: prepared.owner, examID: prepared.examID))
        attempt.id = try store.insert(attempt, blueprintJSON: prepared.blueprintJSON)

        let sections = durations.enumerated().map { index, duration in
            if blueprint.sequentialSections {
                index == 0
                    ? AttemptSectionRecord(index: 0, startedAt: startMs, deadline: startMs + duration)
                    : AttemptSectionRecord(index: index)
            } else {
                AttemptSectionRecord(index: index, startedAt: startMs, deadline: Milliseconds.of(attempt.deadline))
            }
        }
        try store.insert(sections, attemptID: attempt.id)
        let items = prepared.items.map { item in
            var item = item
            item.attemptID = attempt.id
            return item
        }
        try store.insert(items)

        logger.info(
            "exams.attempt.started",
            [("attempt_id", "\(attempt.id)"), ("exam_id", prepared.examID), ("items", "\(items.count)")])
        return (attempt, sections)
    }

    /// The milliseconds of `minutes` stretched by `factor`.
    static func duration(minutes: Double, factor: Double) -> Int64 {
        Int64((minutes * 60_000 * factor).rounded())
    }

    /// 128 random bits in hexadecimal, from the system's secure generator.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The questions picked for each section, in the order they will be shown.
    private func draw(
        _ blueprint: Blueprint, using generator: inout ErasedRandom
    ) throws -> [[(id: String, version: Int)]] {
        let pool = try QuestionStore(db).drawPool().filter { blueprint.admits($0.candidate) }
        let rules = blueprint.sections.flatMap(\.draw)
        guard let picked = QuestionDraw(candidates: pool.map(\.candidate)).draw(rules, using: &generator) else {
            logger.error("exams.attempt.draw_failed", [("exam_id", blueprint.id)])
            throw AttemptError.notEnoughQuestions
        }
        var ruleIndex = 0
        return blueprint.sections.map { section in
            var indices: [Int] = []
            for _ in section.draw {
                indices += picked[ruleIndex]
                ruleIndex += 1
            }
            if blueprint.shuffleQuestions { indices.shuffle(using: &generator) }
            return indices.map { (pool[$0].candidate.id, pool[$0].version) }
        }
    }

    private func makeItems(
        _ drawn: [[(id: String, version: Int)]], blueprint: Blueprint, attemptID: Int64,
        using generator: inout ErasedRandom
    ) throws -> [AttemptItemRecord] {
        var items: [AttemptItemRecord] = []
        for (sectionIndex, section) in blueprint.sections.enumerated() {
            let points = section.points / Double(max(1, drawn[sectionIndex].count))
            for pick in drawn[sectionIndex] {
                guard let question = try QuestionStore(db).content(id: pick.id, version: pick.version) else {
                    throw ExamStoreError(operation: "drawing question \(pick.id) v\(pick.version)", reason: "missing")
                }
                let order = Self.optionOrder(for: question, shuffled: blueprint.shuffleOptions, using: &generator)
                items.append(
                    AttemptItemRecord(
                        attemptID: attemptID, position: items.count, sectionIndex: sectionIndex, questionID: pick.id,
                        questionVersion: pick.version, optionOrder: order, points: points, response: nil,
                        savedAt: nil, clientSeq: 0, flagged: false, timeSpentMs: 0, fraction: nil, awarded: nil,
                        needsMarking: false, markedBy: nil, markerComment: nil))
            }
        }
        return items
    }

    /// The order of a question's options for one attempt; a matching question's answers are always
    /// shuffled, else their order would give the pairs away.
    static func optionOrder<G: RandomNumberGenerator>(
        for question: Question, shuffled: Bool, using generator: inout G
    ) -> OptionOrder {
        var order = OptionOrder()
        switch question.kind {
        case .singleChoice, .multipleChoice:
            order.choices = Array(question.choices.indices)
            if shuffled { order.choices.shuffle(using: &generator) }
        case .matching:
            order.pairs = question.matchPairs.indices.filter { !question.matchPairs[$0].isDistractor }
            if shuffled { order.pairs.shuffle(using: &generator) }
            var seen: Set<String> = []
            order.answers = question.matchPairs.map(\.answer).filter { seen.insert($0).inserted }
            order.answers.shuffle(using: &generator)
        default:
            break
        }
        return order
    }
}
