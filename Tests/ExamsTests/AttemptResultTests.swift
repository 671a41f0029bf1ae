import Exams
import Foundation
import Testing

@Suite struct AttemptResultTests {
    /// One finished attempt per user, each answering the first `right` items rightly.
    func finished(_ fixture: EngineFixture, rights: [Int], review: String = "after_submit") throws -> [AttemptView] {
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false, review: review)))
        let service = fixture.service()
        return try rights.enumerated().map { index, right in
            let owner = AttemptOwner.user(Int64(index + 1))
            let view = try service.start(examID: "ifsi-blanc-1", owner: owner, now: fixture.now)
            try fixture.answer(service, view, rightAt: Set(view.items.prefix(right).map(\.position)))
            fixture.advance(minutes: 1)
            _ = try service.submit(token: view.attempt.token, owner: owner, now: fixture.now)
            return view
        }
    }

    @Test func theRankCountsBetterScoresAndTiesShareTheirRank() throws {
        let fixture = try EngineFixture()
        let views = try finished(fixture, rights: [3, 4, 4, 2])
        let service = fixture.service()
        let ranks = try views.enumerated().map { index, view in
            try service.result(token: view.attempt.token, owner: .user(Int64(index + 1))).rank
        }
        #expect(ranks == [3, 1, 1, 4])
        #expect(try service.result(token: views[0].attempt.token, owner: .user(1)).rankedAttempts == 4)
    }

    @Test func theResultGivesSectionsCategoriesAndTimePerQuestion() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        fixture.advance(minutes: 2)
        let item = view.items[0]
        _ = try service.save(
            token: view.attempt.token, owner: .user(1), position: item.position,
            response: .set(Bank.right(item.question!)), clientSeq: 1, timeSpentMs: 45_000, now: fixture.now)
        _ = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)

        let result = try service.result(token: view.attempt.token, owner: .user(1))
        #expect(result.examTitle == "Épreuve blanche IFSI n° 1")
        #expect(result.sections.map(\.id) == ["culture", "calculs"])
        #expect(result.sections.map(\.score) == [2.5, 0])
        #expect(result.categories.map(\.category) == ["ifsi/calculs/dosages", "ifsi/culture/sante"])
        #expect(result.categories.map(\.points) == [10, 10])
        #expect(result.items[0].timeSpentMilliseconds == 45_000)
        #expect(result.items[0].awarded == 2.5)
        #expect(result.scoreOutOf20 == 2.5)
        #expect(result.reviewAvailable)
    }

    @Test func theHistoryListsFinishedAttemptsOldestFirst() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        let service = fixture.service()
        var tokens: [String] = []
        for right in [2, 6] {
            let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
            try fixture.answer(service, view, rightAt: Set(view.items.prefix(right).map(\.position)))
            fixture.advance(minutes: 10)
            _ = try service.submit(token: view.attempt.token, owner: .user(1), now: fixture.now)
            tokens.append(view.attempt.token)
        }
        _ = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)

        let history = try service.history(owner: .user(1))
        #expect(history.map(\.token) == tokens)
        #expect(history.map(\.scoreOutOf20) == [5, 15])
        #expect(history.map(\.passed) == [false, true])
        #expect(history[0].finishedAt == EngineFixture.start.addingTimeInterval(600))
        #expect(history[0].examTitle == "Épreuve blanche IFSI n° 1")
        #expect(try service.history(owner: .user(2)).isEmpty)
    }

    @Test func theReviewShowsTheOptionsInTheCandidatesOrderWithTheRightAnswers() throws {
        let fixture = try EngineFixture()
        let view = try finished(fixture, rights: [1])[0]
        let review = try fixture.service().review(token: view.attempt.token, owner: .user(1))
        #expect(review.count == 8)

        let first = review[0]
        let shown = view.items[0].question!
        #expect(first.options.map(\.text) == shown.options)
        #expect(first.options.filter(\.isChosen).map(\.isRight) == [true])
        #expect(
            first.options.filter(\.isRight).map(\.text.text) == [
                first.options.first { $0.text.text.hasPrefix("Bon") }!.text.text
            ])
        #expect(first.awarded == 2.5)
        #expect(first.generalFeedback?.text.hasPrefix("Explication") == true)

        let options = review.filter { $0.kind == .singleChoice }.flatMap(\.options)
        #expect(options.allSatisfy { $0.feedback?.text == ($0.text.text.hasPrefix("Faux A") ? "Non." : nil) })
        #expect(options.filter { $0.feedback != nil }.count == 4)

        let number = review.first { $0.kind == .numerical }!
        let expected = Int(number.questionID.split(separator: "-").last!)! * 10
        #expect(number.rightAnswers == ["\(expected)"])
        #expect(number.givenText == "1")
        #expect(number.awarded == 0)
    }

    @Test func aScoreOnlyExamRefusesTheReview() throws {
        let fixture = try EngineFixture()
        let view = try finished(fixture, rights: [1], review: "score_only")[0]
        let service = fixture.service()
        #expect(throws: AttemptError.reviewNotAllowed) {
            try service.review(token: view.attempt.token, owner: .user(1))
        }
        #expect(try service.result(token: view.attempt.token, owner: .user(1)).reviewAvailable == false)
        #expect(AttemptError.reviewNotAllowed.code == "review_not_allowed")
    }

    @Test func anOpenAttemptHasNoReviewYet() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        #expect(throws: AttemptError.attemptOpen) { try service.review(token: view.attempt.token, owner: .user(1)) }
    }
}
