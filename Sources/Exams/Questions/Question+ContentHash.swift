extension Question {
    /// SHA-256 (hex) of what a candidate sees and what scoring uses: kind, stem, blank, answers, weights,
    /// feedback, unit and explanation.
    ///
    /// The id, title, category and tags are left out: moving or retagging a question is not a new version.
    public var contentHash: String {
        QuestionDigest.sha256Hex(Array(canonicalContent.utf8))
    }

    /// A line-per-field serialisation with length-prefixed strings, stable across platforms and releases.
    var canonicalContent: String {
        var lines = ["v1", "kind " + kind.rawValue, "stem " + field(stem)]
        if let blankOffset { lines.append("blank \(blankOffset)") }
        for choice in choices {
            lines.append("choice \(field(choice.text)) \(number(choice.weight)) \(field(choice.feedback))")
        }
        if let trueFalse {
            let feedbacks = field(trueFalse.feedbackWhenTrue) + " " + field(trueFalse.feedbackWhenFalse)
            lines.append("truefalse \(trueFalse.isTrue) " + feedbacks)
        }
        for answer in shortAnswers {
            lines.append("short \(field(answer.text)) \(number(answer.weight)) \(field(answer.feedback))")
        }
        for answer in numericalAnswers {
            let accepted: String
            switch answer.accepted {
            case .value(let value, let tolerance): accepted = "value \(number(value)) \(number(tolerance))"
            case .interval(let low, let high): accepted = "interval \(number(low)) \(number(high))"
            case .any: accepted = "any"
            }
            lines.append("numerical \(accepted) \(number(answer.weight)) \(field(answer.feedback))")
        }
        if let unit { lines.append("unit " + field(unit)) }
        for pair in matchPairs { lines.append("pair \(field(pair.item)) \(field(pair.answer))") }
        lines.append("general " + field(generalFeedback))
        return lines.joined(separator: "\n")
    }

    private func field(_ text: String) -> String { "\(text.utf8.count):\(text)" }

    private func field(_ text: QuestionText?) -> String {
        guard let text else { return "-" }
        return text.format.rawValue + "/" + field(text.text)
    }

    private func number(_ value: Double) -> String { value == 0 ? "0" : "\(value)" }
}
