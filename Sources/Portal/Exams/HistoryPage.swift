import Exams
import Foundation
import Web

/// "Ma progression": finished attempts over time, with a server-drawn SVG chart.
enum HistoryPage {
    struct View: Encodable {
        struct Entry: Encodable {
            var token: String
            var date: String
            var examTitle: String
            var scoreLabel: String
            var verdictLabel: String
        }

        var layout: LayoutView
        var hasEntries: Bool
        var chartSVG: String
        var entries: [Entry]
    }

    static func show(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()

        let history = try context.attempts.history(owner: .user(user.id))
        let points = history.map {
            ScoreChart.Point(label: "\($0.examTitle), \(FrenchFormat.date($0.finishedAt))", score: $0.scoreOutOf20)
        }
        let view = View(
            layout: context.layout(), hasEntries: !history.isEmpty, chartSVG: ScoreChart.svg(points),
            entries: history.reversed().map {
                View.Entry(
                    token: $0.token, date: FrenchFormat.date($0.finishedAt), examTitle: $0.examTitle,
                    scoreLabel: ExamFormat.score($0.score, outOf: $0.maxScore),
                    verdictLabel: $0.eliminated == true
                        ? "Éliminé" : $0.passed.map { $0 ? "Réussi" : "Non réussi" } ?? "En attente de correction")
            })
        return try context.render("pages/exams/history", view)
    }
}
