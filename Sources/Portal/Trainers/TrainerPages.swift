import Exams
import Foundation
import Web

/// The trainers' space: the exams and the statistics of their questions.
enum TrainerPages {
    struct HomeView: Encodable {
        struct Exam: Encodable {
            var id: String
            var title: String
            var track: String
            var access: String
        }

        var layout: LayoutView
        var exams: [Exam]
    }

    struct StatisticsView: Encodable {
        struct Item: Encodable {
            var id: String
            var name: String
            var category: String
            var n: Int
            var facility: String
            var discrimination: String
            var blanks: Int
            var options: String
        }

        var layout: LayoutView
        var examTitle: String
        var hasItems: Bool
        var items: [Item]
    }

    static func home(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.trainer)

        let exams = try ExamStore(context.db).activeExams().map {
            HomeView.Exam(
                id: $0.id, title: $0.title, track: $0.track.name,
                access: $0.access == .free ? "Gratuit" : "Préparation complète")
        }
        return try context.render("pages/trainers/home", HomeView(layout: context.layout(), exams: exams))
    }

    static func statistics(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.trainer)
        let examID = context.request.parameters["exam"] ?? ""
        guard let blueprint = try ExamStore(context.db).blueprint(id: examID) else { throw PortalError.notFound }

        let statistics = try ItemStatistics(context.db).statistics(examID: examID)
        let items = statistics.filter { $0.n > 0 }.map { item in
            StatisticsView.Item(
                id: item.questionID, name: item.name, category: ExamFormat.categoryName(item.category), n: item.n,
                facility: item.facility.map { FrenchFormat.decimal($0) } ?? "—",
                discrimination: item.discrimination.map { FrenchFormat.decimal($0) } ?? "—", blanks: item.blanks,
                options: item.options.map { option in
                    let letter = String(UnicodeScalar(UInt8(65 + option.index % 26)))
                    let share = option.share.map { "\(Int(($0 * 100).rounded())) %" } ?? "—"
                    return "\(letter)\(option.isRight ? "*" : "") \(share)"
                }.joined(separator: " · "))
        }
        let view = StatisticsView(
            layout: context.layout(), examTitle: blueprint.title, hasItems: !items.isEmpty, items: items)
        return try context.render("pages/trainers/statistics", view)
    }
}
