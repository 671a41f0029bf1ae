import Exams
import Foundation
import Testing

@Suite struct AttemptDrawTests {
    @Test func aDrawNeverRepeatsAQuestionEvenWhenRulesOverlap() throws {
        let fixture = try EngineFixture()
        let json = Bank.blueprint(sequential: false).replacingOccurrences(
            of: "{ \"category\": \"ifsi/culture\", \"count\": 4 }",
            with:
                "{ \"category\": \"ifsi/culture/sante\", \"count\": 5 }, "
                + "{ \"category\": \"ifsi/culture\", \"count\": 7 }"
        )
        try fixture.sync(Bank.standard(blueprint: json))
        for seed in 1...100 {
            let view = try fixture.service(seed: UInt64(seed)).start(
                examID: "ifsi-blanc-1", owner: .user(Int64(seed % 40 + 1)), now: fixture.now)
            let ids = view.items.compactMap { $0.question?.id }
            #expect(ids.count == 16)
            #expect(Set(ids).count == 16, "seed \(seed) repeated a question")
            #expect(ids.filter { $0.hasPrefix("cul-") }.count == 12)
        }
    }

    @Test func differentSeedsDrawDifferentQuestions() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let draws = try (1...10).map { seed in
            try fixture.service(seed: UInt64(seed)).start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
                .items.compactMap { $0.question?.id }
        }
        #expect(Set(draws).count > 1)
    }

    @Test func theOptionOrderIsFixedAtStartAndReturnedIdenticallyOnResume() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service(seed: 3)
        let started = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let options = started.items.compactMap { $0.question?.options }.filter { !$0.isEmpty }
        #expect(options.count == 4)
        #expect(options.contains { !$0[0].text.hasPrefix("Bon") }, "shuffling should move some right option")

        fixture.advance(minutes: 3)
        let resumed = try fixture.service(seed: 99).resume(
            token: started.attempt.token, owner: .user(1), now: fixture.now)
        #expect(resumed.items.map(\.question) == started.items.map(\.question))
    }

    @Test func optionsKeepTheAuthorsOrderWhenTheBlueprintSaysSo() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false, shuffle: false)))
        let view = try fixture.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let choiceItems = view.items.compactMap(\.question).filter { $0.kind == .singleChoice }
        #expect(choiceItems.allSatisfy { $0.options.map(\.text).first?.hasPrefix("Bon") == true })
        #expect(view.items.prefix(4).allSatisfy { $0.sectionIndex == 0 })
    }

    @Test func sectionsNotYetStartedShowNoQuestion() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let view = try fixture.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        #expect(view.items.count == 8)
        #expect(view.items.filter { $0.sectionIndex == 0 }.allSatisfy { $0.question != nil })
        #expect(view.items.filter { $0.sectionIndex == 1 }.allSatisfy { $0.question == nil })
        #expect(view.sections.map(\.state) == [.open, .pending])
        #expect(view.items.allSatisfy { $0.points == 2.5 })
    }

    @Test func onlyTheFirstAttemptOfAnOwnerCountsAsFirst() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let first = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let second = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let other = try service.start(examID: "ifsi-blanc-1", owner: .user(2), now: fixture.now)
        #expect(first.attempt.isFirstAttempt && !second.attempt.isFirstAttempt && other.attempt.isFirstAttempt)
        #expect(first.attempt.token.count == 32 && first.attempt.token != second.attempt.token)
    }

    @Test func visitorsMayTakeFreeExamsOnly() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        #expect(throws: AttemptError.premiumRequired) {
            try fixture.service().start(examID: "ifsi-blanc-1", owner: .visitor("v-1"), now: fixture.now)
        }
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(access: "free"), free: true))
        let view = try fixture.service().start(examID: "ifsi-blanc-1", owner: .visitor("v-1"), now: fixture.now)
        #expect(view.attempt.owner == .visitor("v-1"))
    }

    @Test func freeExamsDrawOnlyFreeQuestionsAndPremiumExamsNone() throws {
        let fixture = try EngineFixture()
        let premiumOnly = Bank.standard()
        try fixture.sync(premiumOnly)
        let premium = try fixture.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        #expect(premium.items.count == 8)

        let freeBlueprint = Bank.blueprint(access: "free")
        #expect(throws: BankSyncError.self) { try fixture.sync(Bank.standard(blueprint: freeBlueprint)) }
        try fixture.sync(Bank.standard(blueprint: freeBlueprint, free: true))
        #expect(throws: BankSyncError.self) { try fixture.sync(Bank.standard(free: true)) }
    }

    @Test func anUnknownExamCannotBeStarted() throws {
        let fixture = try EngineFixture()
        #expect(throws: AttemptError.examUnavailable) {
            try fixture.service().start(examID: "absente", owner: .user(1), now: fixture.now)
        }
        #expect(AttemptError.examUnavailable.code == "exam_unavailable")
    }
}
