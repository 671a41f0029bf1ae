import Web

/// A short French page explaining why a billing action cannot go on, with one link to what to do next.
enum BillingMessage {
    struct View: Encodable {
        struct Link: Encodable {
            var href: String
            var label: String
        }

        var layout: LayoutView
        var heading: String
        var paragraphs: [String]
        var link: Link?
    }

    static func render(
        _ context: Context, status: Int, heading: String, _ paragraphs: [String], link: (href: String, label: String)?
    ) throws -> Response {
        let view = View(
            layout: context.layout(), heading: heading, paragraphs: paragraphs,
            link: link.map { View.Link(href: $0.href, label: $0.label) })
        return try context.render("pages/account/message", view, status: status)
    }
}
