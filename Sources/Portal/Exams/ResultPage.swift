import Exams
import Foundation
import Web

/// The results of a finished attempt: score, verdict under the real rules, sections, themes, time, rank.
enum ResultPage {
    struct View: Encodable {
        struct Section: Encodable {
            var title: String
            var scoreLabel: String
            var eliminatoryLabel: String
        }

        struct Category: Encodable {
            var name: String
            var scoreLabel: String
            var percentLabel: String
        }

        struct Item: Encodable {
            var number: Int
            var section: String
            var pointsLabel: String
            var timeLabel: String
        }

        var layout: LayoutView
        var examTitle: String
        var track: String
        var trackName: String
        var scoreLabel: String
        var verdictLabel: String
        var verdictClass: String
        var reason: String
        var pendingLabel: String?
        var finishedLabel: String
        var rankLabel: String
        var sections: [Section]
        var categories: [Category]
        var items: [Item]
        var reviewHref: String?
        var historyHref: String?
    }

    static func show(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""
        let owner = context.attemptOwner
        let result = try context.attempts.result(token: token, owner: owner)
        let blueprint = try context.attempts.blueprint(token: token, owner: owner)

        let score = result.score
        let verdict: (String, String) =
            switch score.verdict {
            case .passed: ("Réussi", "passed")
            case .failed: ("Non réussi", "failed")
            case .eliminated: ("Éliminé", "eliminated")
            case .pendingMarking: ("En attente de correction", "pending")
            }
        let sectionTitles = blueprint.sections.map(\.title)
        let view = View(
            layout: context.layout(), examTitle: result.examTitle, track: blueprint.track.slug,
            trackName: blueprint.track.name,
            scoreLabel: ExamFormat.score(score.total, outOf: result.attempt.maxScore), verdictLabel: verdict.0,
            verdictClass: verdict.1, reason: score.reason,
            pendingLabel: score.pendingMarking > 0
                ? "\(score.pendingMarking) réponse(s) rédigée(s) en attente de correction par un formateur." : nil,
            finishedLabel: result.attempt.finishedAt.map { "Terminée le " + FrenchFormat.dateTime($0) } ?? "",
            rankLabel: "Rang \(result.rank) sur \(result.rankedAttempts) copie(s) de cette épreuve",
            sections: result.sections.map {
                View.Section(
                    title: $0.title, scoreLabel: ExamFormat.score($0.score, outOf: $0.points),
                    eliminatoryLabel: $0.eliminatoryBelow.map {
                        "en dessous de \(FrenchFormat.decimal($0))"
                    } ?? "—")
            },
            categories: result.categories.map {
                View.Category(
                    name: ExamFormat.categoryName($0.category),
                    scoreLabel: ExamFormat.score($0.score, outOf: $0.points),
                    percentLabel: $0.points > 0 ? "\(Int((100 * $0.score / $0.points).rounded())) %" : "—")
            },
            items: numbered(result.items).map { number, item in
                View.Item(
                    number: number,
                    section: sectionTitles.indices.contains(item.sectionIndex)
                        ? sectionTitles[item.sectionIndex] : "",
                    pointsLabel: item.awarded.map { ExamFormat.score($0, outOf: item.points) }
                        ?? "en attente de correction",
                    timeLabel: ExamFormat.timeSpent(milliseconds: item.timeSpentMilliseconds))
            },
            reviewHref: result.reviewAvailable ? "/epreuves/\(token)/correction" : nil,
            historyHref: context.user == nil ? nil : "/compte/progression")
        return try context.render("pages/exams/result", view)
    }

    /// Items numbered within their section, as the candidate saw them.
    static func numbered(_ items: [AttemptResult.ItemOutcome]) -> [(Int, AttemptResult.ItemOutcome)] {
        var counters: [Int: Int] = [:]
        return items.sorted { $0.position < $1.position }.map { item in
            counters[item.sectionIndex, default: 0] += 1
            return (counters[item.sectionIndex]!, item)
        }
    }
}
