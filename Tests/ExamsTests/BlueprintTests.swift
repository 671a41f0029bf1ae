import Exams
import Foundation
import Testing

@Suite struct BlueprintTests {
    /// The example of the content writers' conventions, verbatim.
    static let writersExample = """
        {
          "id": "ifsi-blanc-1",
          "track": "ifsi",
          "title": "Épreuve blanche IFSI n° 1",
          "summary": "Une phrase qui présente l'épreuve.",
          "access": "premium",
          "shuffleQuestions": true,
          "shuffleOptions": true,
          "sequentialSections": true,
          "review": "after_submit",
          "scoring": { "total": 20, "passMark": 10, "eliminatoryBelow": 8, "penalty": 0 },
          "sections": [
            {
              "id": "culture", "title": "Rédaction et culture sanitaire et sociale", "minutes": 30, "points": 10,
              "eliminatoryBelow": null,
              "draw": [
                { "category": "ifsi/culture/sante-publique", "count": 4 },
                { "category": "ifsi/culture/protection-sociale", "count": 3, "difficulty": [2, 3] }
              ]
            }
          ]
        }
        """

    @Test func theWritersExampleDecodesExactly() throws {
        let blueprint = try Blueprint.decode(Data(Self.writersExample.utf8), file: "ifsi/exams/ifsi-blanc-1.json")
        #expect(blueprint.id == "ifsi-blanc-1")
        #expect(blueprint.track == .ifsi)
        #expect(blueprint.access == .premium)
        #expect(blueprint.review == .afterSubmit)
        #expect(blueprint.scoring == Blueprint.Scoring(total: 20, passMark: 10, eliminatoryBelow: 8, penalty: 0))
        #expect(blueprint.sections.count == 1)
        #expect(blueprint.sections[0].eliminatoryBelow == nil)
        #expect(
            blueprint.sections[0].draw[1]
                == .init(category: "ifsi/culture/protection-sociale", count: 3, difficulty: [2, 3]))
        #expect(blueprint.minutes == 30)
        #expect(blueprint.questionCount == 7)
    }

    @Test func aSingleDifficultyLevelIsReadAsAList() throws {
        let json = Self.writersExample.replacingOccurrences(of: "\"difficulty\": [2, 3]", with: "\"difficulty\": 3")
        let blueprint = try Blueprint.decode(Data(json.utf8), file: "x.json")
        #expect(blueprint.sections[0].draw[1].difficulty == [3])
    }

    @Test func aMissingKeyIsNamedInTheRefusal() {
        let json = Self.writersExample.replacingOccurrences(of: "\"minutes\": 30, ", with: "")
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(file: "ifsi/exams/ifsi-blanc-1.json", reason: "clé « sections[0].minutes » manquante")
            ])
        ) {
            try Blueprint.decode(Data(json.utf8), file: "ifsi/exams/ifsi-blanc-1.json")
        }
    }

    @Test func aValueOfTheWrongTypeIsNamedInTheRefusal() {
        let json = Self.writersExample.replacingOccurrences(of: "\"passMark\": 10", with: "\"passMark\": \"dix\"")
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(file: "a.json", reason: "clé « scoring.passMark » : un nombre attendu")
            ])
        ) {
            try Blueprint.decode(Data(json.utf8), file: "a.json")
        }
    }

    @Test func anUnknownTrackOrReviewPolicyIsNamed() {
        let json = Self.writersExample.replacingOccurrences(of: "\"after_submit\"", with: "\"jamais\"")
        #expect(
            throws: BankSyncError(problems: [
                BankProblem(file: "a.json", reason: "clé « review » : valeur non reconnue")
            ])
        ) {
            try Blueprint.decode(Data(json.utf8), file: "a.json")
        }
    }

    @Test func brokenJSONIsRefused() {
        #expect(throws: BankSyncError.self) { try Blueprint.decode(Data("{ \"id\": ".utf8), file: "a.json") }
        #expect(BankProblem(file: "a.json", reason: "x").description == "a.json : x")
        #expect(BankProblem(file: "a.gift", line: 3, reason: "x").description == "a.gift, ligne 3 : x")
    }

    @Test func aDrawRuleAdmitsItsSubcategoriesAndLevelsOnly() {
        let rule = Blueprint.DrawRule(category: "ifsi/calculs", count: 1, difficulty: [2])
        #expect(rule.admits(category: "ifsi/calculs/dosages", difficulty: 2))
        #expect(rule.admits(category: "ifsi/calculs", difficulty: 2))
        #expect(!rule.admits(category: "ifsi/calculs/dosages", difficulty: 3))
        #expect(!rule.admits(category: "ifsi/calculsbis", difficulty: 2))
    }
}
