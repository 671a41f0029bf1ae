import Foundation
import Storage

/// Item analysis of an exam's questions, computed on first attempts only (later attempts measure memory
/// of the correction, not the question).
///
/// - Facility: mean credit, each fraction clamped to 0...1.
/// - Discrimination: the classic upper-lower index. The candidates who got the item are ranked by their
///   total score (ratio to the maximum; ties broken by attempt id), `g` = 27 % of them rounded, at least 1
///   and at most half; the index is the mean credit of the top `g` minus that of the bottom `g`. Both
///   means are in 0...1, so the index is in -1...1; it is nil below 2 candidates.
/// - Distractor use: for each option, the share of the candidates who picked it.
public struct ItemStatistics {
    /// One candidate's result on one item.
    public struct Observation: Equatable, Sendable {
        /// The attempt, which breaks ties in the ranking.
        public var attemptID: Int64
        /// The attempt's total score as a share of its maximum.
        public var attemptScore: Double
        /// The credit earned on the item, -1...1.
        public var fraction: Double
        /// The response, in the author's order; nil when left blank.
        public var response: AnswerResponse?

        /// Makes an observation.
        public init(attemptID: Int64, attemptScore: Double, fraction: Double, response: AnswerResponse?) {
            self.attemptID = attemptID
            self.attemptScore = attemptScore
            self.fraction = fraction
            self.response = response
        }
    }

    /// The connection used.
    public let db: Database

    /// Makes the analysis over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// One statistic per question version drawn in finished first attempts of `examID`, by question id.
    public func statistics(examID: String) throws -> [ItemStatistic] {
        let rows = try db.query(
            """
            SELECT a.id AS attempt_id, a.score, a.max_score, i.question_id, i.question_version, i.fraction,
                i.saved_response_json
            FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id
            WHERE a.exam_id = ? AND a.is_first_attempt = 1 AND a.status <> 'open' AND i.fraction IS NOT NULL
            ORDER BY i.question_id, i.question_version, a.id
            """, examID)
        var groups: [String: (id: String, version: Int, observations: [Observation])] = [:]
        var keys: [String] = []
        for row in rows {
            let id = row.string("question_id")
            let version = row.int("question_version")
            let key = "\(id)#\(version)"
            let response = try row.optionalString("saved_response_json").map {
                try StoredJSON.decode(AnswerResponse.self, from: $0, operation: "reading responses to \(key)")
            }
            let maximum = row.double("max_score")
            let observation = Observation(
                attemptID: row.int64("attempt_id"),
                attemptScore: maximum > 0 ? (row.optionalDouble("score") ?? 0) / maximum : 0,
                fraction: row.double("fraction"), response: response)
            if groups[key] == nil {
                groups[key] = (id, version, [])
                keys.append(key)
            }
            groups[key]?.observations.append(observation)
        }
        let questions = QuestionStore(db)
        return try keys.compactMap { key in
            guard let group = groups[key], let stored = try questions.question(id: group.id, version: group.version)
            else { return nil }
            return Self.statistic(stored.question, version: group.version, observations: group.observations)
        }
    }

    /// The statistic of one question version from its observations.
    public static func statistic(_ question: Question, version: Int, observations: [Observation]) -> ItemStatistic {
        let n = observations.count
        let credits = observations.map { min(max($0.fraction, 0), 1) }
        let facility = n == 0 ? nil : credits.reduce(0, +) / Double(n)
        return ItemStatistic(
            questionID: question.id, version: version, name: question.name, category: question.category,
            kind: question.kind, n: n, facility: facility.map(clampedUnit),
            discrimination: discrimination(observations), options: optionUse(question, observations),
            blanks: observations.filter { $0.response == nil }.count)
    }

    /// The upper-lower index, or nil below 2 observations.
    static func discrimination(_ observations: [Observation]) -> Double? {
        let n = observations.count
        guard n >= 2 else { return nil }
        let ranked = observations.sorted {
            $0.attemptScore != $1.attemptScore ? $0.attemptScore < $1.attemptScore : $0.attemptID < $1.attemptID
        }
        let group = min(max(1, Int((0.27 * Double(n)).rounded())), n / 2)
        let mean = { (slice: ArraySlice<Observation>) -> Double in
            slice.map { min(max($0.fraction, 0), 1) }.reduce(0, +) / Double(slice.count)
        }
        let index = mean(ranked.suffix(group)) - mean(ranked.prefix(group))
        return min(max(index, -1), 1)
    }

    private static func optionUse(_ question: Question, _ observations: [Observation]) -> [ItemStatistic.OptionUse] {
        let n = observations.count
        func use(_ index: Int, _ text: String, _ isRight: Bool, picked: (AnswerResponse) -> Bool)
            -> ItemStatistic.OptionUse
        {
            let count = observations.filter { $0.response.map(picked) ?? false }.count
            return .init(
                index: index, text: text, isRight: isRight, count: count,
                share: n == 0 ? nil : clampedUnit(Double(count) / Double(n)))
        }
        switch question.kind {
        case .singleChoice, .multipleChoice:
            return question.choices.enumerated().map { index, choice in
                use(index, choice.text.text, choice.weight > 0) { response in
                    switch response {
                    case .choice(let picked): picked == index
                    case .choices(let picked): picked.contains(index)
                    default: false
                    }
                }
            }
        case .trueFalse:
            let truth = question.trueFalse?.isTrue ?? true
            return [(0, "Vrai", true), (1, "Faux", false)].map { index, text, value in
                use(index, text, value == truth) { $0 == .trueFalse(value) }
            }
        default:
            return []
        }
    }

    private static func clampedUnit(_ value: Double) -> Double { min(max(value, 0), 1) }
}
