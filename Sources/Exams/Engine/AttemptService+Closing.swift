import Foundation

extension AttemptService {
    /// The candidate hands in the attempt: every item is scored, then sections, total and verdict.
    ///
    /// Submitted after the deadline, the attempt ends at the deadline; past the grace too, it counts as
    /// expired, exactly as if the server had closed it.
    public func submit(token: String, owner: AttemptOwner, now: Date) throws -> Attempt {
        try db.transaction {
            var loaded = try load(token: token, owner: owner)
            try advanceClock(&loaded, now: now)
            guard loaded.attempt.isOpen else { throw AttemptError.attemptClosed }
            let nowMs = Milliseconds.of(now)
            let deadline = Milliseconds.of(loaded.attempt.deadline)
            let status: Attempt.Status = nowMs > deadline + graceMilliseconds ? .expired : .submitted
            try finish(&loaded, status: status, at: Milliseconds.date(min(nowMs, deadline)))
            return loaded.attempt
        }
    }

    /// Closes every open attempt whose last deadline and grace have passed, scoring the answers saved in
    /// time; each ends at its deadline, not at the time of the sweep.
    ///
    /// - Returns: how many attempts were closed.
    public func sweepOverdue(now: Date) throws -> Int {
        let limit = Milliseconds.of(now) - graceMilliseconds
        let overdue = try AttemptStore(db).openAttempts(deadlineBefore: limit)
        var closed = 0
        for candidate in overdue {
            let didClose = try db.transaction {
                // Re-read inside the transaction: the candidate may have submitted meanwhile.
                guard let attempt = try AttemptStore(db).attempt(id: candidate.id), attempt.isOpen else { return false }
                var loaded = try load(attempt)
                try advanceClock(&loaded, now: now)
                guard Milliseconds.of(loaded.attempt.deadline) < limit else { return false }
                try finish(&loaded, status: .expired, at: loaded.attempt.deadline)
                return true
            }
            if didClose { closed += 1 }
        }
        if closed > 0 { logger.info("exams.attempts.swept", [("closed", "\(closed)")]) }
        return closed
    }

    /// Scores every item, closes the running section and records the outcome.
    func finish(_ loaded: inout Loaded, status: Attempt.Status, at finishedAt: Date) throws {
        let store = AttemptStore(db)
        let finishedMs = Milliseconds.of(finishedAt)
        for index in loaded.sections.indices where loaded.sections[index].startedAt != nil {
            guard loaded.sections[index].closedAt == nil else { continue }
            loaded.sections[index].closedAt = finishedMs
            try store.update(loaded.sections[index], attemptID: loaded.attempt.id)
        }

        var cache: [String: Question] = [:]
        var items = try store.items(attemptID: loaded.attempt.id)
        for index in items.indices {
            let question = try question(items[index], cache: &cache)
            Self.mark(&items[index], question: question, penalty: loaded.blueprint.scoring.penalty)
            try store.updateMarking(items[index])
        }

        loaded.attempt.status = status
        loaded.attempt.finishedAt = finishedAt
        try record(Self.score(loaded.blueprint, items), in: &loaded.attempt)
        logger.info(
            "exams.attempt.finished",
            [
                ("attempt_id", "\(loaded.attempt.id)"), ("status", status.rawValue),
                ("score", "\(loaded.attempt.score ?? 0)"),
            ])
    }

    /// Scores one item automatically; an essay with an answer is left for a trainer.
    static func mark(_ item: inout AttemptItemRecord, question: Question, penalty: Double) {
        guard let response = item.response else {
            (item.fraction, item.awarded, item.needsMarking) = (0, 0, false)
            return
        }
        guard let fraction = AnswerChecker.score(response, for: question) else {
            let isEssay = question.kind == .essay
            (item.fraction, item.awarded, item.needsMarking) = isEssay ? (nil, nil, true) : (0, 0, false)
            return
        }
        item.fraction = fraction
        item.awarded = AttemptScoring.awarded(fraction: fraction, answered: true, points: item.points, penalty: penalty)
        item.needsMarking = false
    }

    /// The score of a blueprint's items as stored.
    static func score(_ blueprint: Blueprint, _ items: [AttemptItemRecord]) -> AttemptScore {
        AttemptScoring.score(blueprint, items: items.map { ($0.sectionIndex, $0.awarded, $0.needsMarking) })
    }

    /// Copies a score into the attempt and stores the outcome.
    private func record(_ score: AttemptScore, in attempt: inout Attempt) throws {
        attempt.score = score.total
        attempt.passed = score.passed
        attempt.eliminated = score.eliminated
        try AttemptStore(db).updateOutcome(attempt)
    }

    // MARK: - Essays

    /// A trainer marks an essay of a finished attempt (or changes the mark); the attempt's score and
    /// verdict follow, and stop being "en attente de correction" once every essay is marked.
    ///
    /// The portal checks that `markerID` is a trainer.
    ///
    /// - Throws: `notFound`, `attemptOpen`, `invalidMarking` (not an essay, points out of range).
    public func markEssay(
        attemptID: Int64, position: Int, points: Double, comment: String?, markerID: Int64
    ) throws -> Attempt {
        try db.transaction {
            let store = AttemptStore(db)
            guard let attempt = try store.attempt(id: attemptID),
                var item = try store.item(attemptID: attemptID, position: position)
            else { throw AttemptError.notFound }
            guard !attempt.isOpen else { throw AttemptError.attemptOpen }
            var cache: [String: Question] = [:]
            guard try question(item, cache: &cache).kind == .essay, item.response != nil else {
                throw AttemptError.invalidMarking(reason: "Cette question n'est pas une rédaction à corriger.")
            }
            guard points.isFinite, points >= 0, points <= item.points + AttemptScoring.epsilon else {
                let maximum = FrenchNumber.format(item.points)
                throw AttemptError.invalidMarking(reason: "La note doit être comprise entre 0 et \(maximum).")
            }

            item.awarded = AttemptScoring.rounded(points)
            item.fraction = item.points > 0 ? points / item.points : 0
            item.needsMarking = false
            item.markedBy = markerID
            item.markerComment = comment.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            try store.updateMarking(item)

            var loaded = try load(attempt)
            try record(Self.score(loaded.blueprint, try store.items(attemptID: attemptID)), in: &loaded.attempt)
            logger.info(
                "exams.essay.marked",
                [("attempt_id", "\(attemptID)"), ("position", "\(position)"), ("marker_id", "\(markerID)")])
            return loaded.attempt
        }
    }
}
