import Exams
import Foundation
import Storage
import Testing

@Suite struct BankSyncTests {
    @Test func aFirstSyncAddsEveryQuestionAtVersionOne() throws {
        let fixture = try EngineFixture()
        let report = try fixture.sync(Bank.standard())
        #expect(report.added == 24 && report.changed == 0 && report.unchanged == 0 && report.retired == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM questions WHERE version = 1") == 24)
        let stored = try QuestionStore(fixture.db).latest(id: "cal-3")
        #expect(stored?.version == 1)
        #expect(stored?.sourceFile == "ifsi/calculs.gift")
        #expect(stored?.question.category == "ifsi/calculs/dosages")
    }

    @Test func anUnchangedReimportChangesNothing() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let before = try fixture.db.query("SELECT * FROM questions ORDER BY id, version").map(\.values)
        fixture.advance(minutes: 5)
        let report = try fixture.sync(Bank.standard())
        #expect(report.added == 0 && report.changed == 0 && report.retired == 0)
        #expect(report.unchanged == 24)
        #expect(report.examsLoaded == 1)
        #expect(try fixture.db.query("SELECT * FROM questions ORDER BY id, version").map(\.values) == before)
    }

    @Test func anEditedQuestionGetsANewVersionWhileAnAttemptKeepsTheOneItDrew() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard(blueprint: Bank.blueprint(sequential: false, firstCount: 12)))
        let service = fixture.service()
        let attempt = try service.start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        #expect(attempt.items.filter { $0.question != nil }.count == 16)

        var files = Bank.standard(blueprint: Bank.blueprint(sequential: false, firstCount: 12))
        files[0].contents = files[0].contents.replacingOccurrences(of: "Énoncé cul", with: "Nouvel énoncé cul")
        let report = try fixture.sync(files)
        #expect(report.changed == 12 && report.unchanged == 12 && report.added == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM questions WHERE id = 'cul-1'") == 2)

        let resumed = try service.resume(token: attempt.attempt.token, owner: .user(1), now: fixture.now)
        let stems = resumed.items.compactMap { $0.question?.stem.text }.filter { $0.contains("cul") }
        #expect(stems.count == 12)
        #expect(stems.allSatisfy { $0.hasPrefix("Énoncé cul") })

        let fresh = try service.start(examID: "ifsi-blanc-1", owner: .user(2), now: fixture.now)
        let freshStems = fresh.items.compactMap { $0.question?.stem.text }.filter { $0.contains("cul") }
        #expect(freshStems.count == 12 && freshStems.allSatisfy { $0.hasPrefix("Nouvel énoncé cul") })
    }

    @Test func aRetaggedQuestionKeepsItsVersionButMovesLevel() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        var files = Bank.standard()
        files[1].contents = files[1].contents.replacingOccurrences(
            of: "[id:cal-1] [tag:niveau-2]", with: "[id:cal-1] [tag:niveau-3]")
        let report = try fixture.sync(files)
        #expect(report.changed == 0 && report.unchanged == 24)
        #expect(try fixture.count("SELECT difficulty FROM questions WHERE id = 'cal-1' AND version = 1") == 3)
    }

    @Test func questionsGoneFromTheFilesAreRetiredThenRestored() throws {
        let fixture = try EngineFixture()
        let extra = BankSync.File(
            path: "ifsi/extra.gift", contents: Bank.singleChoice("ifsi/extra", prefix: "ext", count: 3))
        try fixture.sync(Bank.standard() + [extra])
        let report = try fixture.sync(Bank.standard())
        #expect(report.retired == 3)
        #expect(try fixture.count("SELECT COUNT(*) FROM questions WHERE id LIKE 'ext-%'") == 3)
        #expect(try fixture.count("SELECT COUNT(*) FROM questions WHERE retired_at IS NOT NULL") == 3)
        let again = try fixture.sync(Bank.standard() + [extra])
        #expect(again.restored == 3 && again.added == 0 && again.retired == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM questions WHERE retired_at IS NOT NULL") == 0)
    }

    @Test func aBrokenFileRefusesTheWholeSyncAndListsEveryProblem() throws {
        let fixture = try EngineFixture()
        let broken = """
            $CATEGORY: ifsi/divers

            // [id:div-1]
            ::Sans fin::Question sans accolade fermante ?{
            =Oui
            ~Non

            // [id:div-2]
            ::Vide::Question ?{}}
            """
        let files =
            Bank.standard() + [
                BankSync.File(path: "ifsi/divers.gift", contents: broken),
                BankSync.File(
                    path: "ifsi/autre.gift", contents: "$CATEGORY: ifsi/autre\n\n::T::Question ?{=Oui ~Non\n"),
            ]
        do {
            try fixture.sync(files)
            Issue.record("the sync should have been refused")
        } catch let error as BankSyncError {
            let files = Set(error.problems.map(\.file))
            #expect(files == ["ifsi/divers.gift", "ifsi/autre.gift"])
            #expect(error.problems.allSatisfy { $0.line != nil && !$0.reason.isEmpty })
            #expect(error.problems.filter { $0.file == "ifsi/divers.gift" }.count >= 2)
        }
        #expect(try fixture.count("SELECT COUNT(*) FROM questions") == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM exams") == 0)
    }

    @Test func aBrokenFileLeavesAnEarlierSyncIntact() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        var files = Bank.standard()
        files[0].contents = files[0].contents.replacingOccurrences(of: "Énoncé", with: "Autre énoncé")
        files.append(BankSync.File(path: "ifsi/autre.gift", contents: "$CATEGORY: ifsi/autre\n\n::T::Q ?{=Oui ~Non\n"))
        #expect(throws: BankSyncError.self) { try fixture.sync(files) }
        #expect(try fixture.count("SELECT COUNT(*) FROM questions") == 24)
    }

    @Test func anIdUsedInTwoFilesIsRefusedWithItsLine() throws {
        let fixture = try EngineFixture()
        let copy = BankSync.File(
            path: "ifsi/copie.gift", contents: Bank.singleChoice("ifsi/copie", prefix: "cul", count: 1))
        do {
            try fixture.sync(Bank.standard() + [copy])
            Issue.record("the sync should have been refused")
        } catch let error as BankSyncError {
            #expect(
                error.problems == [
                    BankProblem(
                        file: "ifsi/culture.gift", line: 3,
                        reason: "identifiant « cul-1 » déjà utilisé dans ifsi/copie.gift")
                ])
        }
    }

    @Test func aQuestionOutsideItsTrackIsRefused() throws {
        let fixture = try EngineFixture()
        let stray = BankSync.File(
            path: "ifsi/perdu.gift", contents: Bank.singleChoice("as/metier", prefix: "per", count: 1))
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "ifsi/perdu.gift", line: 3,
                    reason: "catégorie « as/metier » hors de la filière « ifsi » (attendu : ifsi/...)")
            ])
        ) { try fixture.sync(Bank.standard() + [stray]) }
    }

    @Test func aBlueprintWithAnUnknownCategoryIsRefusedWithTheReason() throws {
        let fixture = try EngineFixture()
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "ifsi/exams/ifsi-blanc-1.json",
                    reason: "section « culture » : catégorie inconnue « ifsi/inconnue »")
            ])
        ) { try fixture.sync(Bank.standard(blueprint: Bank.blueprint(firstSection: "ifsi/inconnue"))) }
        #expect(try fixture.count("SELECT COUNT(*) FROM questions") == 0)
    }

    @Test func aBlueprintDrawingMoreThanTheBankHoldsIsRefused() throws {
        let fixture = try EngineFixture()
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "ifsi/exams/ifsi-blanc-1.json",
                    reason:
                        "section « calculs » : catégorie « ifsi/calculs » : 12 question(s) disponible(s) "
                        + "pour 13 demandée(s)"
                )
            ])
        ) { try fixture.sync(Bank.standard(blueprint: Bank.blueprint(secondCount: 13))) }
    }

    @Test func theDifficultyFilterCountsInTheCheck() throws {
        let fixture = try EngineFixture()
        let json = Bank.blueprint().replacingOccurrences(
            of: "{ \"category\": \"ifsi/culture\", \"count\": 4 }",
            with: "{ \"category\": \"ifsi/culture\", \"count\": 5, \"difficulty\": [3] }")
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "ifsi/exams/ifsi-blanc-1.json",
                    reason:
                        "section « culture » : catégorie « ifsi/culture » : "
                        + "4 question(s) de niveau 3 disponible(s) "
                        + "pour 5 demandée(s)")
            ])
        ) { try fixture.sync(Bank.standard(blueprint: json)) }
    }

    @Test func overlappingRulesThatCannotAllBeMetAreRefused() throws {
        let fixture = try EngineFixture()
        let json = Bank.blueprint().replacingOccurrences(
            of: "{ \"category\": \"ifsi/culture\", \"count\": 4 }",
            with:
                "{ \"category\": \"ifsi/culture\", \"count\": 8 }, "
                    + "{ \"category\": \"ifsi/culture/sante\", \"count\": 8 }"
        )
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "ifsi/exams/ifsi-blanc-1.json",
                    reason: "les règles de tirage se recoupent : impossible de tirer 20 questions toutes différentes")
            ])
        ) { try fixture.sync(Bank.standard(blueprint: json)) }
    }

    @Test func aBlueprintWithBadNumbersListsEveryReason() throws {
        let fixture = try EngineFixture()
        let json = Bank.blueprint(penalty: 2).replacingOccurrences(
            of: "\"title\": \"Calculs simples\", \"minutes\": 30",
            with: "\"title\": \"Calculs simples\", \"minutes\": 0")
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(file: "ifsi/exams/ifsi-blanc-1.json", reason: "la pénalité (2) doit être entre 0 et 1"),
                BankProblem(
                    file: "ifsi/exams/ifsi-blanc-1.json",
                    reason: "section « calculs » : la durée doit être positive (minutes)"),
            ])
        ) { try fixture.sync(Bank.standard(blueprint: json)) }
    }

    @Test func aBlueprintMustBeNamedAfterItsIdAndSitInItsTrack() throws {
        let fixture = try EngineFixture()
        var files = Bank.standard()
        files[2].path = "as/exams/autre.json"
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(
                    file: "as/exams/autre.json",
                    reason: "l'identifiant « ifsi-blanc-1 » ne correspond pas au nom du fichier « autre.json »"),
                BankProblem(
                    file: "as/exams/autre.json",
                    reason: "la filière « ifsi » ne correspond pas au dossier « as »"),
            ])
        ) { try fixture.sync(files) }
    }

    @Test func anExamWhoseBlueprintIsGoneIsRetired() throws {
        let fixture = try EngineFixture()
        try fixture.sync(Bank.standard())
        let report = try fixture.sync(Array(Bank.standard().prefix(2)))
        #expect(report.examsRetired == 1)
        #expect(try ExamStore(fixture.db).activeExams().isEmpty)
        #expect(try ExamStore(fixture.db).blueprint(id: "ifsi-blanc-1") != nil)
        #expect(throws: AttemptError.examUnavailable) {
            try fixture.service().start(examID: "ifsi-blanc-1", owner: .user(1), now: fixture.now)
        }
    }

    @Test func theBankFolderIsReadFromDisk() throws {
        let fixture = try EngineFixture()
        let root = fixture.directory.appendingPathComponent("QuestionBanks")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("ifsi/exams"), withIntermediateDirectories: true)
        for file in Bank.standard() {
            try file.contents.write(to: root.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
        }
        try "notes".write(to: root.appendingPathComponent("ifsi/selection.md"), atomically: true, encoding: .utf8)
        let files = try BankSync.files(under: root)
        #expect(files.map(\.path) == ["ifsi/calculs.gift", "ifsi/culture.gift", "ifsi/exams/ifsi-blanc-1.json"])
        let report = try BankSync(db: fixture.db).sync(root: root, now: fixture.now)
        #expect(
            report.summary
                == "24 question(s) ajoutée(s), 0 modifiée(s), 0 inchangée(s), 0 retirée(s), 0 rétablie(s) ; "
                + "1 épreuve(s) chargée(s), 0 retirée(s)")
    }
}

@Suite struct ActiveExamsTests {
    @Test func theCatalogueFollowsImportsRetirementsAndNewTitles() throws {
        let fixture = try EngineFixture()
        let store = ExamStore(fixture.db)
        try fixture.sync(Bank.standard())
        #expect(try store.activeBlueprints(track: .ifsi).map(\.id) == ["ifsi-blanc-1"])
        #expect(try store.activeBlueprints(track: .ifsi).map(\.id) == ["ifsi-blanc-1"], "the same, kept")
        #expect(try store.activeBlueprints(track: .as).isEmpty)

        let second = Bank.blueprint(id: "ifsi-blanc-2").replacingOccurrences(of: "n° 1", with: "n° 2")
        try fixture.sync(Bank.standard() + [BankSync.File(path: "ifsi/exams/ifsi-blanc-2.json", contents: second)])
        #expect(try Set(store.activeBlueprints(track: .ifsi).map(\.id)) == ["ifsi-blanc-1", "ifsi-blanc-2"])
        #expect(try store.activeBlueprints().count == 2)

        let renamed = Bank.blueprint().replacingOccurrences(of: "Épreuve blanche", with: "Concours blanc")
        try fixture.sync(Bank.standard(blueprint: renamed))
        let active = try store.activeBlueprints(track: .ifsi)
        #expect(active.map(\.id) == ["ifsi-blanc-1"], "ifsi-blanc-2 is retired")
        #expect(active.first?.title == "Concours blanc IFSI n° 1")
    }
}
