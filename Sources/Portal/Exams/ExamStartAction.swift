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
        let (token, _) = try startOrResume(context, blueprint)
        return context.redirect(to: "/epreuves/\(token)")
    }

    /// The token of the owner's open attempt of the exam, or of a new one.
    ///
    /// The check and the write run in one unit of the commit group, so a double click opens one attempt.
    /// `created` says whether the attempt is new, decided in the same unit as the write.
    static func startOrResume(_ context: Context, _ blueprint: Blueprint) throws -> (token: String, created: Bool) {
        let owner = context.attemptOwner
        let now = context.now
        let timeFactor = context.user?.timeFactor ?? 1
        let logger = context.logger
        let attempts = context.attempts
        if let open = try attempts.openAttempt(examID: blueprint.id, owner: owner, now: now) {
            return (open.token, false)
        }
        // Drawn outside any write, then written in the commit group with the saves: the starts of an exam
        // day share their commits. Units run one after the other, so a double click finds the attempt its
        // first click opened.
        let prepared = try attempts.prepareStart(examID: blueprint.id, owner: owner, timeFactor: timeFactor, now: now)
        return try context.app.pool.commitGroup.run(on: context.db) { db in
            let attempts = AttemptService(db: db, logger: logger)
            if let open = try attempts.openAttempt(examID: blueprint.id, owner: owner, now: now) {
                return (open.token, false)
            }
            return (try attempts.commitStart(prepared), true)
        }
    }
}
