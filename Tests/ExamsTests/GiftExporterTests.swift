import Foundation
import Testing

@testable import Exams

struct GiftExporterTests {
    /// Questions using every feature the exporter must carry.
    static let sample = """
        $CATEGORY: ifsi/calculs

        // [id:q-1] [tag:niveau-1] [tag:dose]
        ::Dosage \\: titre::[html]<p>Combien de \\{mL\\} ?</p>{
            =%100%[plain]5 mL#[html]<b>Oui</b>
            ~4 mL#Non \\# erreur
            ~%-25%%3 mL
            ####Règle de trois.
        }

        ::Multi::Quels nombres sont pairs ? {~%50%2 ~%50%4 ~%-100%3 ~5}

        ::VF::La Terre est plate.{F#Perdu.#Bravo.####Évident.}

        ::VF2::Vrai ?{TRUE##Bravo.}

        $CATEGORY: as/francais

        // [unit:mL]
        ::Num::Volume ? {#=%100%12:0.5#bien =%50%10..14#presque ~#non}

        ::Court::La capitale est {=Paris =%50%paris* ####Voir la carte.} depuis longtemps.

        ::Paires::Associez.{=a -> 1 =b -> 2 = -> 3}

        ::Essai::Racontez.{####Attendu : un récit.}

        ::Intro::[markdown]Lisez **bien**\\nla suite.

        Ligne 1 \\\\ avec anti-slash et « guillemets » {=un\\=deux}
        """

    @Test func exportOfTheSampleParsesBackToTheSameQuestions() throws {
        let original = try GiftParser.parse(Self.sample, file: "sample.gift").questions
        #expect(original.count == 10)
        let exported = GiftExporter.export(original)
        let reparsed = try GiftParser.parse(exported, file: "export.gift").questions
        #expect(reparsed == original)
    }

    @Test func exportOfEveryCorpusFileParsesBackToTheSameQuestions() throws {
        let files = GiftCorpus.files(in: "peg", extension: ".gift") + GiftCorpus.files(in: "moodle", extension: ".txt")
        #expect(files.count >= 46)
        var passed = 0
        for file in files {
            let original = try GiftParser.parseFile(at: file).questions
            let exported = GiftExporter.export(original)
            let reparsed = try GiftParser.parse(exported, file: file.lastPathComponent).questions
            #expect(reparsed == original, "\(file.lastPathComponent)")
            if reparsed == original { passed += 1 }
        }
        print("GIFT round trip over corpus files: \(passed)/\(files.count)")
    }

    @Test func exportWritesMoodleStyleGift() throws {
        let question = Question(
            id: "x", title: "Choix", kind: .singleChoice, stem: QuestionText("2 + 2 = ?"),
            choices: [Choice(text: QuestionText("4"), weight: 100), Choice(text: QuestionText("5"), weight: 0)],
            tags: ["niveau-1"])
        #expect(GiftExporter.export(question) == "// [tag:niveau-1]\n::Choix::2 + 2 \\= ?{\n\t=4\n\t~5\n}")
    }

    @Test func missingWordIsExportedWithTheBlockInPlace() throws {
        let question = try #require(try GiftParser.parse("Il a {=10} ans.", file: "t.gift").questions.first)
        #expect(GiftExporter.export(question) == "Il a {\n\t=10\n} ans.")
    }
}
