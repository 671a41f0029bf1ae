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
