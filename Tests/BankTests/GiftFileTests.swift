import Foundation
import Testing

@testable import Exams

/// The GIFT files of every track import without a single problem.
@Suite struct GiftFileTests {
    @Test(arguments: Track.allCases)
    func everyGiftFileOfTheTrackImportsWithoutProblem(track: Track) throws {
        let bank = try BankFolder.shipped()

        let files = bank.giftFiles[track] ?? []
        #expect(!files.isEmpty, "\(track.rawValue)/ : aucun fichier .gift")

        let problems = bank.problems[track] ?? []
        #expect(problems.isEmpty, "\(problems.count) problème(s) d'import :\n\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: Track.allCases)
    func everyQuestionHasAnExplicitIDAndADifficultyTag(track: Track) throws {
        let bank = try BankFolder.shipped()

        let untagged = bank.questions(of: track).filter { entry in
            entry.question.idNumber == nil
                || !entry.question.tags.contains {
                    QuestionIdentity.difficultyLevel(ofTag: $0).map((1...3).contains) == true
                }
        }

        let list = untagged.map { "\($0.file) : « \($0.question.name) » (\($0.question.id))" }
        #expect(untagged.isEmpty, "sans [id:...] ou sans [tag:niveau-1|2|3] :\n\(list.joined(separator: "\n"))")
    }

    @Test func theWholeBankFolderPassesTheSyncChecks() throws {
        let bank = try BankFolder.shipped()

        let files = try BankSync.files(under: bank.root)

        do {
            _ = try BankContents(files: files)
        } catch let error as BankSyncError {
            Issue.record("\(error.problems.count) problème(s) refuseraient la synchronisation :\n\(error)")
        }
    }
}
