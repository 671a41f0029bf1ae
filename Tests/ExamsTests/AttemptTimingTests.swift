import Exams
import Foundation
import Testing

@Suite struct AttemptTimingTests {
    let minute = 60.0

    @Test func tiersTempsStretchesEverySectionDeadline() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let view = try fixture.service().start(
            examID: "ifsi-blanc-1", owner: .user(1), timeFactor: 4.0 / 3.0, now: fixture.now)
        #expect(view.sections[0].deadline == EngineFixture.start.addingTimeInterval(40 * minute))
        #expect(view.attempt.deadline == EngineFixture.start.addingTimeInterval(80 * minute))
        #expect(view.remainingMilliseconds == 40 * 60_000)

        fixture.advance(minutes: 45)
        let later = try fixture.service().resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(later.sections[1].startedAt == EngineFixture.start.addingTimeInterval(40 * minute))
        #expect(later.sections[1].deadline == EngineFixture.start.addingTimeInterval(80 * minute))
    }

    @Test func withoutSequentialSectionsOneDeadlineCoversTheWholeExam() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let view = try fixture.service().start(
            examID: "ifsi-blanc-1", owner: .user(1), timeFactor: 4.0 / 3.0, now: fixture.now)
        #expect(view.attempt.deadline == EngineFixture.start.addingTimeInterval(80 * minute))
        #expect(view.sections.allSatisfy { $0.state == .open && $0.deadline == view.attempt.deadline })
        #expect(view.items.allSatisfy { $0.question != nil })
    }

    @Test func sequentialSectionsTimeOutOneAfterTheOtherEachStartingAtThePreviousDeadline() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)

        fixture.advance(minutes: 47)
        let second = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(second.attempt.currentSection == 1)
        #expect(second.sections.map(\.state) == [.closed, .open])
        #expect(second.sections[1].startedAt == EngineFixture.start.addingTimeInterval(30 * minute))
        #expect(second.sections[1].deadline == EngineFixture.start.addingTimeInterval(60 * minute))
        #expect(second.remainingMilliseconds == 13 * 60_000)
        #expect(second.items.filter { $0.sectionIndex == 0 }.allSatisfy { $0.question == nil })
        #expect(second.items.filter { $0.sectionIndex == 1 }.allSatisfy { $0.question != nil })

        fixture.advance(minutes: 14)
        let over = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(over.attempt.status == .expired)
        #expect(over.attempt.finishedAt == EngineFixture.start.addingTimeInterval(60 * minute))
        #expect(over.remainingMilliseconds == 0)
    }

    @Test func movingOnEarlyStartsTheNextSectionNow() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        fixture.advance(minutes: 10)
        let next = try service.nextSection(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(next.sections[0].state == .closed)
        #expect(next.sections[1].deadline == EngineFixture.start.addingTimeInterval(40 * minute))
        #expect(next.attempt.deadline == EngineFixture.start.addingTimeInterval(40 * minute))

        let back = view.items.first { $0.sectionIndex == 0 }!
        #expect(throws: AttemptError.wrongSection) {
            try fixture.answer(service, view, position: back.position, .choice(0), seq: 5)
        }
        #expect(throws: AttemptError.wrongSection) {
            try service.nextSection(token: view.attempt.token, owner: .user(1), now: fixture.now)
        }
    }

    @Test func aSaveToASectionThatJustTimedOutCountsWithinTheGrace() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let first = view.items[0]

        fixture.advance(minutes: 30, seconds: 10)
        let receipt = try fixture.answer(service, view, position: first.position, Bank.right(first.question!))
        #expect(receipt.outcome == .saved)
        #expect(receipt.remainingMilliseconds == 0)

        fixture.advance(seconds: 1)
        #expect(throws: AttemptError.deadlinePassed) {
            try fixture.answer(service, view, position: first.position, Bank.wrong(first.question!), seq: 2)
        }
    }

    @Test func editingTheBlueprintLeavesAnAttemptInProgressAsItStarted() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let shorter = Bank.blueprint().replacingOccurrences(of: "\"minutes\": 30", with: "\"minutes\": 10")
        try fixture.sync(Bank.standard(blueprint: shorter))

        fixture.advance(minutes: 20)
        let resumed = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(resumed.attempt.currentSection == 0)
        #expect(resumed.remainingMilliseconds == 10 * 60_000)
        let fresh = try service.start(examID: "ifsi-blanc-1", owner: .user(2), now: fixture.now)
        #expect(fresh.remainingMilliseconds == 10 * 60_000)
    }
}
