import Foundation

extension AttemptService {
    /// Closes the sequential sections whose time ran out, each at its deadline, and starts the next one at
    /// that same instant: the clock runs the same whether or not anyone was looking.
    func advanceClock(_ loaded: inout Loaded, now: Date) throws {
        guard loaded.attempt.isOpen, loaded.blueprint.sequentialSections else { return }
        let nowMs = Milliseconds.of(now)
        let last = loaded.blueprint.sections.count - 1
        var current = loaded.attempt.currentSection
        let before = current
        while current < last, let deadline = loaded.sections[current].deadline, nowMs > deadline {
            try moveOn(&loaded, from: current, at: deadline)
            current += 1
        }
        if current != before {
            logger.debug(
                "exams.attempt.sections_timed_out",
                [("attempt_id", "\(loaded.attempt.id)"), ("section", "\(current)")])
        }
    }

    /// The candidate leaves the current section before its time is up; it cannot be reopened.
    ///
    /// - Throws: `wrongSection` when sections are not sequential or the current one is the last (submit
    ///   instead), `attemptClosed`, `deadlinePassed` when the attempt's time is over.
    public func nextSection(token: String, owner: AttemptOwner, now: Date) throws -> AttemptView {
        try db.transaction {
            var loaded = try load(token: token, owner: owner)
            try advanceClock(&loaded, now: now)
            guard loaded.attempt.isOpen else { throw AttemptError.attemptClosed }
            guard Milliseconds.of(now) <= Milliseconds.of(loaded.attempt.deadline) else {
                throw AttemptError.deadlinePassed
            }
            let current = loaded.attempt.currentSection
            guard loaded.blueprint.sequentialSections, current < loaded.blueprint.sections.count - 1 else {
                throw AttemptError.wrongSection
            }
            try moveOn(&loaded, from: current, at: Milliseconds.of(now))
            return try view(loaded, now: now)
        }
    }

    /// Closes section `index` at `instant` and starts the next one then; the attempt's deadline follows.
    private func moveOn(_ loaded: inout Loaded, from index: Int, at instant: Int64) throws {
        let store = AttemptStore(db)
        let factor = loaded.attempt.timeFactor
        let remaining = loaded.blueprint.sections[(index + 1)...].map {
            Self.duration(minutes: $0.minutes, factor: factor)
        }
        loaded.sections[index].closedAt = instant
        loaded.sections[index + 1].startedAt = instant
        loaded.sections[index + 1].deadline = instant + remaining[0]
        loaded.attempt.currentSection = index + 1
        loaded.attempt.deadline = Milliseconds.date(instant + remaining.reduce(0, +))
        try store.update(loaded.sections[index], attemptID: loaded.attempt.id)
        try store.update(loaded.sections[index + 1], attemptID: loaded.attempt.id)
        try store.updateProgress(loaded.attempt)
    }
}
