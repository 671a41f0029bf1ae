@testable import Exams

extension Question {
    /// Every text a candidate or trainer reads: title, stem, options, accepted answers, pairs, feedback
    /// and explanation, without HTML tags or short-answer wildcards.
    var readableTexts: [String] {
        var texts: [QuestionText?] = [title.map { QuestionText($0) }, stem, generalFeedback]
        for choice in choices { texts += [choice.text, choice.feedback] }
        texts += [trueFalse?.feedbackWhenTrue, trueFalse?.feedbackWhenFalse]
        for answer in shortAnswers {
            texts += [QuestionText(answer.text.replacingOccurrences(of: "*", with: " ")), answer.feedback]
        }
        for answer in numericalAnswers { texts.append(answer.feedback) }
        for pair in matchPairs { texts += [pair.item, QuestionText(pair.answer)] }
        return texts.compactMap { $0.map { QuestionIdentity.plainText($0.text) } }.filter { !$0.isEmpty }
    }
}
