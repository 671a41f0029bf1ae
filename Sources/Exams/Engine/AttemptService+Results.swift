import Foundation

extension AttemptService {
    /// The result of a finished attempt of `owner`.
    ///
    /// - Throws: `notFound`, `attemptOpen`.
    public func result(token: String, owner: AttemptOwner) throws -> AttemptResult {
        let loaded = try load(token: token, owner: owner)
        let attempt = loaded.attempt
        guard !attempt.isOpen else { throw AttemptError.attemptOpen }
        let store = AttemptStore(db)
        let items = try store.items(attemptID: attempt.id)
        let score = Self.score(loaded.blueprint, items)

        let sections = loaded.blueprint.sections.enumerated().map { index, section in
            AttemptResult.SectionResult(
                index: index, id: section.id, title: section.title, score: score.sectionScores[index],
                points: section.points, eliminatoryBelow: section.eliminatoryBelow,
                isEliminatory: section.eliminatoryBelow.map { score.sectionScores[index] < $0 - AttemptScoring.epsilon }
                    ?? false)
        }
        var cache: [String: Question] = [:]
        var byCategory: [String: AttemptResult.CategoryResult] = [:]
        for item in items {
            let category = try question(item, cache: &cache).category
            var entry = byCategory[category] ?? .init(category: category, score: 0, points: 0, questionCount: 0)
            entry.score = AttemptScoring.rounded(entry.score + (item.awarded ?? 0))
            entry.points = AttemptScoring.rounded(entry.points + item.points)
            entry.questionCount += 1
            byCategory[category] = entry
        }
        let outcomes = items.map {
            AttemptResult.ItemOutcome(
                position: $0.position, sectionIndex: $0.sectionIndex, questionID: $0.questionID,
                timeSpentMilliseconds: $0.timeSpentMs, awarded: $0.awarded, points: $0.points)
        }
        let standing = try store.standing(examID: attempt.examID, score: score.total)

        return AttemptResult(
            attempt: attempt, examTitle: loaded.blueprint.title, score: score,
            scoreOutOf20: Self.outOf20(score.total, max: attempt.maxScore), sections: sections,
            categories: byCategory.values.sorted { $0.category < $1.category }, items: outcomes,
            rank: standing.better + 1, rankedAttempts: standing.total,
            reviewAvailable: loaded.blueprint.review == .afterSubmit)
    }

    /// The finished attempts of `owner`, oldest first, for the progress chart.
    public func history(owner: AttemptOwner) throws -> [HistoryEntry] {
        var titles: [String: String] = [:]
        return try AttemptStore(db).finishedAttempts(owner: owner).map { attempt in
            if titles[attempt.examID] == nil {
                titles[attempt.examID] = try ExamStore(db).blueprint(id: attempt.examID)?.title ?? attempt.examID
            }
            let score = attempt.score ?? 0
            return HistoryEntry(
                token: attempt.token, examID: attempt.examID, examTitle: titles[attempt.examID] ?? attempt.examID,
                finishedAt: attempt.finishedAt ?? attempt.deadline, score: score, maxScore: attempt.maxScore,
                scoreOutOf20: Self.outOf20(score, max: attempt.maxScore), passed: attempt.passed,
                eliminated: attempt.eliminated)
        }
    }

    /// The correction of a finished attempt: for each item the question, the candidate's answer in the
    /// order it was shown, the right answers, feedback and points.
    ///
    /// - Throws: `notFound`, `attemptOpen`, `reviewNotAllowed` when the exam shows the score only.
    public func review(token: String, owner: AttemptOwner) throws -> [ReviewItem] {
        let loaded = try load(token: token, owner: owner)
        guard !loaded.attempt.isOpen else { throw AttemptError.attemptOpen }
        guard loaded.blueprint.review == .afterSubmit else { throw AttemptError.reviewNotAllowed }
        var cache: [String: Question] = [:]
        return try AttemptStore(db).items(attemptID: loaded.attempt.id).map { item in
            ReviewBuilder.item(item, question: try question(item, cache: &cache))
        }
    }

    /// `score` on `max` brought to a mark out of 20, rounded to a hundredth.
    static func outOf20(_ score: Double, max: Double) -> Double {
        guard max > 0 else { return 0 }
        return (score / max * 2_000).rounded() / 100
    }
}
