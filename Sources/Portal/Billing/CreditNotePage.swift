import Billing
import Web

/// `/compte/avoirs/:number`: one credit note, printable; another user's number reads as not found.
enum CreditNotePage {
    struct View: Encodable {
        var layout: LayoutView
        var number: String
        var date: String
        var invoiceNumber: String
        var reason: String
        var document: InvoiceDocument
    }

    static func show(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let number = context.request.parameters["number"] ?? ""

        let note: CreditNote
        do {
            note = try InvoiceStore(context.db).creditNote(number: number, userID: user.id)
        } catch BillingError.invoiceNotFound {
            throw PortalError.notFound
        }

        let line = InvoiceDocument.line(note.reason, quantity: 1, note.total)
        let view = View(
            layout: context.layout(), number: note.number, date: FrenchFormat.date(note.issuedAt),
            invoiceNumber: note.invoiceNumber, reason: note.reason,
            document: InvoiceDocument(seller: note.seller, buyer: note.buyer, lines: [line], total: note.total))
        return try context.render("pages/billing/credit-note", view)
    }
}
