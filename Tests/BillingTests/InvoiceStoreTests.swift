import Foundation
import Storage
import Testing

@testable import Billing

@Suite struct InvoiceStoreTests {
    @Test func invoicesAreNumberedWithoutGapsAcrossAYearBoundary() throws {
        let fixture = try BillingFixture(now: paris(2026, 12, 31, 23, 0))
        let user = try fixture.addUser("a@example.fr")
        var numbers: [String] = []
        let moments = [paris(2026, 12, 31, 23, 10), paris(2026, 12, 31, 23, 59), paris(2027, 1, 1, 0, 5)]
        for moment in moments {
            fixture.now = moment
            let order = try fixture.checkout(userID: user, plan: "ifsi-1-mois")
            try fixture.deliver(.paymentSucceeded, order)
            numbers.append(try #require(try InvoiceStore(fixture.db).invoice(orderID: order.id)).number)
        }
        // 00:05 on 1 January in Paris is still 31 December in UTC: the Paris year counts.
        #expect(numbers == ["2026-000001", "2026-000002", "2027-000001"])
    }

    @Test func manySequentialIssuesLeaveNoGap() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        for _ in 0..<25 {
            let order = try fixture.checkout(userID: user, plan: "es-1-mois")
            try fixture.deliver(.paymentSucceeded, order)
        }
        let sequences = try fixture.db.query("SELECT sequence FROM invoices ORDER BY sequence").map { $0.int(0) }
        #expect(sequences == Array(1...25))
        #expect(try InvoiceStore(fixture.db).invoices(userID: user).first?.number == "2026-000025")
    }

    @Test func twoConnectionsIssuingAtOnceShareOneGaplessSequence() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let orders = try (0..<20).map { _ in try fixture.checkout(userID: user, plan: "es-1-mois") }
        let path = fixture.db.path
        let now = fixture.now
        let failures = LogCapture()

        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let db = try Database(path: path)
                defer { db.close() }
                for order in orders[(worker * 10)..<(worker * 10 + 10)] {
                    _ = try InvoiceStore(db).issue(order: order, seller: .placeholder, at: now)
                }
            } catch {
                failures.sink("\(error)")
            }
        }

        #expect(failures.lines.isEmpty)
        let sequences = try fixture.db.query("SELECT sequence FROM invoices ORDER BY sequence").map { $0.int(0) }
        #expect(sequences == Array(1...20))
    }

    @Test func rolledBackIssueGivesItsNumberBack() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let first = try fixture.checkout(userID: user, plan: "es-1-mois")
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try fixture.db.transaction {
                _ = try InvoiceStore(fixture.db).issue(order: first, seller: .placeholder, at: fixture.now)
                throw Abort()
            }
        }
        try fixture.deliver(.paymentSucceeded, first)
        #expect(try InvoiceStore(fixture.db).invoices(userID: user).map(\.number) == ["2026-000001"])
    }

    @Test func issuedInvoiceCannotBeUpdatedOrDeleted() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        let statements = [
            "UPDATE invoices SET total_ttc_cents = 1",
            "UPDATE invoices SET number = '2026-999999'",
            "UPDATE invoices SET user_id = 77",
            "DELETE FROM invoices",
            "UPDATE invoice_lines SET ttc_cents = 1",
            "DELETE FROM invoice_lines",
        ]
        for sql in statements {
            let error = #expect(throws: DatabaseError.self, "\(sql)") { try fixture.db.run(sql) }
            #expect(error?.message == "invoices are immutable once issued")
        }
        let invoice = try InvoiceStore(fixture.db).invoice(number: "2026-000001", userID: user)
        #expect(invoice.total == PriceBreakdown(ttcCents: 1990))
    }

    @Test func deletingTheBuyerKeepsTheInvoiceWithItsSnapshot() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)

        try fixture.db.run("DELETE FROM users WHERE id = ?", user)

        let invoice = try #require(try InvoiceStore(fixture.db).invoice(orderID: order.id))
        #expect(invoice.userID == nil)
        #expect(invoice.buyer == Buyer(email: "eleve\(user)@example.fr", name: "Élève \(user)"))
    }

    @Test func invoiceCarriesLinesTotalsBuyerAndSeller() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "toutes-concours-2027")
        try fixture.deliver(.paymentSucceeded, order)

        let invoice = try InvoiceStore(fixture.db).invoice(number: "2026-000001", userID: user)

        #expect(invoice.lines.count == 1)
        #expect(invoice.lines[0].description == "Toutes les préparations — jusqu'aux sélections 2027")
        #expect(invoice.lines[0].price == PriceBreakdown(ttcCents: 12900))
        #expect(invoice.total.htCents == 10750)
        #expect(invoice.total.vatCents == 2150)
        #expect(invoice.currency == "EUR")
        #expect(invoice.issuedAt == fixture.now)
        #expect(invoice.seller == .placeholder)
        #expect(invoice.seller.isPlaceholder)
    }

    @Test func someoneElsesInvoiceReadsAsNotFound() throws {
        let fixture = try BillingFixture()
        let owner = try fixture.addUser("a@example.fr")
        let other = try fixture.addUser("b@example.fr")
        let order = try fixture.checkout(userID: owner, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)

        let error = #expect(throws: BillingError.invoiceNotFound(number: "2026-000001")) {
            try InvoiceStore(fixture.db).invoice(number: "2026-000001", userID: other)
        }
        #expect(error?.message == "Cette facture est introuvable.")
        #expect(try InvoiceStore(fixture.db).invoices(userID: other).isEmpty)
    }

    @Test func creditNoteIsImmutableToo() throws {
        let fixture = try BillingFixture()
        let user = try fixture.addUser("a@example.fr")
        let order = try fixture.checkout(userID: user, plan: "es-1-mois")
        try fixture.deliver(.paymentSucceeded, order)
        try fixture.deliver(.refunded, order)

        let error = #expect(throws: DatabaseError.self) {
            try fixture.db.run("UPDATE credit_notes SET total_ttc_cents = 0")
        }
        #expect(error?.message == "credit notes are immutable once issued")
        #expect(try InvoiceStore(fixture.db).creditNote(number: "AV-2026-000001", userID: user).total.ttcCents == 1990)
    }

    @Test func documentNumbersArePaddedToSixDigits() {
        #expect(DocumentNumbering.format(.invoice, year: 2026, sequence: 123) == "2026-000123")
        #expect(DocumentNumbering.format(.creditNote, year: 2027, sequence: 1) == "AV-2027-000001")
        #expect(DocumentNumbering.format(.invoice, year: 2026, sequence: 1_234_567) == "2026-1234567")
    }
}
