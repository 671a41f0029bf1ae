import Foundation
import Testing

@testable import Exams

/// A bank with single choice, weighted multiple choice and essay questions.
enum MixedBank {
    static let multiple = """
        $CATEGORY: ifsi/multi

        // [id:mul-1] [tag:niveau-2]
        ::Multi 1::Cochez les bonnes réponses (1) ?{
        ~%50%Oui 1
        ~%50%Oui 2
        ~%-50%Non 1#Non.
        ~%-50%Non 2
        ####Explication multiple.}

        // [id:mul-2] [tag:niveau-2]
        ::Multi 2::Cochez les bonnes réponses (2) ?{
        ~%50%Oui 1
        ~%50%Oui 2
        ~%-50%Non 1
        ~%-50%Non 2
        ####Explication multiple.}
        """

    static let essay = """
        $CATEGORY: ifsi/redaction

        // [id:red-1] [tag:niveau-2]
        ::Rédaction::Rédigez un paragraphe sur la bientraitance.{}
        """

    static func blueprint(id: String, second: String, secondCount: Int, penalty: Double, eliminatory: String) -> String
    {
        """
        {
          "id": "\(id)", "track": "ifsi", "title": "Épreuve \(id)", "access": "premium",
          "shuffleQuestions": true, "shuffleOptions": true, "sequentialSections": false, "review": "after_submit",
          "scoring": { "total": 20, "passMark": 10, "eliminatoryBelow": \(eliminatory), "penalty": \(penalty) },
          "sections": [
            { "id": "qcm", "title": "QCM", "minutes": 20, "points": 10,
              "draw": [ { "category": "ifsi/qcm", "count": 4 } ] },
            { "id": "suite", "title": "Suite", "minutes": 20, "points": 10,
              "draw": [ { "category": "\(second)", "count": \(secondCount) } ] }
          ]
        }
        """
    }

    static var files: [BankSync.File] {
        [
            BankSync.File(path: "ifsi/qcm.gift", contents: Bank.singleChoice("ifsi/qcm", prefix: "qcm", count: 4)),
            BankSync.File(path: "ifsi/multi.gift", contents: multiple),
            BankSync.File(path: "ifsi/redaction.gift", contents: essay),
            BankSync.File(
                path: "ifsi/exams/penalites.json",
                contents: blueprint(
                    id: "penalites", second: "ifsi/multi", secondCount: 2, penalty: 0.25, eliminatory: "null")),
            BankSync.File(
                path: "ifsi/exams/redaction.json",
                contents: blueprint(
                    id: "redaction", second: "ifsi/redaction", secondCount: 1, penalty: 0, eliminatory: "8")),
        ]
    }

    /// Shown positions of the options whose text starts with one of `prefixes`.
    static func positions(_ question: PresentedQuestion, _ texts: [String]) -> Set<Int> {
        Set(question.options.indices.filter { texts.contains(question.options[$0].text) })
    }
}

@Suite struct AttemptSubmitTests {
    @Test func submitScoresWithPartialCreditAndPenalties() throws {
        let fixture = try EngineFixture()
        try fixture.sync(MixedBank.files)
        let service = fixture.service()
        let view = try service.start(examID: "penalites", owner: .user(1), now: fixture.now)
        let singles = view.items.filter { $0.sectionIndex == 0 }
        let multiples = view.items.filter { $0.sectionIndex == 1 }
        #expect(singles.map(\.points) == [2.5, 2.5, 2.5, 2.5] && multiples.map(\.points) == [5, 5])

        try fixture.answer(service, view, position: singles[0].position, Bank.right(singles[0].question!))
        try fixture.answer(service, view, position: singles[1].position, Bank.wrong(singles[1].question!))
        try fixture.answer(service, view, position: singles[3].position, Bank.right(singles[3].question!))
        let half = MixedBank.positions(multiples[0].question!, ["Oui 1"])
        try fixture.answer(service, view, position: multiples[0].position, .choices(half))
        let cancelled = MixedBank.positions(multiples[1].question!, ["Oui 1", "Non 1"])
        try fixture.answer(service, view, position: multiples[1].position, .choices(cancelled))

        fixture.advance(minutes: 12)
        let attempt = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        // 2.5 - 0.625 + 0 + 2.5 in the first section; 2.5 (half) - 1.25 (wrong: penalty) in the second.
        #expect(attempt.score == 5.625)
        #expect(attempt.status == .submitted)
        #expect(attempt.finishedAt == fixture.now)
        #expect(attempt.passed == false && attempt.eliminated == false)

        let result = try service.result(token: view.attempt.token, owner: .user(1))
        #expect(result.sections.map(\.score) == [4.375, 1.25])
        #expect(result.score.verdict == .failed)
        #expect(result.score.reason == "Épreuve non réussie : 5,63/20, il faut au moins 10/20.")
        #expect(result.scoreOutOf20 == 5.63)
        #expect(result.categories.map(\.category) == ["ifsi/multi", "ifsi/qcm"])
        #expect(result.categories.map(\.score) == [1.25, 4.375])
    }

    @Test func belowTheEliminatoryMarkTheCandidateIsEliminatedAndFails() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        try fixture.answer(service, view, rightAt: Set(view.items.prefix(3).map(\.position)))
        let attempt = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(attempt.score == 7.5)
        #expect(attempt.eliminated == true && attempt.passed == false)
        let result = try service.result(token: view.attempt.token, owner: .user(1))
        #expect(result.score.verdict == .eliminated)
        #expect(result.score.reason == "Éliminé : 7,5/20, en dessous de la note éliminatoire de 8/20.")
    }

    @Test func reachingThePassMarkPasses() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        try fixture.answer(service, view, rightAt: Set(view.items.prefix(4).map(\.position)))
        let attempt = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(attempt.score == 10 && attempt.passed == true && attempt.eliminated == false)
        #expect(
            try service.result(token: view.attempt.token, owner: .user(1)).score.reason
                == "Épreuve réussie : 10/20 pour une note de réussite de 10/20.")
    }

    @Test func aSubmitAfterTheDeadlineEndsAtTheDeadline() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        fixture.advance(minutes: 60, seconds: 5)
        let attempt = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(attempt.status == .submitted)
        #expect(attempt.finishedAt == EngineFixture.start.addingTimeInterval(3_600))
    }

    @Test func theSweepReadsOnlyTheIndexOfOpenAttempts() throws {
        let fixture = try EngineFixture()
        let plan = try fixture.db.query("EXPLAIN QUERY PLAN " + AttemptStore.overdueSQL, Int64(0)).map { $0.string(3) }
        #expect(plan.contains { $0.contains("USING INDEX attempts_open_deadline") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN attempts") }, "\(plan)")
    }

    @Test func theSweepClosesOverdueAttemptsAtTheirDeadlineWithTheAnswersSavedInTime() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let late = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        fixture.advance(minutes: 5)
        try fixture.answer(service, late, rightAt: Set(late.items.prefix(2).map(\.position)))
        fixture.advance(minutes: 50)
        let recent = try service.start(examID: "ifsi-blanc-1", owner: .user(2), now: fixture.now)

        fixture.advance(minutes: 5, seconds: 10)
        #expect(try service.sweepOverdue(now: fixture.now) == 0, "still within the grace")
        fixture.advance(seconds: 1)
        #expect(try service.sweepOverdue(now: fixture.now) == 1)
        #expect(try service.sweepOverdue(now: fixture.now) == 0)
        #expect(try service.resume(token: recent.attempt.token, owner: .user(2), now: fixture.now).attempt.isOpen)

        let closed = try service.result(token: late.attempt.token, owner: .user(1))
        #expect(closed.attempt.status == .expired)
        #expect(closed.attempt.finishedAt == EngineFixture.start.addingTimeInterval(3_600))
        #expect(closed.attempt.score == 5)
        #expect(closed.sections.map(\.score) == [5, 0])
        fixture.advance(minutes: 120)
        #expect(
            try service.resume(token: recent.attempt.token, owner: .user(2), now: fixture.now).attempt.status
                == .expired)
        #expect(fixture.lines.lines.contains { $0.contains("exams.attempts.swept") && $0.contains("closed=1") })
    }

    @Test func essaysWaitForATrainerThenCountTowardsTheVerdict() throws {
        let fixture = try EngineFixture()
        try fixture.sync(MixedBank.files)
        let service = fixture.service()
        let view = try service.start(examID: "redaction", owner: .user(1), now: fixture.now)
        let essay = view.items.first { $0.question?.kind == .essay }!
        try fixture.answer(service, view, position: essay.position, .text("La bientraitance est une démarche..."))
        try fixture.answer(service, view, rightAt: Set(view.items.filter { $0.sectionIndex == 0 }.map(\.position)))
        var attempt = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(attempt.score == 10 && attempt.passed == nil && attempt.eliminated == nil)
        let pending = try service.result(token: view.attempt.token, owner: .user(1))
        #expect(pending.score.reason == "En attente de correction : 1 réponse(s) rédigée(s) à corriger.")

        #expect(throws: AttemptError.invalidMarking(reason: "La note doit être comprise entre 0 et 10.")) {
            try service.markEssay(
                attemptID: attempt.id, position: essay.position, points: 11, comment: nil, markerID: 3)
        }
        #expect(throws: AttemptError.invalidMarking(reason: "Cette question n'est pas une rédaction à corriger.")) {
            try service.markEssay(attemptID: attempt.id, position: 0, points: 1, comment: nil, markerID: 3)
        }
        attempt = try service.markEssay(
            attemptID: attempt.id, position: essay.position, points: 6.5, comment: "Bon plan.", markerID: 3)
        #expect(attempt.score == 16.5 && attempt.passed == true && attempt.eliminated == false)
        let review = try service.review(token: view.attempt.token, owner: .user(1))
        #expect(review[essay.position].markerComment == "Bon plan.")
        #expect(review[essay.position].awarded == 6.5)
    }

    @Test func markingAnOpenAttemptIsRefused() throws {
        let fixture = try EngineFixture()
        try fixture.sync(MixedBank.files)
        let service = fixture.service()
        let view = try service.start(examID: "redaction", owner: .user(1), now: fixture.now)
        #expect(throws: AttemptError.attemptOpen) {
            try service.markEssay(attemptID: view.attempt.id, position: 4, points: 1, comment: nil, markerID: 3)
        }
        #expect(throws: AttemptError.attemptOpen) { try service.result(token: view.attempt.token, owner: .user(1)) }
    }
}
