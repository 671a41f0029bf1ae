import Foundation

/// Reads Moodle XML (`<quiz><question type="...">`) into questions.
///
/// Types read: multichoice, truefalse, shortanswer, numerical (with `<units>`), matching, essay,
/// description, and category switches. Other types (cloze, calculated, drag and drop...) are reported
/// as problems, and then, as with GIFT, the file yields no question at all.
public enum MoodleXMLImporter {
    /// Parses a Moodle XML document; `file` only names the source in problems.
    ///
    /// - Throws: `QuestionImportError` listing every problem.
    public static func parse(_ data: Data, file: String) throws(QuestionImportError) -> [Question] {
        let root: MoodleXMLElement
        do {
            root = try MoodleXMLElement.parse(data)
        } catch {
            let reason = "XML illisible : \(error.message)"
            throw QuestionImportError(problems: [ImportProblem(file: file, line: error.line, reason: reason)])
        }
        var problems: [ImportProblem] = []
        guard root.name == "quiz" else {
            let reason = "élément racine « \(root.name) » : un fichier Moodle XML commence par <quiz>"
            throw QuestionImportError(problems: [ImportProblem(file: file, line: root.line, reason: reason)])
        }

        var questions: [Question] = []
        var lines: [Int] = []
        var category = ""
        for element in root.children("question") {
            let type = element.attributes["type"] ?? ""
            if type == "category" {
                category = QuestionIdentity.categoryPath(fromMoodle: element.textChild("category") ?? "")
                continue
            }
            do {
                var question = try read(element, type: type)
                question.category = category
                questions.append(question)
                lines.append(element.line)
            } catch {
                problems.append(ImportProblem(file: file, line: error.line, reason: error.reason))
            }
        }
        for (duplicate, original) in QuestionIdentity.assignIDs(&questions) {
            let reason = "identifiant « \(questions[duplicate].id) » déjà utilisé ligne \(lines[original])"
            problems.append(ImportProblem(file: file, line: lines[duplicate], reason: reason))
        }
        guard problems.isEmpty else { throw QuestionImportError(problems: problems.sorted { $0.line < $1.line }) }
        return questions
    }

    /// A problem in one `<question>`.
    private struct Refusal: Error {
        let line: Int
        let reason: String
    }

    private static func read(_ element: MoodleXMLElement, type: String) throws(Refusal) -> Question {
        let kind: QuestionKind
        switch type {
        case "multichoice":
            let single = element.child("single")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            kind = single == "false" || single == "0" ? .multipleChoice : .singleChoice
        case "truefalse": kind = .trueFalse
        case "shortanswer": kind = .shortAnswer
        case "numerical": kind = .numerical
        case "matching": kind = .matching
        case "essay": kind = .essay
        case "description": kind = .description
        default: throw Refusal(line: element.line, reason: "type de question non pris en charge « \(type) »")
        }
        let name = element.textChild("name")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let idNumber = element.child("idnumber")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var question = Question(
            id: "", idNumber: idNumber.isEmpty ? nil : idNumber, title: name.isEmpty ? nil : name, kind: kind,
            stem: richText(element.child("questiontext")) ?? QuestionText(""),
            generalFeedback: richText(element.child("generalfeedback")),
            tags: element.child("tags")?.children("tag").compactMap { $0.textChild() } ?? [])

        let answers = element.children("answer")
        switch kind {
        case .singleChoice, .multipleChoice:
            question.choices = try answers.map { answer throws(Refusal) in
                Choice(
                    text: richText(answer) ?? QuestionText(""), weight: try fraction(answer),
                    feedback: richText(answer.child("feedback")))
            }
        case .trueFalse:
            question.trueFalse = try trueFalse(answers, line: element.line)
        case .shortAnswer:
            question.shortAnswers = try answers.map { answer throws(Refusal) in
                ShortAnswer(
                    text: answer.textChild() ?? "", weight: try fraction(answer),
                    feedback: richText(answer.child("feedback")))
            }
        case .numerical:
            question.numericalAnswers = try answers.map { answer throws(Refusal) in try numerical(answer) }
            let unit = element.child("units")?.child("unit")?.child("unit_name")?.text
                .trimmingCharacters(in: .whitespacesAndNewlines)
            question.unit = unit?.isEmpty == false ? unit : nil
        case .matching:
            question.matchPairs = element.children("subquestion").map { pair in
                MatchPair(
                    item: richText(pair, keepingEmpty: true) ?? QuestionText(""),
                    answer: pair.child("answer")?.textChild()?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            }
        case .essay, .description:
            break
        }
        return question
    }

    /// The `format` attribute and `<text>` of an element; nil when it is missing or its text is empty.
    private static func richText(_ element: MoodleXMLElement?, keepingEmpty: Bool = false) -> QuestionText? {
        guard let element, let text = element.textChild() ?? (keepingEmpty ? "" : nil) else { return nil }
        if text.isEmpty && !keepingEmpty { return nil }
        let format: QuestionText.Format
        switch element.attributes["format"] ?? "moodle_auto_format" {
        case "html": format = .html
        case "plain_text": format = .plain
        case "markdown": format = .markdown
        default: format = .moodle
        }
        return QuestionText(text, format: format)
    }

    private static func fraction(_ answer: MoodleXMLElement) throws(Refusal) -> Double {
        let written = answer.attributes["fraction"] ?? "0"
        guard let value = Double(written), (-100...100).contains(value) else {
            throw Refusal(line: answer.line, reason: "fraction illisible « \(written) » : entre -100 et 100 attendu")
        }
        return value
    }

    private static func trueFalse(_ answers: [MoodleXMLElement], line: Int) throws(Refusal) -> TrueFalseAnswer {
        let byText = Dictionary(
            answers.map { ($0.textChild()?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? "", $0) },
            uniquingKeysWith: { first, _ in first })
        guard let trueAnswer = byText["true"], let falseAnswer = byText["false"] else {
            throw Refusal(line: line, reason: "question vrai/faux sans réponses « true » et « false »")
        }
        return TrueFalseAnswer(
            isTrue: try fraction(trueAnswer) == 100, feedbackWhenTrue: richText(trueAnswer.child("feedback")),
            feedbackWhenFalse: richText(falseAnswer.child("feedback")))
    }

    private static func numerical(_ answer: MoodleXMLElement) throws(Refusal) -> NumericalAnswer {
        let written = answer.textChild()?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let feedback = richText(answer.child("feedback"))
        let weight = try fraction(answer)
        if written == "*" || written.isEmpty { return NumericalAnswer(.any, weight: weight, feedback: feedback) }
        let toleranceText = answer.child("tolerance")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0"
        guard let value = Double(written), let tolerance = Double(toleranceText.isEmpty ? "0" : toleranceText),
            tolerance >= 0
        else {
            throw Refusal(
                line: answer.line,
                reason: "valeur numérique illisible « \(written) » ou tolérance « \(toleranceText) »"
            )
        }
        return NumericalAnswer(.value(value, tolerance: tolerance), weight: weight, feedback: feedback)
    }
}
