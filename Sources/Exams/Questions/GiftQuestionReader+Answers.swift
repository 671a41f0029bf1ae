import Foundation

extension GiftQuestionReader {
    /// Decides the kind from the answer block as Moodle does, then reads the answers of that kind.
    mutating func readAnswers(_ answers: GiftText, into question: inout Question, line: Int) {
        let format = question.stem.format
        if answers.isEmpty {
            question.kind = .essay
        } else if let first = answers.first, first.value == "#", !first.escaped {
            question.kind = .numerical
            question.numericalAnswers = readNumerical(answers.dropFirst(), format: format, line: line)
        } else if answers.firstSyntax("~") != nil {
            readChoices(answers, into: &question, line: line)
        } else if answers.firstSyntax("=") != nil && answers.firstSyntax("->") != nil {
            question.kind = .matching
            question.matchPairs = readPairs(answers, format: format, line: line)
        } else if let trueFalse = readTrueFalse(answers, format: format) {
            question.kind = .trueFalse
            question.trueFalse = trueFalse
        } else {
            question.kind = .shortAnswer
            question.shortAnswers = readShortAnswers(answers, format: format, line: line)
        }
    }

    /// Options of a choice question: single choice when one is marked `=`, multiple choice otherwise.
    private mutating func readChoices(_ answers: GiftText, into question: inout Question, line: Int) {
        let (lead, pieces) = answers.pieces(startingAt: ["~", "="])
        reportLeadingText(lead)
        let single = pieces.contains { $0.first?.value == "=" }
        question.kind = single ? .singleChoice : .multipleChoice
        for piece in pieces {
            var body = piece.dropFirst()
            let pieceLine = piece.line(or: line)
            guard let weight = readWeight(&body, default: piece.first?.value == "=" ? 100 : 0, line: pieceLine)
            else { continue }
            let (answer, feedback) = splitFeedback(body)
            let text = formatted(answer, default: question.stem.format)
            if text.text.isEmpty { report(pieceLine, "réponse vide") }
            let choice = Choice(
                text: QuestionText(text.text.string, format: text.format), weight: weight,
                feedback: optionalText(feedback, default: question.stem.format))
            question.choices.append(choice)
        }
        if pieces.count < 2 {
            report(line, "une question à choix demande au moins deux réponses")
        } else if single, let best = question.choices.map(\.weight).max(), best != 100 {
            report(line, "aucune réponse ne vaut 100 % dans une question à réponse unique")
        } else if !single {
            let total = question.choices.map(\.weight).filter { $0 > 0 }.reduce(0, +)
            if abs(total - 100) >= 0.5 {
                let written = Self.percent(total)
                let reason = "la somme des poids positifs doit faire 100 % (ici \(written) %)"
                report(line, reason + " dans une question à réponses multiples")
            }
        }
    }

    /// Pairs of a matching question (`=item -> answer`).
    private mutating func readPairs(_ answers: GiftText, format: QuestionText.Format, line: Int) -> [MatchPair] {
        let (lead, pieces) = answers.pieces(startingAt: ["="])
        reportLeadingText(lead)
        var pairs: [MatchPair] = []
        for piece in pieces {
            let body = piece.dropFirst()
            guard let arrow = body.firstSyntax("->") else {
                report(piece.line(or: line), "paire sans « -> » : « \(body.trimmed.string) »")
                continue
            }
            let item = formatted(body[..<arrow], default: format)
            let answer = body[(arrow + 2)...].trimmed.string
            if answer.isEmpty { report(piece.line(or: line), "paire sans réponse après « -> »") }
            pairs.append(MatchPair(item: QuestionText(item.text.string, format: item.format), answer: answer))
        }
        if pairs.filter({ !$0.isDistractor }).count < 2 {
            report(line, "un appariement demande au moins deux paires")
        }
        return pairs
    }

    /// `T`, `TRUE`, `F` or `FALSE`, then the feedback for a wrong and for a right response; nil if not true/false.
    private func readTrueFalse(_ answers: GiftText, format: QuestionText.Format) -> TrueFalseAnswer? {
        let first = answers.firstSyntax("#")
        let head = answers[..<(first ?? answers.endIndex)].trimmed.string
        guard ["T", "TRUE", "F", "FALSE"].contains(head) else { return nil }
        var wrong: QuestionText?
        var right: QuestionText?
        if let first {
            let second = answers.firstSyntax("#", from: first + 1)
            wrong = optionalText(answers[(first + 1)..<(second ?? answers.endIndex)], default: format)
            if let second { right = optionalText(answers[(second + 1)...], default: format) }
        }
        let isTrue = head.hasPrefix("T")
        return TrueFalseAnswer(
            isTrue: isTrue, feedbackWhenTrue: isTrue ? right : wrong, feedbackWhenFalse: isTrue ? wrong : right)
    }

    /// Accepted answers (`=text`, `=%50%text#feedback`, or one bare answer).
    private mutating func readShortAnswers(_ answers: GiftText, format: QuestionText.Format, line: Int) -> [ShortAnswer]
    {
        let (lead, pieces) = answers.pieces(startingAt: ["="])
        var bodies = pieces.map { $0.dropFirst() }
        if !lead.isBlank { bodies.insert(lead, at: 0) }
        var result: [ShortAnswer] = []
        for var body in bodies {
            let bodyLine = body.line(or: line)
            guard let weight = readWeight(&body, default: 100, line: bodyLine) else { continue }
            let (answer, feedback) = splitFeedback(body)
            let text = formatted(answer, default: format).text.string
            if text.isEmpty { report(bodyLine, "réponse vide") }
            result.append(ShortAnswer(text: text, weight: weight, feedback: optionalText(feedback, default: format)))
        }
        return result
    }

    /// Values of a numerical question, then the `~#feedback` catch-all for any other number.
    private mutating func readNumerical(_ body: GiftText, format: QuestionText.Format, line: Int) -> [NumericalAnswer] {
        var answers = body
        var catchAll: GiftText?
        if let tilde = body.firstSyntax("~") {
            catchAll = body[(tilde + 1)...]
            answers = body[..<tilde]
        }
        let (lead, pieces) = answers.pieces(startingAt: ["="])
        var entries = pieces.map { $0.dropFirst() }
        if !lead.isBlank { entries.insert(lead, at: 0) }
        if entries.isEmpty && catchAll == nil { report(line, "question numérique sans réponse") }

        var result: [NumericalAnswer] = []
        for var entry in entries {
            let entryLine = entry.line(or: line)
            guard let weight = readWeight(&entry, default: 100, line: entryLine) else { continue }
            let (value, feedback) = splitFeedback(entry)
            guard let accepted = readAccepted(value.trimmed, line: entryLine) else { continue }
            result.append(NumericalAnswer(accepted, weight: weight, feedback: optionalText(feedback, default: format)))
        }
        if let catchAll {
            let (value, feedback) = splitFeedback(catchAll)
            if !value.isBlank {
                report(
                    catchAll.line(or: line),
                    "après « ~ », une question numérique n'accepte qu'une rétroaction « ~#… »")
            }
            result.append(NumericalAnswer(.any, weight: 0, feedback: optionalText(feedback, default: format)))
        }
        return result
    }

    /// `value`, `value:tolerance`, `min..max` or `*`.
    private mutating func readAccepted(_ text: GiftText, line: Int) -> NumericalAnswer.Accepted? {
        if text.string == "*" { return .any }
        if let dots = text.firstSyntax(".."), dots > text.startIndex {
            guard let low = readNumber(text[..<dots], line: line),
                let high = readNumber(text[(dots + 2)...], line: line)
            else { return nil }
            guard low <= high else {
                report(line, "intervalle inversé « \(text.string) » : écrivez la borne basse d'abord")
                return nil
            }
            return .interval(min: low, max: high)
        }
        if let colon = text.firstSyntax(":"), colon > text.startIndex {
            guard let value = readNumber(text[..<colon], line: line),
                let tolerance = readNumber(text[(colon + 1)...], line: line)
            else { return nil }
            guard tolerance >= 0 else {
                report(line, "tolérance négative « \(text.string) »")
                return nil
            }
            return .value(value, tolerance: tolerance)
        }
        guard let value = readNumber(text, line: line) else { return nil }
        return .value(value, tolerance: 0)
    }

    /// A number written with a decimal point, an exponent, or a decimal comma.
    private mutating func readNumber(_ text: GiftText, line: Int) -> Double? {
        let written = text.trimmed.string
        let allowed = Set("0123456789+-.eE")
        if !written.isEmpty, written.allSatisfy(allowed.contains), let value = Double(written), value.isFinite {
            return value
        }
        do {
            return try NumberInput.parse(written)
        } catch {
            report(line, "nombre illisible « \(written) » : \(error.message)")
            return nil
        }
    }

    /// Reads a leading `%weight%`; returns the default when there is none, nil (reported) when malformed.
    private mutating func readWeight(_ text: inout GiftText, default value: Double, line: Int) -> Double? {
        text = text.trimmed
        guard let first = text.first, first.value == "%" else { return value }
        guard let end = text.firstSyntax("%", from: text.startIndex + 1) else {
            report(line, "poids sans « % » final : écrivez par exemple %50%")
            return nil
        }
        let written = text[(text.startIndex + 1)..<end].string
        let normalised = written.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let weight = Double(normalised), weight.isFinite else {
            report(line, "poids illisible « %\(written)% » : écrivez par exemple %50% ou %-25%")
            return nil
        }
        guard (-100...100).contains(weight) else {
            report(line, "poids hors limites « %\(written)% » : il doit être entre -100 % et 100 %")
            return nil
        }
        text = text[(end + 1)...]
        return weight
    }

    /// The answer and its `#feedback`, split at the first unescaped `#`.
    private func splitFeedback(_ text: GiftText) -> (answer: GiftText, feedback: GiftText?) {
        guard let hash = text.firstSyntax("#") else { return (text, nil) }
        return (text[..<hash], text[(hash + 1)...])
    }

    /// Reports text standing before the first `=` or `~` of a choice or matching question.
    private mutating func reportLeadingText(_ lead: GiftText) {
        guard !lead.isBlank else { return }
        let reason =
            "texte avant la première réponse : « \(lead.trimmed.string) »"
            + " (chaque réponse commence par = ou ~)"
        report(lead.trimmed.line(or: 1), reason)
    }

    /// A percentage without a useless decimal part (`75`, `33.5`).
    static func percent(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
