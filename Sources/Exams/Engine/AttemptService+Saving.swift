import Foundation

extension AttemptService {
    /// What a save does to the stored response.
    public enum ResponseUpdate: Equatable, Sendable {
        /// Leaves it as it is (a save that only flags or reports time).
        case keep
        /// Erases it.
        case clear
        /// Replaces it; positions are those the candidate saw.
        case set(AnswerResponse)
    }

    /// Saves the candidate's response to one item, while the attempt is open and its section's clock (plus
    /// the grace) has not run out.
    ///
    /// Saves are ordered by `clientSeq`, per item: a save whose number is not above the stored one changes
    /// nothing and is acknowledged as `duplicate` (same number and response: a retry) or `stale` (an older
    /// number, or the same number with another response: another device's save got there first).
    ///
    /// - Parameters:
    ///   - position: the item's 0-based position in the attempt.
    ///   - timeSpentMs: the candidate's total time on the item so far, as measured by the page.
    /// - Throws: `AttemptError`: `notFound`, `itemNotFound`, `attemptClosed`, `deadlinePassed`, `wrongSection`,
    ///   `invalidResponse`.
    public func save(
        token: String, owner: AttemptOwner, position: Int, response: ResponseUpdate, clientSeq: Int64,
        flagged: Bool? = nil, timeSpentMs: Int64? = nil, now: Date
    ) throws -> SaveReceipt {
        try db.transaction {
            var loaded = try load(token: token, owner: owner)
            try advanceClock(&loaded, now: now)
            let store = AttemptStore(db)
            guard var item = try store.item(attemptID: loaded.attempt.id, position: position) else {
                throw AttemptError.itemNotFound
            }
            let sectionDeadline = try acceptingDeadline(for: item, in: loaded, now: now)
            let remaining = max(0, sectionDeadline - Milliseconds.of(now))

            guard clientSeq > item.clientSeq else {
                let retry = try clientSeq == item.clientSeq && isRetry(of: item, response)
                return SaveReceipt(
                    outcome: retry ? .duplicate : .stale, storedSeq: item.clientSeq, remainingMilliseconds: remaining)
            }
            switch response {
            case .keep:
                break
            case .clear:
                item.response = nil
            case .set(let shown):
                var cache: [String: Question] = [:]
                let question = try question(item, cache: &cache)
                item.response = try ResponseTranslation.stored(shown, for: question, order: item.optionOrder)
            }
            item.clientSeq = clientSeq
            item.savedAt = now
            if let flagged { item.flagged = flagged }
            if let timeSpentMs {
                let elapsed = Milliseconds.of(now) - Milliseconds.of(loaded.attempt.startedAt)
                item.timeSpentMs = min(max(0, timeSpentMs), max(0, elapsed))
            }
            try store.updateSave(item)
            loaded.attempt.currentPosition = position
            try store.updateProgress(loaded.attempt)
            return SaveReceipt(outcome: .saved, storedSeq: clientSeq, remainingMilliseconds: remaining)
        }
    }

    /// Whether a save numbered like the stored one carries the stored response: a retry. Two devices that
    /// numbered different answers alike collide instead, and the later one is told it was not kept.
    private func isRetry(of item: AttemptItemRecord, _ response: ResponseUpdate) throws -> Bool {
        switch response {
        case .keep:
            return true
        case .clear:
            return item.response == nil
        case .set(let shown):
            var cache: [String: Question] = [:]
            let question = try question(item, cache: &cache)
            return (try? ResponseTranslation.stored(shown, for: question, order: item.optionOrder)) == item.response
        }
    }

    /// The deadline (ms) of the item's section when a save to it may be accepted now; else the refusal.
    private func acceptingDeadline(for item: AttemptItemRecord, in loaded: Loaded, now: Date) throws -> Int64 {
        guard loaded.attempt.isOpen else { throw AttemptError.attemptClosed }
        let nowMs = Milliseconds.of(now)
        let attemptDeadline = Milliseconds.of(loaded.attempt.deadline)
        guard nowMs <= attemptDeadline + graceMilliseconds else { throw AttemptError.deadlinePassed }
        guard loaded.blueprint.sequentialSections else { return attemptDeadline }

        let current = loaded.attempt.currentSection
        let section = loaded.sections[item.sectionIndex]
        let deadline = section.deadline ?? attemptDeadline
        if item.sectionIndex == current { return deadline }
        if item.sectionIndex < current && section.timedOut {
            // A save sent just before the section timed out may arrive within the grace.
            guard nowMs <= deadline + graceMilliseconds else { throw AttemptError.deadlinePassed }
            return deadline
        }
        throw AttemptError.wrongSection
    }
}
