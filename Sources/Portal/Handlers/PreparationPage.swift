import Exams
import Foundation
import Mustache
import Web

/// One preparation: its exams and how its selection works today (`QuestionBanks/<track>/selection.md`).
enum PreparationPage {
    struct View: Encodable {
        var layout: LayoutView
        var name: String
        var summary: String
        var exams: [ExamCard]
        var selectionHTML: String
    }

    /// One exam of the catalogue.
    struct ExamCard: Encodable {
        var id: String
        var title: String
        var summary: String
        var free: Bool
        var accessLabel: String
        var durationLabel: String
        var sectionsLabel: String
        var questionCount: Int
        var total: String
    }

    static func show(_ context: inout Context) throws -> Response {
        guard let track = Track(slug: context.request.parameters["track"] ?? "") else { throw PortalError.notFound }

        let store = ExamStore(context.db)
        let exams = try store.activeBlueprints(track: track)
            .sorted { ($0.access == .free ? 0 : 1, $0.title) < ($1.access == .free ? 0 : 1, $1.title) }
        let view = View(
            layout: context.layout(), name: track.name, summary: track.summary, exams: exams.map(ExamCard.init),
            selectionHTML: context.app.selectionPages.html(for: track))
        return try context.render("pages/preparation", view)
    }
}

extension PreparationPage.View: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object([
            "layout": layout.mustacheValue, "name": name.mustacheValue, "summary": summary.mustacheValue,
            "exams": exams.mustacheValue, "selectionHTML": selectionHTML.mustacheValue,
        ])
    }
}

extension PreparationPage.ExamCard: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object([
            "id": id.mustacheValue, "title": title.mustacheValue, "summary": summary.mustacheValue,
            "free": free.mustacheValue, "accessLabel": accessLabel.mustacheValue,
            "durationLabel": durationLabel.mustacheValue, "sectionsLabel": sectionsLabel.mustacheValue,
            "questionCount": questionCount.mustacheValue, "total": total.mustacheValue,
        ])
    }
}

extension PreparationPage.ExamCard {
    init(_ blueprint: Blueprint) {
        id = blueprint.id
        title = blueprint.title
        summary = blueprint.summary
        free = blueprint.access == .free
        accessLabel = free ? "Gratuit" : "Préparation complète"
        durationLabel = ExamFormat.duration(minutes: blueprint.minutes)
        sectionsLabel = blueprint.sections.count == 1 ? "1 section" : "\(blueprint.sections.count) sections"
        questionCount = blueprint.questionCount
        total = FrenchFormat.decimal(blueprint.scoring.total)
    }
}
