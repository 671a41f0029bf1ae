import Foundation
import Storage

/// Issues and reads invoices and credit notes.
///
/// There is no update or delete path: the schema's triggers refuse both,
/// and a correction is a credit note.
public struct InvoiceStore {
    let db: Database

    /// A store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// Issues the invoice of a paid order with the next number of the year of `date`.
    ///
    /// Runs in its own transaction, or as part of the caller's.
    public func issue(order: Order, seller: SellerDetails, at date: Date) throws -> Invoice {
        try db.transaction {
            let (number, year, sequence) = try DocumentNumbering.next(.invoice, at: date, in: db)
            let price = order.price
            try db.run(
                """
                INSERT INTO invoices (number, year, sequence, order_id, user_id, issued_at, buyer_email, buyer_name,
                    seller_name, seller_address, seller_siren, seller_vat_number, seller_email, seller_mentions,
                    total_ht_cents, total_vat_cents, total_ttc_cents, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR')
                """,
                parameters: [
                    number, year, sequence, order.id, order.userID, date, order.buyer.email, order.buyer.name,
                    seller.name, seller.address, seller.siren, seller.vatNumber, seller.email, seller.mentions,
                    price.htCents, price.vatCents, price.ttcCents,
                ])
            let id = db.lastInsertRowID
            try db.run(
                """
                INSERT INTO invoice_lines (invoice_id, position, description, quantity, ht_cents, vat_rate_bp,
                    vat_cents, ttc_cents)
                VALUES (?, 1, ?, 1, ?, ?, ?, ?)
                """,
                id, order.planName, price.htCents, price.vatRateBasisPoints, price.vatCents, price.ttcCents)
            return try requireInvoice(id: id)
        }
    }

    /// A user's invoices, newest first.
    public func invoices(userID: Int64) throws -> [Invoice] {
        try db.query("SELECT * FROM invoices WHERE user_id = ? ORDER BY issued_at DESC, id DESC", userID)
            .map(invoice(from:))
    }

    /// The invoice with this number if it belongs to `userID`; `invoiceNotFound` otherwise, whoever owns it.
    public func invoice(number: String, userID: Int64) throws -> Invoice {
        guard let row = try db.queryOne("SELECT * FROM invoices WHERE number = ? AND user_id = ?", number, userID)
        else {
            throw BillingError.invoiceNotFound(number: number)
        }
        return try invoice(from: row)
    }

    /// The invoice of an order, for admins and webhooks.
    public func invoice(orderID: Int64) throws -> Invoice? {
        try db.queryOne("SELECT * FROM invoices WHERE order_id = ?", orderID).map(invoice(from:))
    }

    /// Issues a credit note for `amountTTCCents` of `invoice`, split HT/TVA at the invoice's rate.
    public func issueCreditNote(
        for invoice: Invoice, amountTTCCents: Int, reason: String, seller: SellerDetails, at date: Date
    ) throws -> CreditNote {
        precondition(amountTTCCents > 0, "billing: credit note of \(amountTTCCents) cents")
        let rate = invoice.lines.first?.price.vatRateBasisPoints ?? PriceBreakdown.standardVATRate
        let amount = PriceBreakdown(ttcCents: amountTTCCents, vatRateBasisPoints: rate)
        return try db.transaction {
            let (number, year, sequence) = try DocumentNumbering.next(.creditNote, at: date, in: db)
            try db.run(
                """
                INSERT INTO credit_notes (number, year, sequence, invoice_id, user_id, issued_at, reason, buyer_email,
                    buyer_name, seller_name, seller_address, seller_siren, seller_vat_number, seller_email,
                    seller_mentions, total_ht_cents, total_vat_cents, total_ttc_cents, vat_rate_bp, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR')
                """,
                parameters: [
                    number, year, sequence, invoice.id, invoice.userID, date, reason, invoice.buyer.email,
                    invoice.buyer.name, seller.name, seller.address, seller.siren, seller.vatNumber, seller.email,
                    seller.mentions, amount.htCents, amount.vatCents, amount.ttcCents, rate,
                ])
            return try requireCreditNote(id: db.lastInsertRowID)
        }
    }

    /// A user's credit notes, newest first.
    public func creditNotes(userID: Int64) throws -> [CreditNote] {
        try db.query(
            """
            SELECT credit_notes.*, invoices.number AS invoice_number FROM credit_notes
            JOIN invoices ON invoices.id = credit_notes.invoice_id
            WHERE credit_notes.user_id = ? ORDER BY credit_notes.issued_at DESC, credit_notes.id DESC
            """,
            userID
        ).map(Self.creditNote(from:))
    }

    /// The credit note with this number if it belongs to `userID`; `invoiceNotFound` otherwise.
    public func creditNote(number: String, userID: Int64) throws -> CreditNote {
        guard
            let row = try db.queryOne(
                """
                SELECT credit_notes.*, invoices.number AS invoice_number FROM credit_notes
                JOIN invoices ON invoices.id = credit_notes.invoice_id
                WHERE credit_notes.number = ? AND credit_notes.user_id = ?
                """,
                number, userID)
        else {
            throw BillingError.invoiceNotFound(number: number)
        }
        return Self.creditNote(from: row)
    }

    /// The credit notes of one invoice, oldest first.
    public func creditNotes(invoiceID: Int64) throws -> [CreditNote] {
        try db.query(
            """
            SELECT credit_notes.*, invoices.number AS invoice_number FROM credit_notes
            JOIN invoices ON invoices.id = credit_notes.invoice_id
            WHERE credit_notes.invoice_id = ? ORDER BY credit_notes.id
            """,
            invoiceID
        ).map(Self.creditNote(from:))
    }

    // MARK: - Rows

    private func requireInvoice(id: Int64) throws -> Invoice {
        guard let row = try db.queryOne("SELECT * FROM invoices WHERE id = ?", id) else {
            preconditionFailure("billing: invoice \(id) vanished inside its transaction")
        }
        return try invoice(from: row)
    }

    private func requireCreditNote(id: Int64) throws -> CreditNote {
        guard
            let row = try db.queryOne(
                """
                SELECT credit_notes.*, invoices.number AS invoice_number FROM credit_notes
                JOIN invoices ON invoices.id = credit_notes.invoice_id WHERE credit_notes.id = ?
                """,
                id)
        else {
            preconditionFailure("billing: credit note \(id) vanished inside its transaction")
        }
        return Self.creditNote(from: row)
    }

    private func invoice(from row: Row) throws -> Invoice {
        let id = row.int64("id")
        let lines = try db.query("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position", id).map {
            InvoiceLine(
                position: $0.int("position"), description: $0.string("description"), quantity: $0.int("quantity"),
                price: PriceBreakdown(ttcCents: $0.int("ttc_cents"), vatRateBasisPoints: $0.int("vat_rate_bp")))
        }
        let rate = lines.first?.price.vatRateBasisPoints ?? PriceBreakdown.standardVATRate
        return Invoice(
            id: id, number: row.string("number"), orderID: row.int64("order_id"), userID: row.optionalInt64("user_id"),
            issuedAt: row.date("issued_at"), buyer: Self.buyer(from: row), seller: Self.seller(from: row),
            lines: lines, total: PriceBreakdown(ttcCents: row.int("total_ttc_cents"), vatRateBasisPoints: rate),
            currency: row.string("currency"))
    }

    private static func creditNote(from row: Row) -> CreditNote {
        CreditNote(
            id: row.int64("id"), number: row.string("number"), invoiceNumber: row.string("invoice_number"),
            userID: row.optionalInt64("user_id"), issuedAt: row.date("issued_at"), reason: row.string("reason"),
            buyer: buyer(from: row), seller: seller(from: row),
            total: PriceBreakdown(ttcCents: row.int("total_ttc_cents"), vatRateBasisPoints: row.int("vat_rate_bp")),
            currency: row.string("currency"))
    }

    private static func buyer(from row: Row) -> Buyer {
        Buyer(email: row.string("buyer_email"), name: row.optionalString("buyer_name"))
    }

    private static func seller(from row: Row) -> SellerDetails {
        SellerDetails(
            name: row.string("seller_name"), address: row.string("seller_address"), siren: row.string("seller_siren"),
            vatNumber: row.string("seller_vat_number"), email: row.string("seller_email"),
            mentions: row.string("seller_mentions"))
    }
}
