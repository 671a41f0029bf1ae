import Foundation

/// Reads one GIFT question block, collecting problems instead of stopping at the first.
struct GiftQuestionReader {
    /// The file named in problems.
    let file: String
    /// Problems found so far.
    private(set) var problems: [ImportProblem] = []

    /// A reader naming `file` in its problems.
    init(file: String) {
        self.file = file
    }

    /// Records a problem.
    mutating func report(_ line: Int, _ reason: String) {
        problems.append(ImportProblem(file: file, line: line, reason: reason))
    }

    /// Parses a question block (comments already removed); nil when it has problems.
    mutating func read(_ block: GiftText, firstLine: Int) -> Question? {
        let before = problems.count
        var rest = block.trimmed
        var title: String?
        if rest.startsWithSyntax("::") {
            guard let end = rest.firstSyntax("::", from: rest.startIndex + 2) else {
                report(firstLine, "titre non fermé : « :: » manquant après le titre")
                return nil
            }
            let written = rest[(rest.startIndex + 2)..<end].trimmed.string
            title = written.isEmpty ? nil : written
            rest = rest[(end + 2)...].trimmed
        }

        guard let parts = splitAnswerBlock(rest, firstLine: firstLine) else { return nil }
        let (stemText, stemFormat) = formatted(parts.stem[...], default: .moodle)
        let stemString = stemText.string
        let blankOffset = stemText.firstIndex(where: \.isBlank).map { $0 - stemText.startIndex }
        var question = Question(
            id: "", title: title, kind: .description, stem: QuestionText(stemString, format: stemFormat),
            blankOffset: blankOffset)

        guard var answers = parts.answers else { return question }
        if stemString.isEmpty { report(firstLine, "énoncé vide") }
        if let separator = answers.lastSyntax("####") {
            question.generalFeedback = optionalText(answers[(separator + 4)...], default: stemFormat)
            answers = answers[..<separator].trimmed
        }
        readAnswers(answers, into: &question, line: parts.openLine)
        return problems.count == before ? question : nil
    }

    /// The stem (with `_____` where an inner answer block stood) and the answer block, or nil on a brace error.
    private mutating func splitAnswerBlock(
        _ text: GiftText, firstLine: Int
    ) -> (stem: [GiftCharacter], answers: GiftText?, openLine: Int)? {
        let open = text.firstSyntax("{")
        let close = text.firstSyntax("}")
        if open == nil && close == nil { return (Array(text), nil, firstLine) }
        guard let close else {
            report(text[open!].line, "accolade fermante « } » manquante")
            return nil
        }
        guard let open, open < close else {
            report(text[close].line, "accolade fermante « } » sans accolade ouvrante « { »")
            return nil
        }
        do {
            if let extra = text[(open + 1)..<close].firstSyntax("{") {
                report(text[extra].line, "accolade « { » en trop dans les réponses (écrivez \\{ dans un texte)")
                return nil
            }
            let after = text[(close + 1)...]
            if let extra = after.firstIndex(where: { ($0.value == "{" || $0.value == "}") && !$0.escaped }) {
                let reason = "un seul bloc de réponses {…} par question (écrivez \\{ ou \\} dans un texte)"
                report(text[extra].line, reason)
                return nil
            }
            var stem = Array(text[..<open])
            if !after.isBlank {
                let blank = GiftCharacter(value: "_", escaped: true, line: text[open].line, isBlank: true)
                stem += Array(repeating: blank, count: 5) + Array(after)
            }
            return (stem, text[(open + 1)..<close].trimmed, text[open].line)
        }
    }

    /// Text with its optional `[html]`-style prefix read, surrounding spaces trimmed.
    func formatted(_ text: GiftText, default format: QuestionText.Format) -> (
        text: GiftText, format: QuestionText.Format
    ) {
        let trimmed = text.trimmed
        guard let first = trimmed.first, first.value == "[", !first.escaped,
            let end = trimmed.firstIndex(where: { $0.value == "]" })
        else { return (trimmed, format) }
        let name = trimmed[(trimmed.startIndex + 1)..<end].string
        guard let named = QuestionText.Format(rawValue: name) else { return (trimmed, format) }
        return (trimmed[(end + 1)...].trimmed, named)
    }

    /// A feedback or option text; nil when empty.
    func optionalText(_ text: GiftText?, default format: QuestionText.Format) -> QuestionText? {
        guard let text else { return nil }
        let result = formatted(text, default: format)
        return result.text.isEmpty ? nil : QuestionText(result.text.string, format: result.format)
    }

    /// Reads the `[id:...]`, `[tag:...]` and `[unit:...]` markers of the block's comments and checks them.
    mutating func applyComments(_ comments: [String], to question: inout Question, line: Int) {
        for (key, value) in Self.markers(in: comments.joined(separator: "\n")) {
            switch key {
            case "id": question.idNumber = value.isEmpty ? nil : value
            case "tag": if !value.isEmpty { question.tags.append(value) }
            default: question.unit = value.isEmpty ? nil : value
            }
        }
        if let unit = question.unit, question.kind != .numerical {
            report(line, "unité « \(unit) » indiquée pour une question qui n'est pas numérique")
        }
        let levels = question.tags.compactMap { tag in QuestionIdentity.difficultyLevel(ofTag: tag).map { (tag, $0) } }
        for (tag, level) in levels where !(1...3).contains(level) {
            report(line, "niveau de difficulté inconnu « \(tag) » : écrivez niveau-1, niveau-2 ou niveau-3")
        }
        if Set(levels.map(\.1)).count > 1 {
            report(line, "plusieurs niveaux de difficulté : gardez un seul tag niveau-1, niveau-2 ou niveau-3")
        }
    }

    /// `[key:value]` markers as Moodle reads them in comments, `\]` standing for `]`.
    static func markers(in comments: String) -> [(key: String, value: String)] {
        let pattern = #"\[(tag|id|unit):((?:\\.|[^\]\\])*)\]"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(comments.startIndex..., in: comments)
        return expression.matches(in: comments, range: range).compactMap { match in
            guard let keyRange = Range(match.range(at: 1), in: comments),
                let valueRange = Range(match.range(at: 2), in: comments)
            else { return nil }
            let value = comments[valueRange].replacingOccurrences(of: "\\]", with: "]")
            return (String(comments[keyRange]), value.trimmingCharacters(in: .whitespaces))
        }
    }
}
