/// Draws the questions of an attempt: every rule gets its count, and no question comes twice, even when
/// two rules overlap (`ifsi/calculs` and `ifsi/calculs/dosages`).
///
/// The draw is a bipartite matching between the rules' slots and the eligible questions, each rule trying
/// its candidates in a shuffled order; when rules do not overlap this is a plain uniform sample per rule,
/// and when they do, an augmenting path moves an earlier pick rather than failing.
struct QuestionDraw {
    /// What the draw needs to know of a question.
    struct Candidate: Equatable {
        var id: String
        var category: String
        var difficulty: Int
        /// Tagged `gratuit`: drawn by free exams only, so premium exams never show it and vice versa.
        var isFree: Bool
    }

    /// The pool to draw from, in a stable order.
    let candidates: [Candidate]

    /// The indices in `candidates` picked for each rule, in the rules' order; nil when the pool cannot
    /// satisfy every rule without repeating a question.
    func draw<G: RandomNumberGenerator>(_ rules: [Blueprint.DrawRule], using generator: inout G) -> [[Int]]? {
        var eligible: [[Int]] = rules.map { rule in
            candidates.indices.filter {
                rule.admits(category: candidates[$0].category, difficulty: candidates[$0].difficulty)
            }
        }
        for index in eligible.indices { eligible[index].shuffle(using: &generator) }

        var slotRule: [Int] = []
        for (ruleIndex, rule) in rules.enumerated() {
            slotRule += Array(repeating: ruleIndex, count: max(0, rule.count))
        }
        var slotOfCandidate = [Int?](repeating: nil, count: candidates.count)
        for slot in slotRule.indices {
            var visited = [Bool](repeating: false, count: candidates.count)
            guard assign(slot, slotRule, eligible, &slotOfCandidate, &visited) else { return nil }
        }

        var picked = [[Int]](repeating: [], count: rules.count)
        var candidateOfSlot = [Int](repeating: -1, count: slotRule.count)
        for (candidate, slot) in slotOfCandidate.enumerated() {
            if let slot { candidateOfSlot[slot] = candidate }
        }
        for (slot, candidate) in candidateOfSlot.enumerated() { picked[slotRule[slot]].append(candidate) }
        return picked
    }

    /// Kuhn's augmenting path from `slot`.
    private func assign(
        _ slot: Int, _ slotRule: [Int], _ eligible: [[Int]], _ slotOfCandidate: inout [Int?], _ visited: inout [Bool]
    ) -> Bool {
        for candidate in eligible[slotRule[slot]] where !visited[candidate] {
            visited[candidate] = true
            if let holder = slotOfCandidate[candidate] {
                guard assign(holder, slotRule, eligible, &slotOfCandidate, &visited) else { continue }
            }
            slotOfCandidate[candidate] = slot
            return true
        }
        return false
    }
}
