/// The marking rules of an attempt: points of one item, then sections, total, pass and elimination.
///
/// An item earns `fraction × points` when its fraction is positive (partial credit included). A wrong
/// answer (given, fraction 0 or less) costs `penalty × points`, or `-fraction × points` when the option's
/// own negative weight costs more; a blank answer costs nothing. A section never goes below 0. The exam is
/// passed when the total reaches the pass mark and no eliminatory mark is hit; a total, or a section, strictly
/// below its `eliminatoryBelow` eliminates.
public enum AttemptScoring {
    /// Tolerance of score comparisons, against floating-point sums such as 0.1 + 0.2.
    static let epsilon = 1e-9

    /// Points earned by one item.
    ///
    /// - Parameters:
    ///   - fraction: the share of credit from `AnswerChecker.score`, -1...1.
    ///   - answered: whether the candidate gave an answer.
    ///   - penalty: the blueprint's penalty for a wrong answer, 0...1.
    public static func awarded(fraction: Double, answered: Bool, points: Double, penalty: Double) -> Double {
        guard answered else { return 0 }
        if fraction > epsilon { return rounded(min(fraction, 1) * points) }
        return rounded(min(fraction, -penalty) * points)
    }

    /// Section scores, total and verdict.
    ///
    /// - Parameter items: for each item, its section index, the points awarded (nil while awaiting marking)
    ///   and whether it awaits marking.
    public static func score(
        _ blueprint: Blueprint, items: [(section: Int, awarded: Double?, needsMarking: Bool)]
    ) -> AttemptScore {
        var sums = [Double](repeating: 0, count: blueprint.sections.count)
        var pending = 0
        for item in items {
            if item.needsMarking { pending += 1 }
            if blueprint.sections.indices.contains(item.section) { sums[item.section] += item.awarded ?? 0 }
        }
        let sectionScores = sums.map { rounded(max(0, $0)) }
        let total = rounded(sectionScores.reduce(0, +))
        let (verdict, reason) = verdict(blueprint, sectionScores: sectionScores, total: total, pending: pending)
        return AttemptScore(
            sectionScores: sectionScores, total: total, pendingMarking: pending, verdict: verdict, reason: reason)
    }

    private static func verdict(
        _ blueprint: Blueprint, sectionScores: [Double], total: Double, pending: Int
    ) -> (AttemptScore.Verdict, String) {
        let scoring = blueprint.scoring
        let outOf = "/" + FrenchNumber.format(scoring.total)
        let totalText = FrenchNumber.format(total) + outOf
        if pending > 0 {
            return (.pendingMarking, "En attente de correction : \(pending) réponse(s) rédigée(s) à corriger.")
        }
        if let mark = scoring.eliminatoryBelow, total < mark - epsilon {
            let reason =
                "Éliminé : \(totalText), en dessous de la note éliminatoire de \(FrenchNumber.format(mark))\(outOf)."
            return (.eliminated, reason)
        }
        for (section, score) in zip(blueprint.sections, sectionScores) {
            guard let mark = section.eliminatoryBelow, score < mark - epsilon else { continue }
            let points = "/" + FrenchNumber.format(section.points)
            let reason =
                "Éliminé : \(FrenchNumber.format(score))\(points) à la partie « \(section.title) », en dessous "
                + "de la note éliminatoire de \(FrenchNumber.format(mark))\(points)."
            return (.eliminated, reason)
        }
        let passMark = FrenchNumber.format(scoring.passMark) + outOf
        if total >= scoring.passMark - epsilon {
            return (.passed, "Épreuve réussie : \(totalText) pour une note de réussite de \(passMark).")
        }
        return (.failed, "Épreuve non réussie : \(totalText), il faut au moins \(passMark).")
    }

    /// `value` rounded to a millionth, so sums of thirds print and compare cleanly.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
