import Testing

@testable import Exams

struct AnswerNumberInputTests {
    @Test func decimalCommaPointSignsAndThousandsSpacesAreRead() throws {
        #expect(try NumberInput.parse("2,5") == 2.5)
        #expect(try NumberInput.parse("2.5") == 2.5)
        #expect(try NumberInput.parse(" -0,75 ") == -0.75)
        #expect(try NumberInput.parse(",5") == 0.5)
        #expect(try NumberInput.parse("1 000") == 1000)
        #expect(try NumberInput.parse("12\u{202F}345,5") == 12345.5)
        #expect(try NumberInput.parse("1 000,500") == 1000.5)
        #expect(try NumberInput.parse("0,500") == 0.5)
        #expect(try NumberInput.parse("2500") == 2500)
        #expect(try NumberInput.parse("2,5000") == 2.5)
    }

    @Test func oneSeparatorBeforeExactlyThreeDigitsIsAmbiguous() {
        #expect(throws: NumberInputError.ambiguous(input: "2,500", decimal: "2,5", integer: "2500")) {
            try NumberInput.parse("2,500")
        }
        #expect(throws: NumberInputError.ambiguous(input: "1.000", decimal: "1", integer: "1000")) {
            try NumberInput.parse("1.000")
        }
        #expect(throws: NumberInputError.ambiguous(input: "-2,125", decimal: "-2,1250", integer: "-2125")) {
            try NumberInput.parse("-2,125")
        }
    }

    @Test func ambiguousMessageTellsWhatToWrite() {
        let error = NumberInputError.ambiguous(input: "2,500", decimal: "2,5", integer: "2500")
        #expect(
            error.message
                == "« 2,500 » est ambigu : écrivez « 2,5 » pour un nombre décimal "
                + "ou « 2500 » pour un nombre entier.")
        #expect(
            NumberInputError.invalid(input: "abc").message
                == "« abc » n'est pas un nombre : écrivez par exemple 2,5 ou 2500.")
        #expect(NumberInputError.empty.message == "Aucun nombre saisi.")
    }

    @Test func malformedNumbersAreRefused() {
        for input in ["abc", "1,000.5", "1.000.000", "2,", "10 00", "1 2345", "--1", "12 mL"] {
            #expect(throws: NumberInputError.invalid(input: input)) { try NumberInput.parse(input) }
        }
        #expect(throws: NumberInputError.empty) { try NumberInput.parse("   ") }
    }

    @Test func theQuestionUnitMayFollowTheNumber() throws {
        #expect(try NumberInput.parse("12 mL", unit: "mL") == 12)
        #expect(try NumberInput.parse("12ml", unit: "mL") == 12)
        #expect(try NumberInput.parse("2,5 mg", unit: "mg") == 2.5)
        #expect(throws: NumberInputError.invalid(input: "12 mg")) { try NumberInput.parse("12 mg", unit: "mL") }
    }
}
