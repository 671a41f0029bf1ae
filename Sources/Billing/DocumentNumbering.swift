import Foundation
import Storage

/// Gapless numbers per series and year, from the `document_counters` table.
///
/// The counter is bumped by the same transaction that inserts the document,
/// so a rolled-back issue gives its number back and two writers never get
/// the same one (SQLite serializes write transactions). The year is the
/// civil year in Paris at the moment of issue.
enum DocumentNumbering {
    /// The series of accounting documents.
    enum Series: String {
        /// Invoices: `2026-000001`.
        case invoice
        /// Credit notes: `AV-2026-000001`.
        case creditNote = "credit_note"

        /// What comes before the year.
        var prefix: String {
            switch self {
            case .invoice: ""
            case .creditNote: "AV-"
            }
        }
    }

    /// Takes the next number of `series` for the year of `date`; call it inside the issuing transaction.
    static func next(_ series: Series, at date: Date, in db: Database) throws -> (
        number: String, year: Int, sequence: Int
    ) {
        precondition(db.isInTransaction, "billing: document numbers must be taken inside the issuing transaction")
        let year = ParisCalendar.year(of: date)
        guard
            let row = try db.queryOne(
                """
                INSERT INTO document_counters (series, year, last_number) VALUES (?, ?, 1)
                ON CONFLICT (series, year) DO UPDATE SET last_number = last_number + 1
                RETURNING last_number
                """,
                series.rawValue, year)
        else {
            preconditionFailure("billing: counter upsert returned no row")
        }
        let sequence = row.int(0)
        return (format(series, year: year, sequence: sequence), year, sequence)
    }

    /// `2026-000123` or `AV-2026-000123`.
    static func format(_ series: Series, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return "\(series.prefix)\(year)-\(padded)"
    }
}
