import Foundation
import Testing

@testable import Exams

/// Inputs found by `scripts/fuzz.sh`: Moodle XML that crashed the process inside `XMLParser`
/// (swift-corelibs-foundation force-unwraps names as UTF-8 and reads a missing instruction's data),
/// and text that the exporters wrote back changed: a GIFT short answer with `->` (read back as
/// matching), a GIFT category with a `\n` escape (its line split in two), and Moodle XML where a
/// `Character` hid a scalar: `\r\n` read back as `\n`, `<` before a combining mark left unescaped,
/// a category `/` before one not split (read back under `top/`).
struct FuzzRegressionTests {
    @Test func combiningMarkAfterASlashDoesNotHideTheCategorySeparator() throws {
        let xml = """
            <quiz>
            <question type="category"><category><text>$course$/top/\u{0301}Accent/Suite</text></category></question>
            <question type="essay"><name><text>E</text></name><questiontext><text>Q</text></questiontext></question>
            </quiz>
            """
        let questions = try MoodleXMLImporter.parse(Data(xml.utf8), file: "q.xml")
        #expect(questions.map(\.category) == ["\u{0301}Accent/Suite"])

        let exported = MoodleXMLExporter.export(questions)
        let reimported = try MoodleXMLImporter.parse(Data(exported.utf8), file: "export.xml")
        #expect(reimported.map(\.category) == ["\u{0301}Accent/Suite"])
    }

    @Test func lessThanFollowedByACombiningMarkIsEscapedInMoodleXML() throws {
        let question = Question(id: "q", kind: .essay, stem: QuestionText("MDPH <\u{030B}ext & co"))

        let exported = MoodleXMLExporter.export([question])
        #expect(exported.contains("<text>MDPH &lt;\u{030B}ext &amp; co</text>"))
        let reimported = try MoodleXMLImporter.parse(Data(exported.utf8), file: "export.xml")
        #expect(reimported.map(\.stem.text) == ["MDPH <\u{030B}ext & co"])
    }

    @Test func carriageReturnBeforeALineFeedSurvivesAMoodleXMLRoundTrip() throws {
        let question = Question(id: "q", kind: .essay, stem: QuestionText("Ligne 1\r\nLigne 2\rFin"))

        let exported = MoodleXMLExporter.export([question])
        #expect(exported.contains("<text>Ligne 1&#13;\nLigne 2&#13;Fin</text>"))
        let reimported = try MoodleXMLImporter.parse(Data(exported.utf8), file: "export.xml")
        #expect(reimported.map(\.stem.text) == ["Ligne 1\r\nLigne 2\rFin"])
    }

    @Test func lineBreakInACategoryBecomesASpaceSoTheExportKeepsOneCategoryLine() throws {
        let source = "$CATEGORY: $course$/Concours\\nES\n\n::q::Vrai ? {T}\n"
        let original = try GiftParser.parse(source, file: "q.gift").questions
        #expect(original.map(\.category) == ["Concours ES"])

        let exported = GiftExporter.export(original)
        #expect(exported == "$CATEGORY: Concours ES\n\n::q::Vrai ?{TRUE}\n")
        #expect(try GiftParser.parse(exported, file: "export.gift").questions == original)
    }

    @Test func loneShortAnswerWithAnArrowIsExportedWithoutItsEqualsSign() throws {
        let source = "::nombre::Combien ? {Pôle emploi -> chômage}\n"
        let original = try GiftParser.parse(source, file: "q.gift").questions
        #expect(original.map(\.kind) == [.shortAnswer])

        let exported = GiftExporter.export(original)
        #expect(exported == "::nombre::Combien ?{\n\tPôle emploi -> chômage\n}\n")
        #expect(try GiftParser.parse(exported, file: "export.gift").questions == original)
    }

    @Test func arrowsInSeveralShortAnswersAreWrittenApartToStayShortAnswers() throws {
        let question = Question(
            id: "sigle", kind: .shortAnswer, stem: QuestionText("Flèche ?"),
            shortAnswers: [ShortAnswer(text: "A -> B"), ShortAnswer(text: "C", weight: 50)],
            generalFeedback: QuestionText("x -> y"))

        let exported = GiftExporter.export(question)
        #expect(exported == "Flèche ?{\n\t=A - > B\n\t=%50%C\n\t####x - > y\n}")
        let reparsed = try GiftParser.parse(exported, file: "export.gift").questions
        #expect(reparsed.map(\.kind) == [.shortAnswer])
        #expect(reparsed.first?.shortAnswers.map(\.text) == ["A - > B", "C"])
    }

    @Test func elementNameThatIsNotUTF8IsRefusedInsteadOfCrashing() {
        let minimized = Data([0x3C, 0xFF, 0x54, 0x20, 0x01])
        #expect(throws: Self.problem(line: 1, "XML illisible : le fichier doit être enregistré en UTF-8")) {
            try MoodleXMLImporter.parse(minimized, file: "q.xml")
        }
    }

    @Test func instructionTargetThatIsNotUTF8IsRefusedWithItsLine() {
        let xml = Data("<quiz>\n<?xm".utf8) + Data([0xFF, 0xFF]) + Data("l version=\"0.0\"?>\n</quiz>".utf8)
        #expect(throws: Self.problem(line: 2, "XML illisible : le fichier doit être enregistré en UTF-8")) {
            try MoodleXMLImporter.parse(xml, file: "q.xml")
        }
    }

    @Test func instructionWithoutDataIsRefusedInsteadOfCrashing() {
        let xml = Data("<?xml version=\"1.0\"?>\n<quiz>\n<?foo?>\n</quiz>".utf8)
        let reason = "XML illisible : instruction de traitement <?...?> non prise en charge"
        #expect(throws: Self.problem(line: 3, reason)) {
            try MoodleXMLImporter.parse(xml, file: "q.xml")
        }
    }

    @Test func instructionAfterABrokenCommentIsRefusedInsteadOfCrashing() {
        let minimized = Data("<o<!--\u{1C}<?x?>".utf8)
        let reason = "XML illisible : instruction de traitement <?...?> non prise en charge"
        #expect(throws: Self.problem(line: 1, reason)) {
            try MoodleXMLImporter.parse(minimized, file: "q.xml")
        }
    }

    @Test func encodingOtherThanUTF8AndNulBytesAreRefused() {
        let utf16 = Data("<?xml version=\"1.0\" encoding='UTF-16'?>\n<quiz/>".utf8)
        let nul = Data("<quiz>\n\0</quiz>".utf8)
        #expect(throws: Self.problem(line: 1, "XML illisible : le fichier doit être enregistré en UTF-8")) {
            try MoodleXMLImporter.parse(utf16, file: "q.xml")
        }
        #expect(throws: Self.problem(line: 2, "XML illisible : le fichier doit être enregistré en UTF-8")) {
            try MoodleXMLImporter.parse(nul, file: "q.xml")
        }
    }

    @Test func declarationWithUTF8AndEscapedInstructionTextAreStillRead() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="utf-8"?>
            <!-- exporté par Moodle -->
            <quiz><question type="essay">
              <name><text>Code &lt;?php ?&gt;</text></name>
              <questiontext><text>Expliquez.</text></questiontext>
            </question></quiz>
            """
        let questions = try MoodleXMLImporter.parse(Data(xml.utf8), file: "q.xml")
        #expect(questions.map(\.title) == ["Code <?php ?>"])
    }

    /// The seed `Fuzz/Corpus/moodlexml/entities.xml`: `XMLParser` dropped `&e;` from the title without a
    /// word, so the file is refused at its document type, and escaped text that spells one is still read.
    @Test func aDocumentTypeIsRefusedRatherThanItsEntitiesDroppedSilently() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE quiz [<!ENTITY e "texte">]>
            <quiz><question type="essay"><name><text>&e;</text></name>
            <questiontext><text>Expliquez.</text></questiontext></question></quiz>
            """
        let reason = "XML illisible : déclaration <!DOCTYPE> non prise en charge (Moodle n'en écrit pas) : retirez-la"
        #expect(throws: Self.problem(line: 2, reason)) {
            try MoodleXMLImporter.parse(Data(xml.utf8), file: "q.xml")
        }
        let escaped = """
            <quiz><question type="essay"><name><text>&lt;!DOCTYPE html&gt;</text></name>
            <questiontext><text>Expliquez.</text></questiontext></question></quiz>
            """
        let questions = try MoodleXMLImporter.parse(Data(escaped.utf8), file: "q.xml")
        #expect(questions.map(\.title) == ["<!DOCTYPE html>"])
    }

    private static func problem(line: Int, _ reason: String) -> QuestionImportError {
        QuestionImportError(problems: [ImportProblem(file: "q.xml", line: line, reason: reason)])
    }
}
