import Exams
import Foundation
import Web

/// "Passer à la section suivante": closes the current section early and opens the next.
enum SectionAction {
    static func next(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""

        do {
            _ = try context.attempts.nextSection(token: token, owner: context.attemptOwner, now: context.now)
        } catch AttemptError.attemptClosed, AttemptError.deadlinePassed {
            return context.redirect(to: "/epreuves/\(token)/resultats")
        }
        return context.redirect(to: "/epreuves/\(token)")
    }
}
