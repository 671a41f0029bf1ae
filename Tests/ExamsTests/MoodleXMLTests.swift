import Foundation
import Testing

@testable import Exams

struct MoodleXMLTests {
    static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category">
            <category><text>$course$/top/ifsi/calculs</text></category>
          </question>
          <question type="multichoice">
            <name><text>Dose</text></name>
            <questiontext format="html"><text><![CDATA[<p>Combien de <b>mL</b> ?</p>]]></text></questiontext>
            <generalfeedback format="html"><text>Règle de trois &amp; produit en croix.</text></generalfeedback>
            <idnumber>dose-1</idnumber>
            <single>true</single>
            <answer fraction="100" format="html"><text>5 mL</text>
              <feedback format="html"><text>Oui</text></feedback></answer>
            <answer fraction="-25" format="plain_text"><text>4 mL</text></answer>
            <tags><tag><text>niveau-3</text></tag></tags>
          </question>
          <question type="multichoice">
            <name><text>Pairs</text></name>
            <questiontext format="moodle_auto_format"><text>Nombres pairs ?</text></questiontext>
            <single>false</single>
            <answer fraction="50"><text>2</text></answer>
            <answer fraction="50"><text>4</text></answer>
            <answer fraction="-100"><text>3</text></answer>
          </question>
          <question type="truefalse">
            <name><text>VF</text></name>
            <questiontext format="moodle_auto_format"><text>La Terre est plate.</text></questiontext>
            <answer fraction="0"><text>true</text><feedback><text>Perdu.</text></feedback></answer>
            <answer fraction="100"><text>false</text><feedback><text>Bravo.</text></feedback></answer>
          </question>
          <question type="shortanswer">
            <name><text>Capitale</text></name>
            <questiontext format="moodle_auto_format"><text>Capitale de la France ?</text></questiontext>
            <answer fraction="100"><text>Paris</text></answer>
            <answer fraction="0"><text>*</text><feedback><text>Non.</text></feedback></answer>
          </question>
          <question type="numerical">
            <name><text>Volume</text></name>
            <questiontext format="moodle_auto_format"><text>Volume ?</text></questiontext>
            <answer fraction="100"><text>12</text><tolerance>0.5</tolerance></answer>
            <answer fraction="0"><text>*</text><tolerance>0</tolerance><feedback><text>Non.</text></feedback></answer>
            <units><unit><multiplier>1</multiplier><unit_name>mL</unit_name></unit></units>
          </question>
          <question type="matching">
            <name><text>Paires</text></name>
            <questiontext format="moodle_auto_format"><text>Associez.</text></questiontext>
            <subquestion format="html"><text>a</text><answer><text>1</text></answer></subquestion>
            <subquestion format="html"><text>b</text><answer><text>2</text></answer></subquestion>
            <subquestion format="html"><text></text><answer><text>3</text></answer></subquestion>
          </question>
          <question type="essay">
            <name><text>Essai</text></name>
            <questiontext format="markdown"><text>Racontez **tout**.</text></questiontext>
          </question>
          <question type="description">
            <name><text>Intro</text></name>
            <questiontext format="plain_text"><text>Lisez bien.</text></questiontext>
          </question>
        </quiz>
        """

    @Test func moodleXMLImportReadsEveryQuestionType() throws {
        let questions = try MoodleXMLImporter.parse(Data(Self.sample.utf8), file: "quiz.xml")
        #expect(
            questions.map(\.kind) == [
                .singleChoice, .multipleChoice, .trueFalse, .shortAnswer, .numerical, .matching, .essay, .description,
            ])
        let dose = questions[0]
        #expect(dose.id == "dose-1" && dose.title == "Dose" && dose.category == "ifsi/calculs")
        #expect(dose.stem == QuestionText("<p>Combien de <b>mL</b> ?</p>", format: .html))
        #expect(dose.generalFeedback == QuestionText("Règle de trois & produit en croix.", format: .html))
        #expect(
            dose.choices == [
                Choice(
                    text: QuestionText("5 mL", format: .html), weight: 100, feedback: QuestionText("Oui", format: .html)
                ),
                Choice(text: QuestionText("4 mL", format: .plain), weight: -25),
            ])
        #expect(dose.difficulty == 3)
        #expect(questions[1].id == "pairs")
        #expect(
            questions[2].trueFalse
                == TrueFalseAnswer(
                    isTrue: false, feedbackWhenTrue: QuestionText("Perdu."), feedbackWhenFalse: QuestionText("Bravo.")))
        #expect(questions[3].shortAnswers.map(\.text) == ["Paris", "*"])
        #expect(
            questions[4].numericalAnswers == [
                NumericalAnswer(.value(12, tolerance: 0.5)),
                NumericalAnswer(.any, weight: 0, feedback: QuestionText("Non.")),
            ])
        #expect(questions[4].unit == "mL")
        #expect(questions[5].matchPairs.last == MatchPair(item: QuestionText("", format: .html), answer: "3"))
    }

    @Test func moodleXMLRoundTripGivesTheSameQuestions() throws {
        let first = try MoodleXMLImporter.parse(Data(Self.sample.utf8), file: "quiz.xml")
        let exported = MoodleXMLExporter.export(first)
        let second = try MoodleXMLImporter.parse(Data(exported.utf8), file: "export.xml")
        #expect(second == first)
        #expect(MoodleXMLExporter.export(second) == exported)
    }

    @Test func giftCorpusSurvivesAMoodleXMLRoundTripUpToWhatXMLCannotSay() throws {
        var files = 0
        for file in GiftCorpus.files(in: "moodle", extension: ".txt") + GiftCorpus.files(in: "peg", extension: ".gift")
        {
            let original = try GiftParser.parseFile(at: file).questions.map(Self.xmlComparable)
            let reparsed = try MoodleXMLImporter.parse(Data(MoodleXMLExporter.export(original).utf8), file: "x.xml")
            #expect(reparsed == original, "\(file.lastPathComponent)")
            files += 1
        }
        #expect(files >= 46)
    }

    /// What Moodle XML keeps of a GIFT question: a name always, no blank position, intervals as midpoint.
    static func xmlComparable(_ question: Question) -> Question {
        var question = question
        question.title = question.name
        question.blankOffset = nil
        question.numericalAnswers = question.numericalAnswers.map { answer in
            var answer = answer
            if case .interval(let low, let high) = answer.accepted {
                answer.accepted = .value((low + high) / 2, tolerance: (high - low) / 2)
            }
            return answer
        }
        return question
    }

    @Test func unsupportedTypesAndBadXMLAreReportedWithTheirLine() {
        let cloze = "<quiz>\n<question type=\"multianswer\"><name><text>C</text></name></question>\n</quiz>"
        #expect(
            throws: QuestionImportError(problems: [
                ImportProblem(file: "q.xml", line: 2, reason: "type de question non pris en charge « multianswer »")
            ])
        ) {
            try MoodleXMLImporter.parse(Data(cloze.utf8), file: "q.xml")
        }
        do {
            _ = try MoodleXMLImporter.parse(Data("<quiz>\n<question>".utf8), file: "q.xml")
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].reason.hasPrefix("XML illisible : "))
        }
    }
}
