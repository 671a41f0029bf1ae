import Foundation
import Testing

@testable import Exams

struct GiftParserTests {
    private func parse(_ source: String) throws -> [Question] {
        try GiftParser.parse(source, file: "banque.gift").questions
    }

    private func problems(_ source: String) -> [String] {
        do {
            _ = try GiftParser.parse(source, file: "banque.gift")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func idTagsUnitAndCategoryComeFromCommentsAndCategoryLine() throws {
        let source = """
            $CATEGORY: $course$/top/ifsi/calculs/dosages

            // [id:dose-01] [tag:niveau-3] [tag:calcul]
            // [unit:mL]
            ::Dose::Combien de mL ? {#2,5:0,1}

            ::Sans id::Vrai ? {T}
            """
        let questions = try parse(source)
        #expect(questions.count == 2)
        #expect(questions[0].id == "dose-01")
        #expect(questions[0].idNumber == "dose-01")
        #expect(questions[0].category == "ifsi/calculs/dosages")
        #expect(questions[0].tags == ["niveau-3", "calcul"])
        #expect(questions[0].difficulty == 3)
        #expect(questions[0].unit == "mL")
        #expect(questions[0].numericalAnswers == [NumericalAnswer(.value(2.5, tolerance: 0.1))])
        #expect(questions[1].id == "sans-id")
        #expect(questions[1].idNumber == nil)
        #expect(questions[1].difficulty == 2)
    }

    @Test func derivedIdsComeFromTitleThenStemAndRepeatsGetASuffix() throws {
        let questions = try parse("::Élève motivé::Q ? {T}\n\n::Élève motivé::Q ? {F}\n\nL'œuvre d'Émile ? {T}")
        #expect(questions.map(\.id) == ["eleve-motive", "eleve-motive-2", "l-oeuvre-d-emile"])
    }

    @Test func categoryLineFollowedDirectlyByAQuestionReadsBoth() throws {
        let document = try GiftParser.parse("$CATEGORY: as/francais\nQuestion ? {T}", file: "b.gift")
        #expect(document.items.count == 2)
        #expect(document.questions[0].category == "as/francais")
    }

    @Test func missingWordKeepsTextAroundTheBlank() throws {
        let question = try #require(try parse("La dose est de {=2 =deux} comprimés.").first)
        #expect(question.kind == .shortAnswer)
        #expect(question.stem.text == "La dose est de _____ comprimés.")
        #expect(question.blankOffset == 15)
    }

    @Test func escapesAndLiteralNewlineAreDecoded() throws {
        let question = try #require(try parse(#"Calcul \: 2 \= 1 \+ 1 \{ok\} \\ fin\nligne {T}"#).first)
        #expect(question.stem.text == "Calcul : 2 = 1 \\+ 1 {ok} \\ fin\nligne")
    }

    @Test func answersInheritTheStemFormatUnlessTheyNameOne() throws {
        let question = try #require(try parse("[html]<p>Q</p>{=<b>a</b>#<i>bien</i> ~[plain]b}").first)
        #expect(question.stem == QuestionText("<p>Q</p>", format: .html))
        #expect(question.choices[0].text.format == .html)
        #expect(question.choices[0].feedback == QuestionText("<i>bien</i>", format: .html))
        #expect(question.choices[1].text == QuestionText("b", format: .plain))
    }

    @Test func multilineAnswersKeepTheirLines() throws {
        let question = try #require(try parse("[markdown]Q{\n=ligne 1\nligne 2#bravo\n}").first)
        #expect(
            question.shortAnswers == [
                ShortAnswer(text: "ligne 1\nligne 2", feedback: QuestionText("bravo", format: .markdown))
            ])
    }

    @Test func weightsCanBeNegativeAndDecimal() throws {
        let question = try #require(try parse("Q ? {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}").first)
        #expect(question.kind == .multipleChoice)
        #expect(question.choices.map(\.weight) == [33.33333, 33.33333, 33.33334, -100])
    }

    @Test func everyProblemOfAFileIsReportedWithItsLineInFrench() {
        let source = """
            Première {=a ~b

            ::Titre sans fin Q ? {T}

            Q ? {~a ~b}

            Q ? {=a -> b}

            Q ? } {

            Q ? {#abc}

            Q ? {#2,500}

            // [tag:niveau-4]
            Q ? {~%150%a =b}

            Q ? {~%50%a ~%25%b}

            Q ? {=a} et {=b}

            // [id:x]
            A ? {T}

            // [id:x]
            B ? {T}
            """
        #expect(
            problems(source) == [
                "banque.gift, ligne 1 : accolade fermante « } » manquante",
                "banque.gift, ligne 3 : titre non fermé : « :: » manquant après le titre",
                "banque.gift, ligne 5 : la somme des poids positifs doit faire 100 % (ici 0 %)"
                    + " dans une question à réponses multiples",
                "banque.gift, ligne 7 : un appariement demande au moins deux paires",
                "banque.gift, ligne 9 : accolade fermante « } » sans accolade ouvrante « { »",
                "banque.gift, ligne 11 : nombre illisible « abc » : "
                    + "« abc » n'est pas un nombre : écrivez par exemple 2,5 ou 2500.",
                "banque.gift, ligne 13 : nombre illisible « 2,500 » : « 2,500 » est ambigu : "
                    + "écrivez « 2,5 » pour un nombre décimal ou « 2500 » pour un nombre entier.",
                "banque.gift, ligne 16 : poids hors limites « %150% » : il doit être entre -100 % et 100 %",
                "banque.gift, ligne 18 : la somme des poids positifs doit faire 100 % (ici 75 %)"
                    + " dans une question à réponses multiples",
                "banque.gift, ligne 20 : un seul bloc de réponses {…} par question"
                    + " (écrivez \\{ ou \\} dans un texte)",
                "banque.gift, ligne 26 : identifiant « x » déjà utilisé ligne 23",
            ])
    }

    @Test func unknownDifficultyAndMisplacedUnitAreReported() {
        #expect(
            problems("// [tag:niveau-4]\nQ ? {T}") == [
                "banque.gift, ligne 2 : niveau de difficulté inconnu « niveau-4 » : "
                    + "écrivez niveau-1, niveau-2 ou niveau-3"
            ])
        #expect(
            problems("// [unit:mL]\nQ ? {T}") == [
                "banque.gift, ligne 2 : unité « mL » indiquée pour une question qui n'est pas numérique"
            ])
    }

    @Test func aFileWithOneErrorYieldsNoQuestion() {
        #expect(throws: QuestionImportError.self) {
            try GiftParser.parse("Bonne ? {T}\n\nMauvaise ? {T", file: "b.gift")
        }
    }

    @Test func choiceQuestionNeedsTwoAnswersAndNoLeadingText() {
        #expect(
            problems("Q ? {~a}") == [
                "banque.gift, ligne 1 : une question à choix demande au moins deux réponses"
            ])
        #expect(
            problems("Q ? {oups ~a =b}") == [
                "banque.gift, ligne 1 : texte avant la première réponse : « oups »"
                    + " (chaque réponse commence par = ou ~)"
            ])
    }

    @Test func nonUTF8FileIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).gift")
        try Data([0x51, 0xE9, 0x20, 0x7B, 0x54, 0x7D]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            throws: QuestionImportError(problems: [
                ImportProblem(
                    file: url.lastPathComponent, line: 1,
                    reason: "fichier illisible : il doit être enregistré en UTF-8"
                )
            ])
        ) {
            try GiftParser.parseFile(at: url)
        }
    }
}
