import Exams
import Foundation
import Storage
import Testing

@Suite struct AttemptResumeTests {
    @Test func aLookAtAnOpenAttemptIsNotHeldUpByAWriter() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        _ = try fixture.answer(service, view, position: 0, .choice(1))

        // Another connection holds the write lock; a short timeout makes a blocked look fail at once.
        let writer = try Database(path: fixture.db.path)
        defer { writer.close() }
        try fixture.db.execute("PRAGMA busy_timeout = 50")
        try writer.execute("BEGIN IMMEDIATE")
        try writer.run("UPDATE attempts SET current_position = 0")

        let resumed = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(resumed.items[0].response == .choice(1))
        #expect(resumed.attempt.isOpen)
        try writer.execute("ROLLBACK")
    }

    @Test func aSectionDueToTimeOutIsStillClosedByTheLook() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        fixture.advance(minutes: 30, seconds: 1)

        let resumed = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(resumed.attempt.currentSection == 1)
        #expect(try fixture.count("SELECT current_section FROM attempts") == 1)
    }

    @Test func aTitleEditedInTheBankShowsInAttemptsAlreadyStarted() throws {
        let fixture = try EngineFixture()
        let files = Bank.standard(blueprint: Bank.blueprint(sequential: false))
        try fixture.sync(files)
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let titles = view.items.compactMap { $0.question?.title }
        #expect(titles.contains { $0.hasPrefix("Question ") })

        let edited = files.map { file in
            BankSync.File(
                path: file.path, contents: file.contents.replacingOccurrences(of: "::Question ", with: "::Intitulé "))
        }
        try fixture.sync(edited)
        #expect(try fixture.count("SELECT MAX(version) FROM questions") == 1, "a title is metadata, not content")

        let resumed = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        let after = resumed.items.compactMap { $0.question?.title }
        #expect(after.count == titles.count)
        #expect(!after.contains { $0.hasPrefix("Question ") })
        #expect(after.contains { $0.hasPrefix("Intitulé ") })
    }
}

@Suite struct DrawPoolTests {
    @Test func aStartAfterABankChangeDrawsFromTheNewBankOnly() throws {
        let fixture = try EngineFixture()
        let files = Bank.standard(blueprint: Bank.blueprint(sequential: false))
        try fixture.sync(files)
        let service = fixture.service()
        _ = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)

        // Eight culture questions leave the bank; the pool read by the first start must not be reused.
        let trimmed = files.map { file in
            file.path != "ifsi/culture.gift"
                ? file
                : BankSync.File(
                    path: file.path, contents: Bank.singleChoice("ifsi/culture/sante", prefix: "cul", count: 4, from: 9)
                )
        }
        try fixture.sync(trimmed)
        for user in 2...6 {
            let view = try service.start(examID: "ifsi-blanc-1", owner: .user(Int64(user)), now: fixture.now)
            let culture = Set(view.items.filter { $0.sectionIndex == 0 }.compactMap { $0.question?.id })
            #expect(culture == ["cul-9", "cul-10", "cul-11", "cul-12"])
        }
    }

    @Test func aRunningAttemptShowsAQuestionsNewTitleAfterAnImport() throws {
        let fixture = try EngineFixture()
        var files = Bank.standard()
        try fixture.sync(files)
        let service = fixture.service()
        let view = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        let before = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        let culture = before.items.filter { $0.sectionIndex == 0 }.compactMap(\.question)
        #expect(culture.count == 4 && culture.allSatisfy { $0.title?.hasPrefix("Question ") == true })
        // Looked at twice: the second look comes from the cache of versions.
        let again = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        #expect(again.items.compactMap(\.question?.title) == before.items.compactMap(\.question?.title))

        // A trainer renames the questions: the same versions, new titles.
        files[0] = BankSync.File(
            path: files[0].path, contents: files[0].contents.replacingOccurrences(of: "::Question ", with: "::Cas "))
        try fixture.sync(files)
        let after = try service.resume(token: view.attempt.token, owner: .user(1), now: fixture.now)
        let renamed = after.items.filter { $0.sectionIndex == 0 }.compactMap(\.question)
        #expect(renamed.map(\.id) == culture.map(\.id))
        #expect(renamed.allSatisfy { $0.title?.hasPrefix("Cas ") == true }, "\(renamed.map(\.title))")
    }

    @Test func twoDatabasesInOneProcessDrawFromTheirOwnBanks() throws {
        let first = try EngineFixture()
        let second = try EngineFixture()
        try first.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false)))
        // The same number of changes, hence the same revision, but other questions.
        var other = Bank.standard(blueprint: Bank.blueprint(sequential: false))
        other[0] = BankSync.File(
            path: other[0].path, contents: Bank.singleChoice("ifsi/culture/sante", prefix: "aut", count: 12))
        try second.sync(other)

        let a = try first.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: first.now)
        let b = try second.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: second.now)
        let cultureA = a.items.filter { $0.sectionIndex == 0 }.compactMap { $0.question?.id }
        let cultureB = b.items.filter { $0.sectionIndex == 0 }.compactMap { $0.question?.id }
        #expect(cultureA.allSatisfy { $0.hasPrefix("cul-") })
        #expect(cultureB.allSatisfy { $0.hasPrefix("aut-") })
        #expect(cultureB.count == 4)
    }
}

@Suite struct PreparedStartTests {
    @Test func aPreparedStartIsWrittenByItsCommitOnly() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let service = fixture.service()
        let prepared = try service.prepareStart(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts") == 0, "preparing only reads")

        let token = try service.commitStart(prepared)
        let view = try service.resume(token: token, owner: .user(1), now: fixture.now)
        #expect(view.items.count == 8)
        #expect(try fixture.count("SELECT COUNT(*) FROM attempt_items") == 8)
        #expect(view.attempt.isFirstAttempt)
    }

    @Test func aStartPreparedBeforeTheExamWasRetiredIsRefused() throws {
        let fixture = try EngineFixture()
        let files = Bank.standard()
        try fixture.sync(files)
        let service = fixture.service()
        let prepared = try service.prepareStart(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)

        try fixture.sync(files.filter { !$0.path.hasSuffix(".json") })
        #expect(throws: AttemptError.examUnavailable) { try service.commitStart(prepared) }
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts") == 0)
    }
}
