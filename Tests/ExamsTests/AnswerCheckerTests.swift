import Testing

@testable import Exams

struct AnswerCheckerTests {
    private func question(_ gift: String) throws -> Question {
        try #require(try GiftParser.parse(gift, file: "t.gift").questions.first)
    }

    @Test func singleChoiceScoresThePickedOptionIncludingANegativeWeight() throws {
        let question = try question("Q ? {=bon ~faux ~%-50%piège ~%50%moitié}")
        #expect(AnswerChecker.score(.choice(0), for: question) == 1)
        #expect(AnswerChecker.score(.choice(1), for: question) == 0)
        #expect(AnswerChecker.score(.choice(2), for: question) == -0.5)
        #expect(AnswerChecker.score(.choice(3), for: question) == 0.5)
        #expect(AnswerChecker.score(.choice(9), for: question) == 0)
    }

    @Test func multipleChoiceSumsTheTickedWeightsClampedToZeroAndOne() throws {
        let question = try question("Q ? {~%50%a ~%50%b ~%-100%c ~d}")
        #expect(AnswerChecker.score(.choices([0, 1]), for: question) == 1)
        #expect(AnswerChecker.score(.choices([0]), for: question) == 0.5)
        #expect(AnswerChecker.score(.choices([0, 2]), for: question) == 0)
        #expect(AnswerChecker.score(.choices([0, 1, 3]), for: question) == 1)
        #expect(AnswerChecker.score(.choices([]), for: question) == 0)
    }

    @Test func trueFalseScoresOneOrZero() throws {
        let question = try question("Q ? {F}")
        #expect(AnswerChecker.score(.trueFalse(false), for: question) == 1)
        #expect(AnswerChecker.score(.trueFalse(true), for: question) == 0)
    }

    @Test func shortAnswerIgnoresCaseAccentsAndSpacesAndTakesTheBestWeight() throws {
        let question = try question("Q ? {=Élève   infirmier =%50%eleve* =%10%*}")
        #expect(AnswerChecker.score(.text("  eleve INFIRMIER "), for: question) == 1)
        #expect(AnswerChecker.score(.text("élève aide"), for: question) == 0.5)
        #expect(AnswerChecker.score(.text("autre"), for: question) == 0.1)
        let apostrophe = try self.question("Q ? {=l'œuvre}")
        #expect(AnswerChecker.score(.text("L’OEUVRE"), for: apostrophe) == 1)
        #expect(AnswerChecker.score(.text("l'oeuvr"), for: apostrophe) == 0)
    }

    @Test func wildcardMatchesLikeMoodle() {
        #expect(AnswerChecker.matches("paris", pattern: "par*"))
        #expect(AnswerChecker.matches("a*b", pattern: "a\\*b"))
        #expect(!AnswerChecker.matches("axb", pattern: "a\\*b"))
        #expect(AnswerChecker.matches("abc", pattern: "*b*"))
        #expect(!AnswerChecker.matches("abc", pattern: "*d*"))
    }

    @Test func numericalAcceptsDecimalCommaToleranceIntervalAndTheQuestionUnit() throws {
        var question = try question("Q ? {#=12:0,5 =%50%10..14 ~#non}")
        question.unit = "mL"
        #expect(AnswerChecker.score(.text("12,4"), for: question) == 1)
        #expect(AnswerChecker.score(.text("11.5 mL"), for: question) == 1)
        #expect(AnswerChecker.score(.text("13mL"), for: question) == 0.5)
        #expect(AnswerChecker.score(.text("20"), for: question) == 0)
        #expect(AnswerChecker.score(.text("12 mg"), for: question) == 0)
        #expect(AnswerChecker.score(.text("1 000"), for: question) == 0)
    }

    @Test func numericalToleranceSurvivesFloatingPointRounding() throws {
        let question = try question("Q ? {#0.3:0.1}")
        #expect(AnswerChecker.score(.text("0,4"), for: question) == 1)
        #expect(AnswerChecker.score(.text("0,2"), for: question) == 1)
        #expect(AnswerChecker.score(.text("0,41"), for: question) == 0)
    }

    @Test func matchingScoresTheShareOfRightPairsIgnoringDistractors() throws {
        let question = try question("Q ? {=a -> 1 =b -> 2 =c -> 3 = -> 4}")
        #expect(AnswerChecker.score(.matching([0: "1", 1: "2", 2: "3"]), for: question) == 1)
        #expect(AnswerChecker.score(.matching([0: "1", 1: "4"]), for: question) == 1.0 / 3)
    }

    @Test func essayAndDescriptionAreNotScoredAndAWrongShapeScoresZero() throws {
        #expect(AnswerChecker.score(.text("récit"), for: try question("Racontez.{}")) == nil)
        #expect(AnswerChecker.score(.text(""), for: try question("Lisez.")) == nil)
        #expect(AnswerChecker.score(.text("vrai"), for: try question("Q ? {T}")) == 0)
    }
}
