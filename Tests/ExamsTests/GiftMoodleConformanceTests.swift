import Foundation
import Testing

@testable import Exams

/// Moodle's own GIFT fixtures (`conformance/gift/moodle`) must parse as Moodle's importer parses them.
///
/// Each expected line was checked against `question/format/gift/format.php`: missing-word stems get
/// `_____` with the surrounding text kept as written (so the two `";` PHP leftovers stay in the stem), the
/// first `#` of a true/false answer is the feedback for a wrong response, `= -> Chat` is a distractor in
/// the question's format, `~#...` in a numerical question is a `*` answer worth 0. Two readings differ
/// from Moodle's storage on purpose and are marked: an interval `3.141..3.142` is kept as an interval
/// (Moodle stores the midpoint 3.1415 with tolerance 0.0005, the same set of numbers), and ids are ours
/// (Moodle has none; the derived-id rule, with `-2` for a repeat, is what the id column checks).
struct GiftMoodleConformanceTests {
    /// One line per question: kind, title, stem, answers, general feedback.
    static func summary(_ question: Question) -> String {
        func fb(_ text: QuestionText?) -> String { text.map { " #\($0.format.rawValue):\($0.text)" } ?? "" }
        func number(_ value: Double) -> String { GiftExporter.number(value) }
        var answers: [String] = []
        switch question.kind {
        case .singleChoice, .multipleChoice:
            answers = question.choices.map {
                "\($0.text.format.rawValue):\($0.text.text) \(number($0.weight))" + fb($0.feedback)
            }
        case .trueFalse:
            let answer = question.trueFalse!
            answers = [
                (answer.isTrue ? "TRUE" : "FALSE") + " true" + fb(answer.feedbackWhenTrue) + " false"
                    + fb(answer.feedbackWhenFalse)
            ]
        case .shortAnswer:
            answers = question.shortAnswers.map { "\($0.text) \(number($0.weight))" + fb($0.feedback) }
        case .numerical:
            answers = question.numericalAnswers.map { answer in
                let accepted: String
                switch answer.accepted {
                case .value(let value, let tolerance): accepted = "\(number(value))±\(number(tolerance))"
                case .interval(let low, let high): accepted = "\(number(low))..\(number(high))"
                case .any: accepted = "*"
                }
                return "\(accepted) \(number(answer.weight))" + fb(answer.feedback)
            }
        case .matching:
            answers = question.matchPairs.map { "\($0.item.format.rawValue):\($0.item.text) -> \($0.answer)" }
        case .essay, .description:
            break
        }
        let blank = question.blankOffset.map { " @\($0)" } ?? ""
        return "\(question.kind.rawValue) | \(question.id) | \(question.title ?? "-") | "
            + "\(question.stem.format.rawValue):\(question.stem.text)\(blank) | \(answers.joined(separator: " ; "))"
            + (question.generalFeedback.map { " | ####\($0.format.rawValue):\($0.text)" } ?? "")
    }

    static let expected: [String: [String]] = [
        "examples.gift.txt": [
            [
                #"singleChoice"#,
                #" | who-s-buried-in-grant-s-tomb"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | moodle:Grant 0"#,
                #" ; moodle:Jefferson 0"#,
                #" ; moodle:no one 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | grant-is-in-grant-s-tomb"#,
                #" | -"#,
                #" | moodle:Grant is _____ in Grant's tomb. @9"#,
                #" | moodle:buried 0"#,
                #" ; moodle:entombed 100"#,
                #" ; moodle:living 0"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | grant-is-buried-in-grant-s-tomb"#,
                #" | -"#,
                #" | moodle:Grant is buried in Grant's tomb."#,
                #" | FALSE true false"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | who-s-buried-in-grant-s-tomb-2"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | no one 100"#,
                #" ; nobody 100"#,
            ].joined(),
            [
                #"numerical"#,
                #" | when-was-ulysses-s-grant-born"#,
                #" | -"#,
                #" | moodle:When was Ulysses S. Grant born?"#,
                #" | 1822±1 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | who-s-buried-in-grant-s-tomb-3"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | moodle:Grant 0"#,
                #" ; moodle:Jefferson 0"#,
                #" ; moodle:no one 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | grant-is-in-grant-s-tomb-2"#,
                #" | -"#,
                #" | moodle:Grant is _____ in Grant's tomb. @9"#,
                #" | moodle:buried 0"#,
                #" ; moodle:entombed 100"#,
                #" ; moodle:living 0"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | the-american-holiday-of-thanksgiving-is-celebrated-on-the"#,
                #" | -"#,
                #" | moodle:The American holiday of Thanksgiving is celebrated on the _____ Thursday of November. "#,
                #"@58"#,
                #" | moodle:second 0"#,
                #" ; moodle:third 0"#,
                #" ; moodle:fourth 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | japanese-characters-originally-came-from-what-country"#,
                #" | -"#,
                #" | moodle:Japanese characters originally came from what country?"#,
                #" | moodle:India 0"#,
                #" ; moodle:China 100"#,
                #" ; moodle:Korea 0"#,
                #" ; moodle:Egypt 0"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | who-s-buried-in-grant-s-tomb-4"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | no one 100"#,
                #" ; nobody 100"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | two-plus-two-equals"#,
                #" | -"#,
                #" | moodle:Two plus two equals _____. @20"#,
                #" | four 100"#,
                #" ; 4 100"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | grant-is-buried-in-grant-s-tomb-2"#,
                #" | -"#,
                #" | moodle:Grant is buried in Grant's tomb."#,
                #" | FALSE true false"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | the-sun-rises-in-the-east"#,
                #" | -"#,
                #" | moodle:The sun rises in the east."#,
                #" | TRUE true false"#,
            ].joined(),
            [
                #"matching"#,
                #" | matching-question"#,
                #" | -"#,
                #" | moodle:Matching Question."#,
                #" | moodle:subquestion1 -> subanswer1"#,
                #" ; moodle:subquestion2 -> subanswer2"#,
                #" ; moodle:subquestion3 -> subanswer3"#,
            ].joined(),
            [
                #"matching"#,
                #" | match-the-following-countries-with-their-corresponding"#,
                #" | -"#,
                #" | moodle:Match the following countries with their corresponding capitals."#,
                #" | moodle:Canada -> Ottawa"#,
                #" ; moodle:Italy -> Rome"#,
                #" ; moodle:Japan -> Tokyo"#,
                #" ; moodle:India -> New Delhi"#,
            ].joined(),
            [
                #"numerical"#,
                #" | when-was-ulysses-s-grant-born-2"#,
                #" | -"#,
                #" | moodle:When was Ulysses S. Grant born?"#,
                #" | 1822±0 100"#,
            ].joined(),
            [
                #"numerical"#,
                #" | what-is-the-value-of-pi-to-3-decimal-places"#,
                #" | -"#,
                #" | moodle:What is the value of pi (to 3 decimal places)? _____. @47"#,
                #" | 3.1415±0.0005 100"#,
            ].joined(),
            [
                #"numerical"#,
                #" | what-is-the-value-of-pi-to-3-decimal-places-2"#,
                #" | -"#,
                #" | moodle:What is the value of pi (to 3 decimal places)? _____. @47"#,
                #" | 3.141..3.142 100"#,
            ].joined(),
            [
                #"numerical"#,
                #" | when-was-ulysses-s-grant-born-3"#,
                #" | -"#,
                #" | moodle:When was Ulysses S. Grant born?"#,
                #" | 1822±0 100"#,
                #" ; 1822±2 50"#,
            ].joined(),
            [
                #"numerical"#,
                #" | what-s-2-plus-2"#,
                #" | -"#,
                #" | moodle:What's 2 plus 2?"#,
                #" | 4±0 100"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | kanji-origins"#,
                #" | Kanji Origins"#,
                #" | moodle:Japanese characters originally\ncame from what country?"#,
                #" | China 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | thanksgiving-date"#,
                #" | Thanksgiving Date"#,
                #" | moodle:The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November."#,
                #" @58"#,
                #" | moodle:second 0"#,
                #" ; moodle:third 0"#,
                #" ; moodle:fourth 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | what-s-the-answer-to-this-multiple-choice-question"#,
                #" | -"#,
                #" | moodle:What's the answer to this multiple-choice question?"#,
                #" | moodle:wrong answer 0 #moodle:feedback comment on the wrong answer"#,
                #" ; moodle:another wrong answer 0 #moodle:feedback comment on this wrong answer"#,
                #" ; moodle:right answer 100 #moodle:Very good!"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | who-s-buried-in-grant-s-tomb-5"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | no one 100 #moodle:excellent answer!"#,
                #" ; nobody 100 #moodle:excellent answer!"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | who-s-buried-in-grant-s-tomb-6"#,
                #" | -"#,
                #" | markdown:Who's buried in **Grant's tomb**?"#,
                #" | no one 100 #markdown:excellent answer!"#,
                #" ; nobody 100 #markdown:excellent answer!"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | grant-is-buried-in-grant-s-tomb-3"#,
                #" | -"#,
                #" | moodle:Grant is buried in Grant's tomb."#,
                #" | FALSE true #moodle:No one is buried in Grant's tomb. false"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | difficult-question"#,
                #" | -"#,
                #" | moodle:Difficult question."#,
                #" | moodle:wrong answer 0"#,
                #" ; moodle:half credit answer 50"#,
                #" ; moodle:full credit answer 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | jesus-hometown"#,
                #" | Jesus' hometown"#,
                #" | moodle:Jesus Christ was from _____. @22"#,
                #" | moodle:Jerusalem 0 #moodle:This was an important city, but the wrong answer."#,
                #" ; moodle:Bethlehem 25 #moodle:He was born here, but not raised here."#,
                #" ; moodle:Galilee 50 #moodle:You need to be more specific."#,
                #" ; moodle:Nazareth 100 #moodle:Yes! That's right!"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | jesus-hometown-2"#,
                #" | Jesus' hometown"#,
                #" | moodle:Jesus Christ was from"#,
                #" | Nazareth 100 #moodle:Yes! That's right!"#,
                #" ; Nazereth 75 #moodle:Right, but misspelled."#,
                #" ; Bethlehem 25 #moodle:He was born here, but not raised here."#,
            ].joined(),
            [
                #"multipleChoice"#,
                #" | what-two-people-are-entombed-in-grant-s-tomb"#,
                #" | -"#,
                #" | moodle:What two people are entombed in Grant's tomb?"#,
                #" | moodle:No one 0"#,
                #" ; moodle:Grant 50"#,
                #" ; moodle:Grant's wife 50"#,
                #" ; moodle:Grant's father 0"#,
            ].joined(),
            [
                #"multipleChoice"#,
                #" | what-two-people-are-entombed-in-grant-s-tomb-2"#,
                #" | -"#,
                #" | moodle:What two people are entombed in Grant's tomb?"#,
                #" | moodle:No one -50"#,
                #" ; moodle:Grant 50"#,
                #" ; moodle:Grant's wife 50"#,
                #" ; moodle:Grant's father -50"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | which-answer-equals-5"#,
                #" | -"#,
                #" | moodle:Which answer equals 5?"#,
                #" | moodle:= 2 + 2 0"#,
                #" ; moodle:= 2 + 3 100"#,
                #" ; moodle:= 2 + 4 0"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | gift-control-characters"#,
                #" | GIFT Control Characters"#,
                #" | moodle:Which of the following is NOT a control character for the GIFT import format?"#,
                #" | moodle:~ 0 #moodle:~ is a control character."#,
                #" ; moodle:= 0 #moodle:= is a control character."#,
                #" ; moodle:# 0 #moodle:# is a control character."#,
                #" ; moodle:{ 0 #moodle:{ is a control character."#,
                #" ; moodle:} 0 #moodle:} is a control character."#,
                #" ; moodle:\ 100 #moodle:Correct! \ (backslash) is not a control character. BUT,\n              i"#,
                #"t is used to escape the control characters. So, to specify\n              a literal backslash, y"#,
                #"ou must escape it with a backslash\n              (as shown in this example)."#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | who-s-buried-in-grant-s-tomb-7"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | moodle:Grant 0"#,
                #" ; moodle:Jefferson 0"#,
                #" ; moodle:no one 100"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | grant-is-in-grant-s-tomb-3"#,
                #" | -"#,
                #" | moodle:Grant is _____ in Grant's tomb. @9"#,
                #" | moodle:buried 0"#,
                #" ; moodle:entombed 100"#,
                #" ; moodle:living 0"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | grant-is-buried-in-grant-s-tomb-4"#,
                #" | -"#,
                #" | moodle:Grant is buried in Grant's tomb."#,
                #" | FALSE true false"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | who-s-buried-in-grant-s-tomb-8"#,
                #" | -"#,
                #" | moodle:Who's buried in Grant's tomb?"#,
                #" | no one 100"#,
                #" ; nobody 100"#,
            ].joined(),
            [
                #"numerical"#,
                #" | when-was-ulysses-s-grant-born-4"#,
                #" | -"#,
                #" | moodle:When was Ulysses S. Grant born?"#,
                #" | 1822±5 100"#,
            ].joined(),
            [
                #"matching"#,
                #" | match-the-following-countries-with-their-corresponding-2"#,
                #" | -"#,
                #" | moodle:Match the following countries with their corresponding\ncapitals."#,
                #" | moodle:Canada -> Ottawa"#,
                #" ; moodle:Italy -> Rome"#,
                #" ; moodle:Japan -> Tokyo"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | grant-s-tomb"#,
                #" | Grant's Tomb"#,
                #" | moodle:Grant is _____ in Grant's tomb. @9"#,
                #" | moodle:buried 0 #moodle:No one is buried there."#,
                #" ; moodle:entombed 100 #moodle:Right answer!"#,
                #" ; moodle:living 0 #moodle:We hope not!"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | difficult-multiple-choice-question"#,
                #" | -"#,
                #" | moodle:Difficult multiple choice question."#,
                #" | moodle:wrong answer 0 #moodle:comment on wrong answer"#,
                #" ; moodle:half credit answer 50 #moodle:comment on answer"#,
                #" ; moodle:full credit answer 100 #moodle:well done!"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | jesus-hometown-short-answer-ex"#,
                #" | Jesus' hometown (Short answer ex.)"#,
                #" | moodle:Jesus Christ was from _____. @22"#,
                #" | Nazareth 100 #moodle:Yes! That's right!"#,
                #" ; Nazereth 75 #moodle:Right, but misspelled."#,
                #" ; Bethlehem 25 #moodle:He was born here, but not raised here."#,
            ].joined(),
            [
                #"numerical"#,
                #" | numerical-example"#,
                #" | Numerical example"#,
                #" | moodle:When was Ulysses S. Grant born?"#,
                #" | 1822±0 100 #moodle:Correct! 100% credit"#,
                #" ; 1822±2 50 #moodle:He was born in 1822.\n                  You get 50% credit for being close."#,
            ].joined(),
        ],
        "questions.gift.txt": [
            [
                #"essay"#,
                #" | q8"#,
                #" | Q8"#,
                #" | moodle:How are you?"#,
                #" | "#,
            ].joined(),
            [
                #"matching"#,
                #" | moodle-activities"#,
                #" | Moodle activities"#,
                #" | html:Match the <b>activity</b> to the description."#,
                #" | html:An activity supporting asynchronous discussions. -> Forum"#,
                #" ; moodle:A teacher asks a question and specifies a choice of multiple responses. -> Choice"#,
                #" ; plain:A bank of record entries which participants can add to. -> Database"#,
                #" ; markdown:A collection of web pages that anyone can add to or edit. -> Wiki"#,
                #" ; html: -> Chat"#,
            ].joined(),
            [
                #"singleChoice"#,
                #" | q2"#,
                #" | Q2"#,
                #" | moodle:What's between orange and green in the spectrum?"#,
                #" | moodle:yellow 100 #moodle:right; good!"#,
                #" ; moodle:red 0 #html:wrong, it's yellow"#,
                #" ; plain:blue 0 #moodle:wrong, it's yellow"#,
            ].joined(),
            [
                #"multipleChoice"#,
                #" | colours"#,
                #" | colours"#,
                #" | moodle:What's between orange and green in the spectrum?"#,
                #" | moodle:yellow 50 #moodle:right; good!"#,
                #" ; moodle:red -100 #html:wrong"#,
                #" ; moodle:off-beige 50 #moodle:right; good!"#,
                #" ; plain:blue -100 #moodle:wrong"#,
            ].joined(),
            [
                #"numerical"#,
                #" | q5"#,
                #" | Q5"#,
                #" | moodle:What is a number from 1 to 5? _____"; @30"#,
                #" | 3±2 100"#,
                #" ; * 0 #moodle:Completely wrong"#,
            ].joined(),
            [
                #"shortAnswer"#,
                #" | shortanswer"#,
                #" | Shortanswer"#,
                #" | moodle:Which is the best animal?"#,
                #" | Frog 100 #moodle:Good!"#,
                #" ; Cat 50 #moodle:What is it with Moodlers and cats?"#,
                #" ; * 0 #moodle:Completely wrong"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | q1"#,
                #" | Q1"#,
                #" | moodle:42 is the Absolute Answer to everything._____"; @40"#,
                #" | FALSE true #moodle:42 is the Ultimate Answer. false #moodle:You gave the right answer."#,
                #" | ####moodle:This is, of course, a Hitchiker's Guide to the Galaxy reference."#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | 2-08-tsl"#,
                #" | 2-08 TSL"#,
                #" | moodle:TSL is blablabla."#,
                #" | TRUE true false"#,
            ].joined(),
            [
                #"trueFalse"#,
                #" | 2-08-tsl-2"#,
                #" | 2-08 TSL"#,
                #" | moodle:TSL is blablabla."#,
                #" | TRUE true false"#,
            ].joined(),
        ],
    ]

    @Test func moodleFixturesParseAsMoodleParsesThem() throws {
        let files = GiftCorpus.files(in: "moodle", extension: ".txt")
        #expect(files.map(\.lastPathComponent) == ["examples.gift.txt", "questions.gift.txt"])
        var passed = 0
        var total = 0
        for file in files {
            let questions = try GiftParser.parseFile(at: file).questions
            let expected = Self.expected[file.lastPathComponent] ?? []
            #expect(questions.count == expected.count, "\(file.lastPathComponent)")
            for (question, line) in zip(questions, expected) {
                total += 1
                let actual = Self.summary(question).replacingOccurrences(of: "\n", with: "\\n")
                if actual == line { passed += 1 }
                #expect(actual == line)
            }
        }
        print("GIFT Moodle fixtures: \(passed)/\(total) questions as Moodle reads them")
        #expect(total == 52)
    }

    @Test func intervalIsTheSameSetOfNumbersMoodleStoresAsMidpointAndTolerance() throws {
        let question = try GiftParser.parse("Pi? {#3.141..3.142}.", file: "t.gift").questions[0]
        let answer = try #require(question.numericalAnswers.first)
        #expect(answer.accepted == .interval(min: 3.141, max: 3.142))
        #expect(answer.accepts(3.1415 - 0.0005) && answer.accepts(3.1415 + 0.0005))
        #expect(!answer.accepts(3.1405) && !answer.accepts(3.1425))
    }
}
