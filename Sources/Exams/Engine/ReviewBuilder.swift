/// Builds the correction of one item from the question version drawn and the stored response.
enum ReviewBuilder {
    /// The correction of `item`, drawn as `question`.
    static func item(_ item: AttemptItemRecord, question: Question) -> ReviewItem {
        var review = ReviewItem(
            position: item.position, sectionIndex: item.sectionIndex, questionID: item.questionID,
            questionVersion: item.questionVersion, kind: question.kind, title: question.title, stem: question.stem,
            options: [], pairs: [], givenText: nil, rightAnswers: [], feedback: nil,
            generalFeedback: question.generalFeedback, awarded: item.awarded, points: item.points,
            markerComment: item.markerComment)
        let response = item.response
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let chosen: Set<Int> =
                switch response {
                case .choice(let index): [index]
                case .choices(let indices): indices
                default: []
                }
            review.options = item.optionOrder.choices.map { index in
                let choice = question.choices[index]
                return ReviewItem.Option(
                    text: choice.text, weight: choice.weight, isRight: choice.weight > 0,
                    isChosen: chosen.contains(index), feedback: choice.feedback)
            }
        case .matching:
            let picked: [Int: String] = if case .matching(let picked) = response { picked } else { [:] }
            review.pairs = item.optionOrder.pairs.map { index in
                let pair = question.matchPairs[index]
                return ReviewItem.Pair(item: pair.item, expected: pair.answer, given: picked[index])
            }
        case .trueFalse:
            if let answer = question.trueFalse {
                review.rightAnswers = [answer.isTrue ? "Vrai" : "Faux"]
                if case .trueFalse(let given) = response {
                    review.givenText = given ? "Vrai" : "Faux"
                    review.feedback = given ? answer.feedbackWhenTrue : answer.feedbackWhenFalse
                }
            }
        case .shortAnswer:
            review.rightAnswers = question.shortAnswers.filter { $0.weight > 0 }.map(\.text)
            if case .text(let text) = response {
                review.givenText = text
                let typed = AnswerChecker.normalised(text)
                review.feedback =
                    question.shortAnswers.first {
                        AnswerChecker.matches(typed, pattern: AnswerChecker.normalised($0.text))
                    }?.feedback
            }
        case .numerical:
            review.rightAnswers = question.numericalAnswers.filter { $0.weight > 0 }.compactMap(written)
            if case .text(let text) = response {
                review.givenText = text
                if let number = try? NumberInput.parse(text, unit: question.unit) {
                    review.feedback = question.numericalAnswers.first { $0.accepts(number) }?.feedback
                }
            }
        case .essay:
            if case .text(let text) = response { review.givenText = text }
        case .description:
            break
        }
        return review
    }

    /// An accepted numerical answer in French (`270`, `2,5 (± 0,05)`, `entre 2 et 3`).
    private static func written(_ answer: NumericalAnswer) -> String? {
        switch answer.accepted {
        case .value(let value, let tolerance):
            let text = FrenchNumber.format(value)
            return tolerance > 0 ? "\(text) (± \(FrenchNumber.format(tolerance)))" : text
        case .interval(let low, let high):
            return "entre \(FrenchNumber.format(low)) et \(FrenchNumber.format(high))"
        case .any:
            return nil
        }
    }
}
