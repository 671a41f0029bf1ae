import Foundation
import Storage

/// What billing keeps about a user, for the RGPD export.
public enum BillingPersonalData {
    /// The user's orders (`commandes`) and invoice numbers (`factures`), as flat records.
    public static func sections(userID: Int64, db: Database) throws -> [String: [[String: String]]] {
        func date(_ milliseconds: Int64?) -> String {
            milliseconds.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double($0) / 1000)) }
                ?? ""
        }
        let orders = try db.query(
            """
            SELECT id, plan_name, amount_ttc_cents, status, buyer_email, buyer_name, created_at, paid_at, refunded_at
            FROM orders WHERE user_id = ? ORDER BY created_at
            """, userID
        ).map { row -> [String: String] in
            [
                "order": "\(row.int64("id"))", "plan": row.string("plan_name"),
                "amountTTCCents": "\(row.int64("amount_ttc_cents"))", "status": row.string("status"),
                "buyerEmail": row.string("buyer_email"), "buyerName": row.optionalString("buyer_name") ?? "",
                "createdAt": date(row.int64("created_at")), "paidAt": date(row.optionalInt64("paid_at")),
                "refundedAt": date(row.optionalInt64("refunded_at")),
            ]
        }
        let invoices = try db.query(
            "SELECT number, issued_at FROM invoices WHERE user_id = ? ORDER BY issued_at", userID
        ).map { row -> [String: String] in
            ["number": row.string("number"), "issuedAt": date(row.int64("issued_at"))]
        }
        return ["commandes": orders, "factures": invoices]
    }
}
