import Exams
import Foundation
import Testing

@Suite struct AttemptSaveTests {
    func started(sequential: Bool = false) throws -> (EngineFixture, AttemptService, AttemptView) {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: sequential)))
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        return (fixture, service, view)
    }

    @Test func savesAreIdempotentAndOrderedByTheClientSequence() throws {
        let (fixture, service, view) = try started()
        let item = view.items.first { $0.question?.kind == .singleChoice }!
        let token = view.attempt.token
        func save(_ choice: Int, _ seq: Int64) throws -> SaveReceipt {
            try service.save(
                token: token, owner: .user(1), position: item.position, response: .set(.choice(choice)),
                clientSeq: seq, flagged: choice == 2, timeSpentMs: 1_000 * seq, now: fixture.now)
        }
        #expect(try save(0, 1).outcome == .saved)
        #expect(try save(0, 1) == SaveReceipt(outcome: .duplicate, storedSeq: 1, remainingMilliseconds: 3_600_000))
        // Same number, another answer: a second device, not a retry; the first answer stays.
        #expect(try save(1, 1) == SaveReceipt(outcome: .stale, storedSeq: 1, remainingMilliseconds: 3_600_000))
        #expect(
            try service.resume(token: token, owner: .user(1), now: fixture.now).items[item.position].response
                == .choice(0))
        #expect(try save(2, 3).outcome == .saved)
        #expect(try save(1, 2) == SaveReceipt(outcome: .stale, storedSeq: 3, remainingMilliseconds: 3_600_000))

        let resumed = try service.resume(token: token, owner: .user(1), now: fixture.now)
        let saved = resumed.items[item.position]
        #expect(saved.response == .choice(2))
        #expect(saved.clientSeq == 3)
        #expect(saved.flagged)
        #expect(saved.timeSpentMilliseconds == 0, "time spent cannot exceed the time since the start")
        #expect(resumed.attempt.currentPosition == item.position)
    }

    @Test func aFlagOnlySaveKeepsTheResponseAndAClearErasesIt() throws {
        let (fixture, service, view) = try started()
        let item = view.items.first { $0.question?.kind == .singleChoice }!
        let token = view.attempt.token
        fixture.advance(minutes: 2)
        try fixture.answer(service, view, position: item.position, .choice(1))
        _ = try service.save(
            token: token, owner: .user(1), position: item.position, response: .keep, clientSeq: 2, flagged: true,
            timeSpentMs: 30_000, now: fixture.now)
        var saved = try service.resume(token: token, owner: .user(1), now: fixture.now).items[item.position]
        #expect(saved.response == .choice(1) && saved.flagged && saved.timeSpentMilliseconds == 30_000)
        _ = try service.save(
            token: token, owner: .user(1), position: item.position, response: .clear, clientSeq: 3, now: fixture.now)
        saved = try service.resume(token: token, owner: .user(1), now: fixture.now).items[item.position]
        #expect(saved.response == nil && saved.flagged)
    }

    @Test func aSaveJustWithinTheGraceIsAcceptedAndOneJustAfterIsRefused() throws {
        let (fixture, service, view) = try started()
        let item = view.items.first { $0.question?.kind == .singleChoice }!
        fixture.advance(minutes: 60, seconds: 10)
        #expect(try fixture.answer(service, view, position: item.position, .choice(0)).outcome == .saved)
        fixture.advance(seconds: 0.001)
        #expect(throws: AttemptError.deadlinePassed) {
            try fixture.answer(service, view, position: item.position, .choice(1), seq: 2)
        }
        #expect(
            AttemptError.deadlinePassed.message
                == "Le temps imparti est écoulé : cette réponse n'a pas été enregistrée.")
        #expect(AttemptError.deadlinePassed.code == "deadline_passed")
        let saved = try fixture.db.queryOne(
            "SELECT saved_response_json FROM attempt_items WHERE position = ?", item.position)?.string(0)
        #expect(saved?.contains("choice") == true)
    }

    @Test func aSaveForAnotherSectionIsRefusedWhenSectionsAreSequential() throws {
        let (fixture, service, view) = try started(sequential: true)
        let later = view.items.first { $0.sectionIndex == 1 }!
        #expect(throws: AttemptError.wrongSection) {
            try fixture.answer(service, view, position: later.position, .text("10"))
        }
    }

    @Test func responsesAreCheckedAgainstTheQuestion() throws {
        let (fixture, service, view) = try started()
        let choice = view.items.first { $0.question?.kind == .singleChoice }!
        let number = view.items.first { $0.question?.kind == .numerical }!
        #expect(
            throws: AttemptError.invalidResponse(
                reason: "Cette réponse ne correspond à aucune des propositions de la question.")
        ) {
            try fixture.answer(service, view, position: choice.position, .choice(4))
        }
        #expect(
            throws: AttemptError.invalidResponse(reason: "Cette réponse ne correspond pas au type de la question.")
        ) {
            try fixture.answer(service, view, position: choice.position, .text("Bon"))
        }
        #expect(
            throws: AttemptError.invalidResponse(
                reason:
                    "« 2,500 » est ambigu : écrivez « 2,5 » pour un nombre décimal "
                    + "ou « 2500 » pour un nombre entier.")
        ) {
            try fixture.answer(service, view, position: number.position, .text("2,500"))
        }
        #expect(try fixture.answer(service, view, position: number.position, .text("2,5")).outcome == .saved)
        #expect(AttemptError.invalidResponse(reason: "x").code == "invalid_response")
    }

    @Test func aClosedAttemptRefusesSaves() throws {
        let (fixture, service, view) = try started()
        _ = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(throws: AttemptError.attemptClosed) {
            try fixture.answer(service, view, position: 0, .choice(0))
        }
        #expect(throws: AttemptError.attemptClosed) {
            try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
        }
        #expect(AttemptError.attemptClosed.code == "attempt_closed")
    }

    @Test func someoneElsesAttemptIsNotFound() throws {
        let (fixture, service, view) = try started()
        let token = view.attempt.token
        #expect(throws: AttemptError.notFound) { try service.resume(token: token, owner: .user(2), now: fixture.now) }
        #expect(throws: AttemptError.notFound) {
            try service.resume(token: token, owner: .visitor("1"), now: fixture.now)
        }
        #expect(throws: AttemptError.notFound) {
            try service.save(
                token: token, owner: .user(2), position: 0, response: .keep, clientSeq: 1, now: fixture.now)
        }
        #expect(throws: AttemptError.notFound) { try service.submit(token: token, owner: .user(2), now: fixture.now) }
        #expect(throws: AttemptError.notFound) { try service.result(token: token, owner: .user(2)) }
        #expect(throws: AttemptError.notFound) {
            try service.resume(token: "inconnu", owner: .user(1), now: fixture.now)
        }
        // Their own attempt: the attempt exists, the question does not.
        #expect(throws: AttemptError.itemNotFound) {
            try service.save(
                token: token, owner: .user(1), position: 99, response: .keep, clientSeq: 1, now: fixture.now)
        }
        #expect(AttemptError.notFound.code == "not_found")
        #expect(AttemptError.itemNotFound.message.contains("Cette question n'existe pas"))
    }
}
