import Exams
import Mustache
import Web

/// The home page: what LeSocial offers and the four preparations.
enum HomePage {
    struct View: Encodable {
        struct Preparation: Encodable {
            var name: String
            var code: String
            var summary: String
            var href: String
            var examCountLabel: String
        }

        var layout: LayoutView
        var preparations: [Preparation]
    }

    static func show(_ context: inout Context) throws -> Response {
        let preparations = Track.allCases.map { track in
            View.Preparation(
                name: track.name, code: track.code, summary: track.summary, href: "/preparations/\(track.slug)",
                examCountLabel: "La sélection aujourd'hui, épreuves et calendrier")
        }
        return try context.render("pages/home", View(layout: context.layout(), preparations: preparations))
    }
}

extension HomePage.View: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object(["layout": layout.mustacheValue, "preparations": preparations.mustacheValue])
    }
}

extension HomePage.View.Preparation: MustacheConvertible {
    var mustacheValue: MustacheValue {
        .object([
            "name": name.mustacheValue, "code": code.mustacheValue, "summary": summary.mustacheValue,
            "href": href.mustacheValue, "examCountLabel": examCountLabel.mustacheValue,
        ])
    }
}
