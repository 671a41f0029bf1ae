import Foundation

/// Scores one response against one question: pure functions, used by attempt scoring.
public enum AnswerChecker {
    /// The credit earned, as a fraction: -1...1 for a single choice (a wrong option may carry a negative
    /// weight), 0...1 otherwise; nil for an essay (a trainer marks it) and a description (never scored).
    ///
    /// Rules: single choice gets the picked option's weight; multiple choice the sum of the ticked options'
    /// weights, clamped to 0...1 as Moodle does; true/false 1 or 0; short answer the best weight among the
    /// matching answers, ignoring case, accents and extra spaces, `*` matching anything; numerical the best
    /// weight among the answers whose tolerance or interval holds the typed number (decimal comma, thousands
    /// spaces and the question's unit accepted; an unreadable number scores 0); matching the share of the
    /// pairs answered right. A response of the wrong shape scores 0.
    public static func score(_ response: AnswerResponse, for question: Question) -> Double? {
        switch (question.kind, response) {
        case (.essay, _), (.description, _):
            return nil
        case (.singleChoice, .choice(let index)):
            guard question.choices.indices.contains(index) else { return 0 }
            return clamp(question.choices[index].weight / 100, -1, 1)
        case (.multipleChoice, .choices(let indices)):
            let total = indices.filter(question.choices.indices.contains).map { question.choices[$0].weight }.reduce(
                0, +)
            return clamp(total / 100, 0, 1)
        case (.trueFalse, .trueFalse(let answer)):
            return answer == question.trueFalse?.isTrue ? 1 : 0
        case (.shortAnswer, .text(let text)):
            let typed = normalised(text)
            let weights = question.shortAnswers.filter { matches(typed, pattern: normalised($0.text)) }.map(\.weight)
            return clamp((weights.max() ?? 0) / 100, 0, 1)
        case (.numerical, .text(let text)):
            guard let number = try? NumberInput.parse(text, unit: question.unit) else { return 0 }
            let weights = question.numericalAnswers.filter { $0.accepts(number) }.map(\.weight)
            return clamp((weights.max() ?? 0) / 100, 0, 1)
        case (.matching, .matching(let picked)):
            let pairs = question.matchPairs.enumerated().filter { !$0.element.isDistractor }
            guard !pairs.isEmpty else { return 0 }
            let right = pairs.filter { index, pair in
                picked[index].map(normalisedSpaces) == normalisedSpaces(pair.answer)
            }
            return Double(right.count) / Double(pairs.count)
        default:
            return 0
        }
    }

    /// Lowercase, without accents or ligatures, typographic apostrophes made straight, spaces collapsed.
    static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        return normalisedSpaces(folded)
    }

    private static func normalisedSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Moodle's wildcard match: `*` stands for any run of characters, `\*` for a star.
    static func matches(_ text: String, pattern: String) -> Bool {
        var tokens: [Character?] = []  // nil is a wildcard
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            if character == "\\" {
                if let next = iterator.next() {
                    tokens.append(next == "*" ? "*" : "\\")
                    if next != "*" { tokens.append(next) }
                } else {
                    tokens.append("\\")
                }
            } else {
                tokens.append(character == "*" ? nil : character)
            }
        }
        let characters = Array(text)
        var memo: [Int: Bool] = [:]
        func match(_ token: Int, _ position: Int) -> Bool {
            let key = token * (characters.count + 1) + position
            if let known = memo[key] { return known }
            let result: Bool
            if token == tokens.count {
                result = position == characters.count
            } else if let literal = tokens[token] {
                result =
                    position < characters.count && characters[position] == literal && match(token + 1, position + 1)
            } else {
                result = match(token + 1, position) || (position < characters.count && match(token, position + 1))
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    private static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(max(value, low), high)
    }
}
