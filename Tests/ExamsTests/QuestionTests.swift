import Foundation
import Testing

@testable import Exams

struct QuestionTests {
    private let question = Question(
        id: "q", title: "T", category: "ifsi", kind: .singleChoice, stem: QuestionText("2 + 2 ?"),
        choices: [Choice(text: QuestionText("4"), weight: 100), Choice(text: QuestionText("5"), weight: 0)],
        tags: ["niveau-1"])

    @Test func digestMatchesTheFIPSVectors() {
        #expect(
            QuestionDigest.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(QuestionDigest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(QuestionDigest.sha256Hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func contentHashIgnoresIdTitleCategoryAndTags() {
        var moved = question
        moved.id = "autre"
        moved.title = nil
        moved.category = "as"
        moved.tags = []
        #expect(moved.contentHash == question.contentHash)
        #expect(question.contentHash.count == 64)
    }

    @Test func contentHashChangesWithWhatTheCandidateSeesOrScoringUses() {
        var reworded = question
        reworded.stem.text = "2 + 2 = ?"
        var reweighted = question
        reweighted.choices[1].weight = -25
        var reformatted = question
        reformatted.stem.format = .html
        let hashes = Set([question, reworded, reweighted, reformatted].map(\.contentHash))
        #expect(hashes.count == 4)
    }

    @Test func contentHashIsStableAcrossRuns() {
        #expect(question.contentHash == "8bc90d4c882a0f88514d695cde9b9bb02f7b922c1c5b654b6b7205ad8c0e4296")
    }

    @Test func difficultyComesFromTheNiveauTagAndDefaultsToTwo() {
        #expect(question.difficulty == 1)
        var other = question
        other.tags = ["Niveau-3"]
        #expect(other.difficulty == 3)
        other.tags = []
        #expect(other.difficulty == 2)
    }

    @Test func nameFallsBackOnTheStemWithoutMarkup() {
        var untitled = question
        untitled.title = nil
        untitled.stem = QuestionText("<p>Quelle   est la <b>dose</b> ?</p>", format: .html)
        #expect(untitled.name == "Quelle est la dose ?")
    }

    @Test func questionsSurviveJSONCoding() throws {
        let questions = try GiftParser.parse(GiftExporterTests.sample, file: "s.gift").questions
        let decoded = try JSONDecoder().decode([Question].self, from: JSONEncoder().encode(questions))
        #expect(decoded == questions)
    }

    @Test func categoryPathDropsMoodleContextAndTop() {
        #expect(
            QuestionIdentity.categoryPath(fromMoodle: "$course$/top/ifsi/calculs/dosages") == "ifsi/calculs/dosages")
        #expect(QuestionIdentity.categoryPath(fromMoodle: "$module$/ifsi/ calculs /") == "ifsi/calculs")
        #expect(QuestionIdentity.categoryPath(fromMoodle: "ifsi/top") == "ifsi/top")
    }
}
