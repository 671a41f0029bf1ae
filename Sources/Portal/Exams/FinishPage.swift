import Exams
import Foundation
import Web

/// "Terminer l'épreuve": the confirmation listing unanswered and flagged questions, then the submission.
enum FinishPage {
    struct View: Encodable {
        struct Entry: Encodable {
            var position: Int
            var label: String
        }

        var layout: LayoutView
        var token: String
        var examTitle: String
        var remainingLabel: String
        var unanswered: [Entry]
        var unansweredCount: Int
        var hasUnanswered: Bool
        var flagged: [Entry]
        var hasFlagged: Bool
    }

    static func show(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""
        let attempt = try context.attempts.resume(token: token, owner: context.attemptOwner, now: context.now)
        guard attempt.attempt.isOpen else { return context.redirect(to: "/epreuves/\(token)/resultats") }

        let reachable = attempt.items.filter { attempt.sections[$0.sectionIndex].state != .closed }
        func entry(_ item: AttemptView.ItemView) -> View.Entry {
            let sectionItems = attempt.items.filter { $0.sectionIndex == item.sectionIndex }
            let number = (sectionItems.firstIndex { $0.position == item.position } ?? 0) + 1
            let label =
                attempt.sections.count > 1
                ? "Section \(item.sectionIndex + 1), question \(number)" : "Question \(number)"
            return View.Entry(position: item.position, label: label)
        }
        let unanswered = reachable.filter { $0.response == nil }.map(entry)
        let flagged = reachable.filter(\.flagged).map(entry)
        let view = View(
            layout: context.layout(), token: token, examTitle: attempt.title,
            remainingLabel: ExamFormat.clock(milliseconds: attempt.remainingMilliseconds), unanswered: unanswered,
            unansweredCount: unanswered.count, hasUnanswered: !unanswered.isEmpty, flagged: flagged,
            hasFlagged: !flagged.isEmpty)
        return try context.render("pages/exams/finish", view)
    }

    static func submit(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""

        do {
            _ = try context.attempts.submit(token: token, owner: context.attemptOwner, now: context.now)
        } catch AttemptError.attemptClosed {
            // Already submitted or closed by the clock: the results are there either way.
        }
        return context.redirect(to: "/epreuves/\(token)/resultats")
    }
}
