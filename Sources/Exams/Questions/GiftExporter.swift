/// Writes questions as GIFT that `GiftParser` (and Moodle) read back to the same questions.
///
/// Every newline is written `\n` and every control character escaped, so no text can end a question or
/// open a comment. A `$CATEGORY:` line is written whenever the category changes. What GIFT cannot say is
/// lost: the general feedback of a description, a single-choice question without a 100 % option (it
/// comes back as multiple choice), a `->` inside a matching item, and a `->` in a short-answer question with
/// several answers (written `- >`).
public enum GiftExporter {
    /// The GIFT text of `questions`, one blank line between questions.
    public static func export(_ questions: [Question]) -> String {
        var blocks: [String] = []
        var category = ""
        for question in questions {
            if question.category != category {
                category = question.category
                blocks.append("$CATEGORY: " + category)
            }
            blocks.append(export(question))
        }
        return blocks.map { $0 + "\n" }.joined(separator: "\n")
    }

    /// The GIFT text of one question, comments for its id, tags and unit first.
    public static func export(_ question: Question) -> String {
        var lines: [String] = []
        if let idNumber = question.idNumber { lines.append("// [id:\(marker(idNumber))]") }
        if !question.tags.isEmpty {
            lines.append("// " + question.tags.map { "[tag:\(marker($0))]" }.joined(separator: " "))
        }
        if let unit = question.unit { lines.append("// [unit:\(marker(unit))]") }

        var head = question.title.map { "::" + escape($0) + "::" } ?? ""
        let stem = question.stem
        let mustName = stem.format != .moodle || stem.text.hasPrefix("[") || stem.text.hasPrefix("//")
        if mustName || (head.isEmpty && stem.text.isEmpty) { head += "[\(stem.format.rawValue)]" }
        guard question.kind != .description else {
            lines.append(head + escape(stem.text))
            return lines.joined(separator: "\n")
        }

        let block = "{" + answerBlock(question) + "}"
        if let offset = question.blankOffset, offset >= 0, offset + 5 <= stem.text.count {
            let before = String(stem.text.prefix(offset))
            let after = String(stem.text.dropFirst(offset + 5))
            lines.append(head + escape(before) + block + escape(after))
        } else {
            lines.append(head + escape(stem.text) + block)
        }
        return lines.joined(separator: "\n")
    }

    /// The inside of the braces, answers one a line, general feedback last.
    private static func answerBlock(_ question: Question) -> String {
        let format = question.stem.format
        var entries: [String] = []
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let single = question.kind == .singleChoice
            for choice in question.choices {
                let spellWeight = choice.text.text.hasPrefix("%")
                let marker: String
                if single && choice.weight == 100 {
                    marker = spellWeight ? "=%100%" : "="
                } else if choice.weight == 0 {
                    marker = spellWeight ? "~%0%" : "~"
                } else {
                    marker = "~%" + number(choice.weight) + "%"
                }
                entries.append(marker + text(choice.text, default: format) + feedback(choice.feedback, format))
            }
        case .trueFalse:
            let answer = question.trueFalse ?? TrueFalseAnswer(isTrue: true)
            let right = answer.isTrue ? answer.feedbackWhenTrue : answer.feedbackWhenFalse
            let wrong = answer.isTrue ? answer.feedbackWhenFalse : answer.feedbackWhenTrue
            var entry = answer.isTrue ? "TRUE" : "FALSE"
            if wrong != nil || right != nil { entry += "#" + (wrong.map { text($0, default: format) } ?? "") }
            if let right { entry += "#" + text(right, default: format) }
            entries.append(entry)
        case .shortAnswer:
            for answer in question.shortAnswers {
                let plain = answer.weight == 100 && !answer.text.hasPrefix("%")
                let weight = plain ? "" : "%" + number(answer.weight) + "%"
                let written = text(QuestionText(answer.text, format: format), default: format)
                entries.append("=" + weight + written + feedback(answer.feedback, format))
            }
        case .numerical:
            entries += numericalEntries(question.numericalAnswers, format: format)
        case .matching:
            for pair in question.matchPairs {
                entries.append("=" + text(pair.item, default: format) + " -> " + escape(pair.answer))
            }
        case .essay, .description:
            break
        }
        if let general = question.generalFeedback {
            entries.append("####" + text(general, default: format))
        }
        if question.kind == .shortAnswer { entries = withoutMatchingArrow(entries) }
        if question.kind == .numerical { return "#\n" + entries.map { "\t" + $0 + "\n" }.joined() }
        if question.kind == .trueFalse || question.kind == .essay { return entries.joined() }
        return "\n" + entries.map { "\t" + $0 + "\n" }.joined()
    }

    /// Short-answer entries that do not read back as matching, which any `=` beside a `->` would make:
    /// a lone answer is written without its `=`, and in several answers `->` becomes `- >`.
    private static func withoutMatchingArrow(_ entries: [String]) -> [String] {
        guard entries.contains(where: { $0.contains("->") }) else { return entries }
        if entries.count(where: { $0.hasPrefix("=") }) == 1 {
            return entries.map { $0.hasPrefix("=") ? String($0.dropFirst()) : $0 }
        }
        return entries.map { $0.replacing("->", with: "- >") }
    }

    /// `=%w%value:tolerance#feedback` lines; a last zero-weight catch-all is written `~#feedback`.
    private static func numericalEntries(_ answers: [NumericalAnswer], format: QuestionText.Format) -> [String] {
        answers.enumerated().map { index, answer in
            if case .any = answer.accepted, answer.weight == 0, index == answers.count - 1 {
                return "~" + (answer.feedback.map { "#" + text($0, default: format) } ?? "")
            }
            let value: String
            switch answer.accepted {
            case .any: value = "*"
            case .value(let number, let tolerance):
                value = self.number(number) + (tolerance == 0 ? "" : ":" + self.number(tolerance))
            case .interval(let low, let high): value = self.number(low) + ".." + self.number(high)
            }
            let weight = answer.weight == 100 ? "" : "%" + number(answer.weight) + "%"
            return "=" + weight + value + feedback(answer.feedback, format)
        }
    }

    private static func feedback(_ feedback: QuestionText?, _ format: QuestionText.Format) -> String {
        feedback.map { "#" + text($0, default: format) } ?? ""
    }

    /// Escaped text, with a `[format]` prefix when it differs from the default or the text starts with `[`.
    private static func text(_ text: QuestionText, default format: QuestionText.Format) -> String {
        let prefix = text.format != format || text.text.hasPrefix("[") ? "[\(text.format.rawValue)]" : ""
        return prefix + escape(text.text)
    }

    /// Backslash before every GIFT control character; newlines written `\n`.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": result += "\\" + String(character)
            case "\n": result += "\\n"
            case "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// A `[tag:...]` value: `]` written `\]`, line breaks turned into spaces.
    private static func marker(_ value: String) -> String {
        value.replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: "\n", with: " ")
    }

    /// Shortest decimal spelling, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
