import Exams
import Foundation
import Web

/// The page before an exam: sections, timing, marking, accommodations, and the start button.
enum ExamIntroPage {
    struct View: Encodable {
        struct Section: Encodable {
            var title: String
            var durationLabel: String
            var questionCount: Int
            var points: String
        }

        var layout: LayoutView
        var id: String
        var title: String
        var summary: String
        var track: String
        var trackName: String
        var sections: [Section]
        var rules: [String]
        var accommodation: String?
        var resumeHref: String?
        var canStart: Bool
        var lockedMessage: String?
        var lockedHref: String?
        var lockedLabel: String?
    }

    static func show(_ context: inout Context) throws -> Response {
        let blueprint = try context.activeBlueprint(context.request.parameters["exam"] ?? "")

        let refusal = try context.premiumRefusal(for: blueprint)
        let open = try context.attempts.openAttempt(examID: blueprint.id, owner: context.attemptOwner, now: context.now)
        let factor = context.user?.timeFactor ?? 1
        let view = View(
            layout: context.layout(), id: blueprint.id, title: blueprint.title, summary: blueprint.summary,
            track: blueprint.track.slug, trackName: blueprint.track.name,
            sections: blueprint.sections.map {
                View.Section(
                    title: $0.title, durationLabel: ExamFormat.duration(minutes: $0.minutes * factor),
                    questionCount: $0.questionCount, points: FrenchFormat.decimal($0.points))
            },
            rules: rules(blueprint),
            accommodation: factor == 1
                ? nil
                : "Votre aménagement est pris en compte : \(FrenchFormat.timeFactor(factor)). "
                    + "Les durées ci-dessus l'incluent.",
            resumeHref: open.map { "/epreuves/\($0.token)" }, canStart: refusal == nil,
            lockedMessage: refusal?.message, lockedHref: refusal?.link.href, lockedLabel: refusal?.link.label)
        return try context.render("pages/exams/intro", view)
    }

    /// The rules of an exam in plain French, from its blueprint.
    static func rules(_ blueprint: Blueprint) -> [String] {
        var rules: [String] = []
        let scoring = blueprint.scoring
        rules.append(
            "Durée totale : \(ExamFormat.duration(minutes: blueprint.minutes)), "
                + "note sur \(FrenchFormat.decimal(scoring.total)).")
        if blueprint.sequentialSections && blueprint.sections.count > 1 {
            rules.append(
                "Les sections se succèdent, chacune avec son propre temps : "
                    + "quand le temps d'une section est écoulé, "
                    + "la suivante commence et l'on ne peut plus revenir en arrière.")
        }
        rules.append(
            "Seuil de réussite : \(FrenchFormat.decimal(scoring.passMark))/\(FrenchFormat.decimal(scoring.total)).")
        if let eliminatory = scoring.eliminatoryBelow {
            rules.append(
                "Note éliminatoire : en dessous de "
                    + "\(FrenchFormat.decimal(eliminatory))/\(FrenchFormat.decimal(scoring.total)), "
                    + "l'épreuve est éliminatoire, comme à la sélection réelle.")
        }
        for section in blueprint.sections {
            if let eliminatory = section.eliminatoryBelow {
                rules.append(
                    "Section « \(section.title) » : éliminatoire en dessous de "
                        + "\(FrenchFormat.decimal(eliminatory))/\(FrenchFormat.decimal(section.points)).")
            }
        }
        if scoring.penalty > 0 {
            rules.append(
                "Une réponse fausse retire \(FrenchFormat.decimal(scoring.penalty * 100)) % "
                    + "des points de la question ; "
                    + "une question sans réponse ne retire rien.")
        } else {
            rules.append(
                "Une réponse fausse ne fait pas perdre de points sur le reste de l'épreuve ; dans une question à "
                    + "plusieurs réponses, une option fausse cochée réduit la note de cette seule question.")
        }
        rules.append(
            "Vos réponses sont enregistrées à chaque changement ; vous pouvez reprendre sur un autre appareil.")
        rules.append("À la fin du temps, l'épreuve est remise automatiquement avec les réponses enregistrées.")
        switch blueprint.review {
        case .afterSubmit: rules.append("La correction détaillée est disponible dès la remise de la copie.")
        case .scoreOnly:
            rules.append("Seule la note est communiquée : pas de correction détaillée pour cette épreuve.")
        }
        return rules
    }
}
