import Billing
import Web

/// `/compte/factures/:number`: one invoice, printable; another user's number reads as not found.
enum InvoicePage {
    struct View: Encodable {
        var layout: LayoutView
        var number: String
        var date: String
        var document: InvoiceDocument
        var creditNotes: [String]
    }

    static func show(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        let number = context.request.parameters["number"] ?? ""

        let store = InvoiceStore(context.db)
        let invoice: Invoice
        do {
            invoice = try store.invoice(number: number, userID: user.id)
        } catch BillingError.invoiceNotFound {
            throw PortalError.notFound
        }

        let lines = invoice.lines.map { InvoiceDocument.line($0.description, quantity: $0.quantity, $0.price) }
        let view = View(
            layout: context.layout(), number: invoice.number, date: FrenchFormat.date(invoice.issuedAt),
            document: InvoiceDocument(seller: invoice.seller, buyer: invoice.buyer, lines: lines, total: invoice.total),
            creditNotes: try store.creditNotes(invoiceID: invoice.id).map(\.number))
        return try context.render("pages/billing/invoice", view)
    }
}
