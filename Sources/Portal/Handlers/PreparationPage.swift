import Exams
import Foundation
import Web

/// One preparation: how its selection works today (`QuestionBanks/<track>/selection.md`).
enum PreparationPage {
    struct View: Encodable {
        var layout: LayoutView
        var name: String
        var summary: String
        var selectionHTML: String
    }

    static func show(_ context: inout Context) throws -> Response {
        guard let track = Track(slug: context.request.parameters["track"] ?? "") else { throw PortalError.notFound }

        let html = context.app.selectionPages.html(for: track)
        let view = View(layout: context.layout(), name: track.name, summary: track.summary, selectionHTML: html)
        return try context.render("pages/preparation", view)
    }
}
