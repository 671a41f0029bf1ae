import Foundation
import Testing

@testable import Exams

/// Locates `../shared/conformance/gift` from the package root, or `$LESOCIAL_SHARED/conformance/gift`.
enum GiftCorpus {
    static func directory(filePath: String = #filePath) -> URL? {
        var folder = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                let candidate = folder.deletingLastPathComponent().appendingPathComponent("shared/conformance/gift")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        if let shared = ProcessInfo.processInfo.environment["LESOCIAL_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("conformance/gift")
        }
        return nil
    }

    static func files(in subfolder: String, extension suffix: String) -> [URL] {
        guard let folder = directory()?.appendingPathComponent(subfolder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// A JSON value compared structurally; booleans compare as the numbers 0 and 1.
enum PEGJSON: Equatable {
    case null, number(Double), string(String), array([PEGJSON]), object([String: PEGJSON])

    init(_ any: Any) {
        switch any {
        case is NSNull: self = .null
        case let string as String: self = .string(string)
        case let bool as Bool where type(of: any) == Bool.self: self = .number(bool ? 1 : 0)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(PEGJSON.init))
        case let object as [String: Any]: self = .object(object.mapValues(PEGJSON.init))
        default: self = .string("\(any)")
        }
    }
}

/// Turns our parse into the schema of the GIFT-grammar-PEG.js corpus (`MoodleQuestionDomainModel.txt`).
///
/// Schema conventions the adapter or the normaliser (applied to both sides) bridge, none of them semantic:
/// - PEG collapses whitespace in `moodle`/`plain` texts; we keep the text as Moodle does;
/// - PEG writes a missing-word blank as ` _____ ` between trimmed halves; Moodle keeps the original spacing;
/// - PEG keeps whether a weight was written (`null` when not); we keep the weight, so a `null` weight is
///   read as the default of its marker (100 for `=`, 0 for `~`);
/// - PEG writes a lone numerical answer `{#1822}` as an object and an exact value as `simple`; both are
///   read as a one-element list and a `range` of tolerance 0;
/// - PEG names the two true/false feedbacks by position (`trueFeedback` is the first `#`); Moodle's
///   importer reads the first as the feedback for a wrong response, so for a TRUE statement it is our
///   `feedbackWhenFalse`.
enum PEGAdapter {
    static func json(_ document: GiftDocument) -> [Any] {
        document.items.map { item -> Any in
            switch item {
            case .category(let raw, _): return ["type": "Category", "title": raw]
            case .question(let question): return json(question)
            }
        }
    }

    static func json(_ question: Question) -> [String: Any] {
        let format = question.stem.format
        var result: [String: Any] = [
            "id": question.idNumber ?? NSNull(), "tags": question.tags.isEmpty ? NSNull() : question.tags,
            "title": question.title ?? NSNull(), "stem": rich(stem(question)),
            "hasEmbeddedAnswers": question.blankOffset != nil,
        ]
        if question.kind != .description { result["globalFeedback"] = rich(question.generalFeedback) }
        switch question.kind {
        case .singleChoice, .multipleChoice:
            result["type"] = "MC"
            result["choices"] = question.choices.map { choice in
                choiceJSON(
                    correct: question.kind == .singleChoice && choice.weight == 100, weight: choice.weight,
                    text: rich(choice.text), feedback: choice.feedback)
            }
        case .shortAnswer:
            result["type"] = "Short"
            result["choices"] = question.shortAnswers.map { answer in
                choiceJSON(
                    correct: true, weight: answer.weight, text: rich(QuestionText(answer.text, format: format)),
                    feedback: answer.feedback)
            }
        case .numerical:
            result["type"] = "Numerical"
            result["choices"] = question.numericalAnswers.map { answer -> [String: Any] in
                let text: Any
                switch answer.accepted {
                case .value(let value, let tolerance): text = ["type": "range", "number": value, "range": tolerance]
                case .interval(let low, let high): text = ["type": "high-low", "numberHigh": high, "numberLow": low]
                case .any: text = rich(QuestionText("*", format: format))
                }
                let exact: Bool
                if case .any = answer.accepted { exact = false } else { exact = true }
                return choiceJSON(correct: exact, weight: answer.weight, text: text, feedback: answer.feedback)
            }
        case .trueFalse:
            result["type"] = "TF"
            let answer = question.trueFalse ?? TrueFalseAnswer(isTrue: true)
            result["isTrue"] = answer.isTrue
            result["trueFeedback"] = rich(answer.isTrue ? answer.feedbackWhenFalse : answer.feedbackWhenTrue)
            result["falseFeedback"] = rich(answer.isTrue ? answer.feedbackWhenTrue : answer.feedbackWhenFalse)
        case .matching:
            result["type"] = "Matching"
            result["matchPairs"] = question.matchPairs.map { ["subquestion": rich($0.item), "subanswer": $0.answer] }
        case .essay:
            result["type"] = "Essay"
        case .description:
            result["type"] = "Description"
        }
        return result
    }

    private static func stem(_ question: Question) -> QuestionText {
        guard let offset = question.blankOffset else { return question.stem }
        let text = question.stem.text
        let before = String(text.prefix(offset)).trimmingCharacters(in: .whitespacesAndNewlines)
        let after = String(text.dropFirst(offset + 5)).trimmingCharacters(in: .whitespacesAndNewlines)
        let joined = (before + " _____ " + after).trimmingCharacters(in: .whitespaces)
        return QuestionText(joined, format: question.stem.format)
    }

    private static func choiceJSON(correct: Bool, weight: Double, text: Any, feedback: QuestionText?) -> [String: Any] {
        ["isCorrect": correct, "weight": weight, "text": text, "feedback": rich(feedback)]
    }

    private static func rich(_ text: QuestionText?) -> Any {
        guard let text else { return NSNull() }
        return ["format": text.format.rawValue, "text": text.text]
    }

    /// Applied to expected and actual alike.
    static func normalised(_ value: PEGJSON) -> PEGJSON {
        switch value {
        case .array(let items):
            return .array(items.map(normalised))
        case .object(var object):
            if case .string(let format)? = object["format"], case .string(let text)? = object["text"],
                format == "moodle" || format == "plain"
            {
                object["text"] = .string(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
            }
            if case .string("Numerical")? = object["type"], case .object(let single)? = object["choices"] {
                let entry: [String: PEGJSON] = [
                    "isCorrect": .number(1), "weight": .null, "text": .object(single), "feedback": .null,
                ]
                object["choices"] = .array([.object(entry)])
            }
            if case .string("simple")? = object["type"], let number = object["number"] {
                object = ["type": .string("range"), "number": number, "range": .number(0)]
            }
            if case .number(let correct)? = object["isCorrect"], object["weight"] == .null {
                object["weight"] = .number(correct == 1 ? 100 : 0)
            }
            return .object(object.mapValues(normalised))
        default:
            return value
        }
    }
}

struct GiftPEGConformanceTests {
    @Test func everyPEGCorpusFileParsesToItsExpectedJSON() throws {
        let files = GiftCorpus.files(in: "peg", extension: ".gift")
        #expect(files.count >= 40, "corpus not found: set LESOCIAL_SHARED")
        var failing: [String] = []
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            let expectedURL = file.deletingPathExtension().appendingPathExtension("json")
            let expected = PEGJSON(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)))
            do {
                let document = try GiftParser.parseFile(at: file)
                let data = try JSONSerialization.data(withJSONObject: PEGAdapter.json(document))
                let actual = PEGJSON(try JSONSerialization.jsonObject(with: data))
                if PEGAdapter.normalised(actual) != PEGAdapter.normalised(expected) {
                    failing.append(name)
                    print("PEG \(name) expected: \(PEGAdapter.normalised(expected))")
                    print("PEG \(name) actual:   \(PEGAdapter.normalised(actual))")
                }
            } catch {
                failing.append(name)
                print("PEG \(name) refused: \(error)")
            }
        }
        print("GIFT PEG corpus: \(files.count - failing.count)/\(files.count) passed; failing: \(failing)")
        #expect(failing.isEmpty)
    }

    @Test func comparisonTellsADifferentParseApart() throws {
        let file = try #require(
            GiftCorpus.files(in: "peg", extension: ".gift").first { $0.lastPathComponent == "tf2.gift" })
        let expectedURL = file.deletingPathExtension().appendingPathExtension("json")
        let expected = PEGAdapter.normalised(
            PEGJSON(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL))))
        var document = try GiftParser.parseFile(at: file)
        guard case .question(var question) = document.items[0] else { throw CocoaError(.featureUnsupported) }
        question.trueFalse?.isTrue.toggle()
        document.items[0] = .question(question)
        let data = try JSONSerialization.data(withJSONObject: PEGAdapter.json(document))
        #expect(PEGAdapter.normalised(PEGJSON(try JSONSerialization.jsonObject(with: data))) != expected)
    }
}
