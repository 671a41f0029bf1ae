/// Writes questions as Moodle XML that Moodle and `MoodleXMLImporter` read back.
///
/// An interval answer (`1..5`) is written as Moodle stores it, midpoint and tolerance; a missing-word
/// blank stays the `_____` of the stem.
public enum MoodleXMLExporter {
    /// The XML document for `questions`, with a category switch whenever the category changes.
    public static func export(_ questions: [Question]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>"]
        var category = ""
        for question in questions {
            if question.category != category {
                category = question.category
                lines.append("  <question type=\"category\">")
                lines.append("    <category><text>\(escape("$course$/top/" + category))</text></category>")
                lines.append("  </question>")
            }
            lines += questionLines(question).map { "  " + $0 }
        }
        lines.append("</quiz>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func questionLines(_ question: Question) -> [String] {
        var lines = ["<question type=\"\(type(of: question.kind))\">"]
        var body = ["<name><text>\(escape(question.name))</text></name>"]
        body.append(rich("questiontext", question.stem))
        body.append(rich("generalfeedback", question.generalFeedback ?? QuestionText("", format: question.stem.format)))
        if let idNumber = question.idNumber { body.append("<idnumber>\(escape(idNumber))</idnumber>") }
        switch question.kind {
        case .singleChoice, .multipleChoice:
            body.append("<single>\(question.kind == .singleChoice)</single>")
            body.append("<shuffleanswers>true</shuffleanswers>")
            for choice in question.choices {
                body.append(answer(choice.weight, choice.text, feedback: choice.feedback))
            }
        case .trueFalse:
            let answer = question.trueFalse ?? TrueFalseAnswer(isTrue: true)
            body.append(self.answer(answer.isTrue ? 100 : 0, QuestionText("true"), feedback: answer.feedbackWhenTrue))
            body.append(self.answer(answer.isTrue ? 0 : 100, QuestionText("false"), feedback: answer.feedbackWhenFalse))
        case .shortAnswer:
            body.append("<usecase>0</usecase>")
            for accepted in question.shortAnswers {
                body.append(answer(accepted.weight, QuestionText(accepted.text), feedback: accepted.feedback))
            }
        case .numerical:
            for accepted in question.numericalAnswers {
                let (value, tolerance) = moodleValue(accepted.accepted)
                body.append(
                    answer(accepted.weight, QuestionText(value), feedback: accepted.feedback, tolerance: tolerance))
            }
            if let unit = question.unit {
                body.append(
                    "<units><unit><multiplier>1</multiplier><unit_name>\(escape(unit))</unit_name></unit></units>")
            }
        case .matching:
            for pair in question.matchPairs {
                body.append(
                    "<subquestion format=\"\(format(pair.item.format))\"><text>\(escape(pair.item.text))</text>"
                        + "<answer><text>\(escape(pair.answer))</text></answer></subquestion>")
            }
        case .essay, .description:
            break
        }
        if !question.tags.isEmpty {
            body.append("<tags>" + question.tags.map { "<tag><text>\(escape($0))</text></tag>" }.joined() + "</tags>")
        }
        lines += body.map { "  " + $0 }
        lines.append("</question>")
        return lines
    }

    private static func type(of kind: QuestionKind) -> String {
        switch kind {
        case .singleChoice, .multipleChoice: return "multichoice"
        case .trueFalse: return "truefalse"
        case .shortAnswer: return "shortanswer"
        case .numerical: return "numerical"
        case .matching: return "matching"
        case .essay: return "essay"
        case .description: return "description"
        }
    }

    private static func moodleValue(_ accepted: NumericalAnswer.Accepted) -> (String, Double) {
        switch accepted {
        case .any: return ("*", 0)
        case .value(let value, let tolerance): return (GiftExporter.number(value), tolerance)
        case .interval(let low, let high): return (GiftExporter.number((low + high) / 2), (high - low) / 2)
        }
    }

    private static func answer(
        _ weight: Double, _ text: QuestionText, feedback: QuestionText?, tolerance: Double? = nil
    ) -> String {
        var xml = "<answer fraction=\"\(GiftExporter.number(weight))\" format=\"\(format(text.format))\">"
        xml += "<text>\(escape(text.text))</text>"
        if let tolerance { xml += "<tolerance>\(GiftExporter.number(tolerance))</tolerance>" }
        if let feedback { xml += rich("feedback", feedback) }
        return xml + "</answer>"
    }

    private static func rich(_ element: String, _ text: QuestionText) -> String {
        "<\(element) format=\"\(format(text.format))\"><text>\(escape(text.text))</text></\(element)>"
    }

    private static func format(_ format: QuestionText.Format) -> String {
        switch format {
        case .moodle: return "moodle_auto_format"
        case .html: return "html"
        case .markdown: return "markdown"
        case .plain: return "plain_text"
        }
    }

    /// XML character escaping; text is kept byte for byte otherwise.
    ///
    /// Scalars, not `Character`s: a combining mark after `<` or `&`, or the `\n` of `\r\n`, makes one
    /// `Character` with it, which would hide the markup from escaping. A carriage return is written
    /// `&#13;`: a raw one would be read back as a line feed.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
