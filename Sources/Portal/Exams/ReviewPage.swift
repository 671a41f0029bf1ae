import Exams
import Foundation
import Web

/// The detailed correction of a finished attempt, as the review policy allows.
enum ReviewPage {
    struct View: Encodable {
        struct Option: Encodable {
            var html: String
            var right: Bool
            var chosen: Bool
            var feedbackHTML: String?
        }

        struct Item: Encodable {
            var number: Int
            var title: String?
            var stemHTML: String
            var pointsLabel: String
            var outcomeClass: String
            var hasOptions: Bool
            var options: [Option]
            var givenLabel: String
            var expectedLabel: String
            var pending: Bool
            var markerComment: String?
            var explanationHTML: String?
        }

        var layout: LayoutView
        var examTitle: String
        var resultHref: String
        var items: [Item]
    }

    static func show(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""
        let owner = context.attemptOwner
        let blueprint = try context.attempts.blueprint(token: token, owner: owner)

        // Reviewing shows premium text again: access is checked now, not at the time of the attempt.
        if let refusal = try context.premiumRefusal(for: blueprint) {
            let view = MessageView(
                layout: context.layout(), heading: "Correction réservée", paragraphs: [refusal.message],
                link: MessageView.Link(href: refusal.link.href, label: refusal.link.label))
            return try context.render("pages/account/message", view, status: 403)
        }
        let items = try context.attempts.review(token: token, owner: owner)
        let view = View(
            layout: context.layout(), examTitle: blueprint.title, resultHref: "/epreuves/\(token)/resultats",
            items: items.sorted { $0.position < $1.position }.enumerated().map { offset, item in
                Self.item(item, number: offset + 1)
            })
        return try context.render("pages/exams/review", view)
    }

    static func item(_ item: ReviewItem, number: Int) -> View.Item {
        let outcome: String
        if let awarded = item.awarded {
            outcome = awarded >= item.points - 1e-9 ? "right" : awarded > 0 ? "partial" : "wrong"
        } else {
            outcome = "pending"
        }
        let options = item.options.map {
            View.Option(
                html: QuestionHTML.inline($0.text), right: $0.isRight, chosen: $0.isChosen,
                feedbackHTML: $0.feedback.map(QuestionHTML.render))
        }
        let pairs = item.pairs.map { "\($0.item.text) → \($0.given ?? "sans réponse")" }
        let expectedPairs = item.pairs.map { "\($0.item.text) → \($0.expected)" }
        return View.Item(
            number: number, title: item.title, stemHTML: QuestionHTML.render(item.stem),
            pointsLabel: item.awarded.map { ExamFormat.score($0, outOf: item.points) } ?? "en attente",
            outcomeClass: outcome, hasOptions: !options.isEmpty, options: options,
            givenLabel: item.pairs.isEmpty ? (item.givenText ?? "sans réponse") : pairs.joined(separator: " ; "),
            expectedLabel: item.pairs.isEmpty
                ? item.rightAnswers.joined(separator: " ou ") : expectedPairs.joined(separator: " ; "),
            pending: item.awarded == nil && item.kind == .essay, markerComment: item.markerComment,
            explanationHTML: item.generalFeedback.map(QuestionHTML.render))
    }
}
