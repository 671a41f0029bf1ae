import Exams
import Foundation
import Web

/// "Commencer l'épreuve": checks access, draws the questions, fixes the deadline, opens the first question.
enum ExamStartAction {
    static func start(_ context: inout Context) throws -> Response {
        let blueprint = try context.activeBlueprint(context.request.parameters["exam"] ?? "")

        if let refusal = try context.premiumRefusal(for: blueprint) {
            context.logger.info("exams.start.refused", [("exam_id", blueprint.id), ("reason", refusal.code)])
            return context.redirect(to: "/examens/\(blueprint.id)")
        }
        let token = try startOrResume(context, blueprint)
        return context.redirect(to: "/epreuves/\(token)")
    }

    /// The token of the owner's open attempt of the exam, or of a new one.
    ///
    /// One write transaction covers the check and the start, so a double click opens one attempt, not two.
    static func startOrResume(_ context: Context, _ blueprint: Blueprint) throws -> String {
        let owner = context.attemptOwner
        return try context.db.transaction {
            if let open = try context.attempts.openAttempt(examID: blueprint.id, owner: owner, now: context.now) {
                return open.token
            }
            let view = try context.attempts.start(
                examID: blueprint.id, owner: owner, timeFactor: context.user?.timeFactor ?? 1, now: context.now)
            return view.attempt.token
        }
    }
}
