import Exams
import Foundation
import Testing

@Suite struct ItemStatisticsTests {
    static let question = Question(
        id: "q-1", category: "ifsi/x", kind: .singleChoice, stem: QuestionText("Combien ?"),
        choices: [
            Choice(text: QuestionText("Un"), weight: 100), Choice(text: QuestionText("Deux"), weight: 0),
            Choice(text: QuestionText("Trois"), weight: -50),
        ])

    @Test func facilityAndDiscriminationStayInRangeOnRandomData() {
        for seed in 1...300 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let n = Int.random(in: 0...40, using: &generator)
            let observations = (0..<n).map { index in
                ItemStatistics.Observation(
                    attemptID: Int64(index), attemptScore: Double.random(in: -0.2...1, using: &generator),
                    fraction: [-1, -0.5, 0, 0.25, 0.5, 1, Double.random(in: -1...1, using: &generator)]
                        .randomElement(using: &generator)!,
                    response: Bool.random(using: &generator) ? .choice(Int.random(in: 0...2, using: &generator)) : nil)
            }
            let statistic = ItemStatistics.statistic(Self.question, version: 1, observations: observations)
            #expect(statistic.n == n)
            if n == 0 {
                #expect(statistic.facility == nil)
            } else {
                #expect((0...1).contains(statistic.facility!), "seed \(seed)")
            }
            if n < 2 {
                #expect(statistic.discrimination == nil)
            } else {
                #expect((-1...1).contains(statistic.discrimination!), "seed \(seed)")
            }
            #expect(statistic.options.allSatisfy { $0.share.map { (0...1).contains($0) } ?? (n == 0) })
        }
    }

    @Test func oneCandidateHasAFacilityButNoDiscrimination() {
        let statistic = ItemStatistics.statistic(
            Self.question, version: 1,
            observations: [.init(attemptID: 1, attemptScore: 0.5, fraction: 1, response: .choice(0))])
        #expect(statistic.facility == 1 && statistic.discrimination == nil)
        #expect(statistic.options.map(\.count) == [1, 0, 0])
    }

    @Test func anItemTheStrongGetAndTheWeakMissDiscriminatesFully() {
        let observations = (0..<10).map { index in
            ItemStatistics.Observation(
                attemptID: Int64(index), attemptScore: Double(index) / 10, fraction: index >= 5 ? 1 : 0,
                response: .choice(index >= 5 ? 0 : 1))
        }
        let statistic = ItemStatistics.statistic(Self.question, version: 1, observations: observations)
        #expect(statistic.facility == 0.5)
        #expect(statistic.discrimination == 1)
        #expect(statistic.options.map(\.share) == [0.5, 0.5, 0])
        #expect(statistic.options.map(\.isRight) == [true, false, false])
    }

    @Test func statisticsUseFinishedFirstAttemptsOnly() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false, shuffle: false)))
        let service = fixture.service()
        for user in 1...4 {
            let view = try service.start(examID: "ifsi-blanc-1", owner: .user(Int64(user)), now: fixture.now)
            try fixture.answer(service, view, rightAt: Set(view.items.prefix(user).map(\.position)))
            _ = try service.submit(token: view.attempt.token, owner: .user(Int64(user)), now: fixture.now)
        }
        let again = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        try fixture.answer(service, again, rightAt: Set(again.items.map(\.position)))
        _ = try service.submit(token: again.attempt.token, owner: .user(1), now: fixture.now)
        _ = try service.start(examID: "ifsi-blanc-1", owner: .user(5), now: fixture.now)

        let statistics = try ItemStatistics(fixture.db).statistics(examID: "ifsi-blanc-1")
        #expect(statistics.allSatisfy { $0.n <= 4 })
        #expect(statistics.reduce(0) { $0 + $1.n } == 32)
        #expect(statistics.allSatisfy { statistic in statistic.facility.map { (0...1).contains($0) } ?? false })
        #expect(statistics.allSatisfy { statistic in statistic.discrimination.map { (-1...1).contains($0) } ?? true })
        #expect(try ItemStatistics(fixture.db).statistics(examID: "absente").isEmpty)
    }

    @Test func theTableLinesUpOneQuestionPerLine() {
        let statistic = ItemStatistics.statistic(
            Self.question, version: 2,
            observations: [
                .init(attemptID: 1, attemptScore: 0.9, fraction: 1, response: .choice(0)),
                .init(attemptID: 2, attemptScore: 0.2, fraction: 0, response: .choice(1)),
                .init(attemptID: 3, attemptScore: 0.5, fraction: 0, response: nil),
                .init(attemptID: 4, attemptScore: 0.6, fraction: 1, response: .choice(0)),
            ])
        #expect(
            ItemStatistics.table([statistic]) == """
                Question  Version  n  Facilité  Discrimination  Blancs  Options
                q-1       2        4  0,5       1               1       A* 50 % · B 25 % · C 0 %

                """)
        #expect(ItemStatistics.table([]).hasSuffix("(aucune première tentative terminée)\n"))
    }
}
