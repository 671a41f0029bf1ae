import Exams
import Foundation
import Mustache
import Web

/// The exam page: one question of the open section, the navigator, the timer.
enum AttemptPage {
    struct View: Encodable {
        struct Option: Encodable {
            var index: Int
            var html: String
            var checked: Bool
        }

        struct MatchItem: Encodable {
            struct Choice: Encodable {
                var value: String
                var selected: Bool
            }

            var index: Int
            var html: String
            var choices: [Choice]
        }

        struct TextAnswer: Encodable {
            var text: String
            var unit: String?
            var numeric: Bool
        }

        struct TrueFalse: Encodable {
            var isTrue: Bool
            var isFalse: Bool
        }

        struct NavigatorItem: Encodable {
            var token: String
            var position: Int
            var number: Int
            var answered: Bool
            var flagged: Bool
            var current: Bool
            var stateLabel: String
        }

        var layout: LayoutView
        var token: String
        var examTitle: String
        var sectionLabel: String
        var number: Int
        var sectionCount: Int
        var position: Int
        var kind: String
        var seq: Int64
        var remainingMs: Int64
        var remainingLabel: String
        var saveLabel: String
        var navigator: [NavigatorItem]
        var title: String?
        var stemHTML: String
        var singleChoice: [Option]?
        var multipleChoice: [Option]?
        var trueFalse: TrueFalse?
        var textAnswer: TextAnswer?
        var essay: TextAnswer?
        var matching: [MatchItem]?
        var flagged: Bool
        /// A question to go to; an object, because position 0 would read as false in a template section.
        struct Target: Encodable {
            var position: Int
        }

        var previous: Target?
        var next: Target?
        var hasNextSection: Bool
        var errorMessage: String?
        var examScript: String

        enum CodingKeys: String, CodingKey {
            case layout, token, examTitle, sectionLabel, number, sectionCount, position, kind, seq, remainingMs
            case remainingLabel, saveLabel, navigator, title, stemHTML, singleChoice, multipleChoice, trueFalse
            case textAnswer, essay, matching, flagged, previous, next, hasNextSection, errorMessage, examScript
            case options, items
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(layout, forKey: .layout)
            try container.encode(token, forKey: .token)
            try container.encode(examTitle, forKey: .examTitle)
            try container.encode(sectionLabel, forKey: .sectionLabel)
            try container.encode(number, forKey: .number)
            try container.encode(sectionCount, forKey: .sectionCount)
            try container.encode(position, forKey: .position)
            try container.encode(kind, forKey: .kind)
            try container.encode(seq, forKey: .seq)
            try container.encode(remainingMs, forKey: .remainingMs)
            try container.encode(remainingLabel, forKey: .remainingLabel)
            try container.encode(saveLabel, forKey: .saveLabel)
            try container.encode(navigator, forKey: .navigator)
            try container.encode(title, forKey: .title)
            try container.encode(stemHTML, forKey: .stemHTML)
            // Sections are booleans in the template; the options travel under a shared key.
            try container.encode(singleChoice != nil, forKey: .singleChoice)
            try container.encode(multipleChoice != nil, forKey: .multipleChoice)
            try container.encode(singleChoice ?? multipleChoice ?? [], forKey: .options)
            try container.encode(trueFalse, forKey: .trueFalse)
            try container.encode(textAnswer, forKey: .textAnswer)
            try container.encode(essay, forKey: .essay)
            try container.encode(matching != nil, forKey: .matching)
            try container.encode(matching ?? [], forKey: .items)
            try container.encode(flagged, forKey: .flagged)
            try container.encode(previous, forKey: .previous)
            try container.encode(next, forKey: .next)
            try container.encode(hasNextSection, forKey: .hasNextSection)
            try container.encode(errorMessage, forKey: .errorMessage)
            try container.encode(examScript, forKey: .examScript)
        }
    }

    static func show(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""
        let view = try context.attempts.resume(token: token, owner: context.attemptOwner, now: context.now)
        guard view.attempt.isOpen else { return context.redirect(to: "/epreuves/\(token)/resultats") }

        let requested = context.request.query("q").flatMap(Int.init)
        return try render(&context, view, position: requested, error: nil, status: 200)
    }

    /// Renders question `position` (or the current one) of an open attempt.
    ///
    /// `typed` replaces the stored answer in the field when a typed answer was refused, so it can be corrected.
    static func render(
        _ context: inout Context, _ attempt: AttemptView, position requested: Int?, error: String?, status: Int,
        typed: String? = nil
    ) throws -> Response {
        let open = attempt.items.filter { $0.question != nil }
        guard !open.isEmpty else { return context.redirect(to: "/epreuves/\(attempt.attempt.token)/terminer") }
        let item =
            open.first { $0.position == requested } ?? open.first { $0.position == attempt.attempt.currentPosition }
            ?? open[0]
        guard let question = item.question else { throw PortalError.notFound }
        let index = open.firstIndex { $0.position == item.position } ?? 0
        let section = attempt.sections[item.sectionIndex]
        let remaining = section.remainingMilliseconds ?? attempt.remainingMilliseconds
        let token = attempt.attempt.token

        var view = View(
            layout: context.layout(), token: token, examTitle: attempt.title,
            sectionLabel: attempt.sections.count > 1
                ? "Section \(section.index + 1) sur \(attempt.sections.count) : \(section.title)" : section.title,
            number: index + 1, sectionCount: open.count, position: item.position, kind: question.kind.rawValue,
            seq: attempt.items.map(\.clientSeq).max() ?? 0, remainingMs: remaining,
            remainingLabel: ExamFormat.clock(milliseconds: remaining),
            saveLabel: item.response == nil ? "Pas encore de réponse" : "Enregistré",
            navigator: open.enumerated().map { offset, other in
                View.NavigatorItem(
                    token: token, position: other.position, number: offset + 1, answered: other.response != nil,
                    flagged: other.flagged, current: other.position == item.position,
                    stateLabel: [
                        other.response != nil ? " (répondue)" : " (sans réponse)", other.flagged ? ", marquée" : "",
                    ]
                    .joined())
            },
            title: question.title, stemHTML: QuestionHTML.render(question.stem), flagged: item.flagged,
            previous: index > 0 ? View.Target(position: open[index - 1].position) : nil,
            next: index + 1 < open.count ? View.Target(position: open[index + 1].position) : nil,
            hasNextSection: attempt.sequentialSections && section.index + 1 < attempt.sections.count,
            errorMessage: error, examScript: context.app.staticFiles.assetURL("js/exam.js"))
        fill(&view, question: question, response: typed.map(AnswerResponse.text) ?? item.response)
        return try context.render("pages/exams/question", view, status: status)
    }

    private static func fill(_ view: inout View, question: PresentedQuestion, response: AnswerResponse?) {
        func options(_ chosen: Set<Int>) -> [View.Option] {
            question.options.enumerated().map {
                View.Option(
                    index: $0.offset, html: QuestionHTML.inline($0.element), checked: chosen.contains($0.offset))
            }
        }
        switch question.kind {
        case .singleChoice:
            if case .choice(let index) = response {
                view.singleChoice = options([index])
            } else {
                view.singleChoice = options([])
            }
        case .multipleChoice:
            if case .choices(let set) = response {
                view.multipleChoice = options(set)
            } else {
                view.multipleChoice = options([])
            }
        case .trueFalse:
            let value: Bool? = if case .trueFalse(let answer) = response { answer } else { nil }
            view.trueFalse = View.TrueFalse(isTrue: value == true, isFalse: value == false)
        case .shortAnswer, .numerical:
            let text: String = if case .text(let typed) = response { typed } else { "" }
            view.textAnswer = View.TextAnswer(text: text, unit: question.unit, numeric: question.kind == .numerical)
        case .essay:
            let text: String = if case .text(let typed) = response { typed } else { "" }
            view.essay = View.TextAnswer(text: text, unit: nil, numeric: false)
        case .matching:
            let chosen: [Int: String] = if case .matching(let pairs) = response { pairs } else { [:] }
            view.matching = question.matchItems.enumerated().map { offset, item in
                View.MatchItem(
                    index: offset, html: QuestionHTML.inline(item),
                    choices: question.matchAnswers.map {
                        View.MatchItem.Choice(value: $0, selected: chosen[offset] == $0)
                    })
            }
        case .description:
            break
        }
    }
}

// The question page is the busiest page of an exam: its view gives its value directly (see `MustacheConvertible`).

extension AttemptPage.View: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object([
            "layout": layout.mustacheValue, "token": token.mustacheValue, "examTitle": examTitle.mustacheValue,
            "sectionLabel": sectionLabel.mustacheValue, "number": number.mustacheValue,
            "sectionCount": sectionCount.mustacheValue, "position": position.mustacheValue,
            "kind": kind.mustacheValue, "seq": seq.mustacheValue, "remainingMs": remainingMs.mustacheValue,
            "remainingLabel": remainingLabel.mustacheValue, "saveLabel": saveLabel.mustacheValue,
            "navigator": navigator.mustacheValue, "title": title.mustacheValue, "stemHTML": stemHTML.mustacheValue,
            "singleChoice": .bool(singleChoice != nil), "multipleChoice": .bool(multipleChoice != nil),
            "options": (singleChoice ?? multipleChoice ?? []).mustacheValue, "trueFalse": trueFalse.mustacheValue,
            "textAnswer": textAnswer.mustacheValue, "essay": essay.mustacheValue,
            "matching": .bool(matching != nil), "items": (matching ?? []).mustacheValue,
            "flagged": flagged.mustacheValue, "previous": previous.mustacheValue, "next": next.mustacheValue,
            "hasNextSection": hasNextSection.mustacheValue, "errorMessage": errorMessage.mustacheValue,
            "examScript": examScript.mustacheValue,
        ])
    }
}

extension AttemptPage.View.Option: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object(["index": index.mustacheValue, "html": html.mustacheValue, "checked": checked.mustacheValue])
    }
}

extension AttemptPage.View.MatchItem: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object(["index": index.mustacheValue, "html": html.mustacheValue, "choices": choices.mustacheValue])
    }
}

extension AttemptPage.View.MatchItem.Choice: MustacheConvertible {
    var mustacheValue: MustacheValue { .object(["value": value.mustacheValue, "selected": selected.mustacheValue]) }
}

extension AttemptPage.View.TextAnswer: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object(["text": text.mustacheValue, "unit": unit.mustacheValue, "numeric": numeric.mustacheValue])
    }
}

extension AttemptPage.View.TrueFalse: MustacheConvertible {
    var mustacheValue: MustacheValue { .object(["isTrue": isTrue.mustacheValue, "isFalse": isFalse.mustacheValue]) }
}

extension AttemptPage.View.NavigatorItem: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object([
            "token": token.mustacheValue, "position": position.mustacheValue, "number": number.mustacheValue,
            "answered": answered.mustacheValue, "flagged": flagged.mustacheValue, "current": current.mustacheValue,
            "stateLabel": stateLabel.mustacheValue,
        ])
    }
}

extension AttemptPage.View.Target: MustacheConvertible {
    var mustacheValue: MustacheValue { .object(["position": position.mustacheValue]) }
}
