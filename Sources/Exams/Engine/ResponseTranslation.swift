/// Converts responses between the order the candidate saw (positions in `OptionOrder`) and the author's
/// order that scoring and statistics use, validating them against the question on the way in.
enum ResponseTranslation {
    /// Longest text kept for a short or numerical answer.
    static let maximumShortLength = 1_000
    /// Longest essay kept.
    static let maximumEssayLength = 50_000

    /// The response in the author's order, or nil for an empty one (nothing typed, nothing ticked).
    ///
    /// - Throws: `AttemptError.invalidResponse` with a French reason.
    static func stored(_ shown: AnswerResponse, for question: Question, order: OptionOrder) throws -> AnswerResponse? {
        switch (question.kind, shown) {
        case (.singleChoice, .choice(let position)):
            guard order.choices.indices.contains(position) else { throw outOfRange }
            return .choice(order.choices[position])
        case (.singleChoice, .choices(let positions)) where positions.isEmpty,
            (.multipleChoice, .choices(let positions)) where positions.isEmpty:
            return nil
        case (.multipleChoice, .choices(let positions)):
            guard positions.allSatisfy(order.choices.indices.contains) else { throw outOfRange }
            return .choices(Set(positions.map { order.choices[$0] }))
        case (.trueFalse, .trueFalse):
            return shown
        case (.shortAnswer, .text(let text)), (.essay, .text(let text)):
            let limit = question.kind == .essay ? maximumEssayLength : maximumShortLength
            guard text.count <= limit else {
                throw AttemptError.invalidResponse(
                    reason: "La réponse est trop longue (\(limit) caractères au plus).")
            }
            return text.allSatisfy(\.isWhitespace) ? nil : shown
        case (.numerical, .text(let text)):
            if text.allSatisfy(\.isWhitespace) { return nil }
            guard text.count <= maximumShortLength else { throw notANumber }
            do {
                _ = try NumberInput.parse(text, unit: question.unit)
            } catch {
                throw AttemptError.invalidResponse(reason: error.message)
            }
            return shown
        case (.matching, .matching(let picked)):
            guard picked.keys.allSatisfy(order.pairs.indices.contains),
                picked.values.allSatisfy(order.answers.contains)
            else { throw outOfRange }
            if picked.isEmpty { return nil }
            return .matching(Dictionary(uniqueKeysWithValues: picked.map { (order.pairs[$0.key], $0.value) }))
        default:
            throw AttemptError.invalidResponse(reason: "Cette réponse ne correspond pas au type de la question.")
        }
    }

    /// The stored response in the order the candidate saw.
    static func shown(_ stored: AnswerResponse, order: OptionOrder) -> AnswerResponse {
        switch stored {
        case .choice(let index):
            return .choice(order.choices.firstIndex(of: index) ?? index)
        case .choices(let indices):
            return .choices(Set(indices.compactMap { order.choices.firstIndex(of: $0) }))
        case .matching(let picked):
            var shown: [Int: String] = [:]
            for (pair, answer) in picked {
                if let position = order.pairs.firstIndex(of: pair) { shown[position] = answer }
            }
            return .matching(shown)
        case .trueFalse, .text:
            return stored
        }
    }

    private static let outOfRange = AttemptError.invalidResponse(
        reason: "Cette réponse ne correspond à aucune des propositions de la question.")

    private static let notANumber = AttemptError.invalidResponse(reason: "La réponse n'est pas un nombre lisible.")
}
