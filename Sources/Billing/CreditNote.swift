import Foundation

/// A credit note (avoir) cancelling all or part of an invoice after a refund; immutable once issued.
public struct CreditNote: Equatable, Sendable {
    /// Database id.
    public let id: Int64
    /// `AV-2026-000001`: its own gapless series per year.
    public let number: String
    /// The invoice it credits.
    public let invoiceNumber: String
    /// The buyer's account; `nil` once deleted.
    public let userID: Int64?
    /// Date of issue.
    public let issuedAt: Date
    /// Why it was issued, in French.
    public let reason: String
    /// Buyer as at issue.
    public let buyer: Buyer
    /// Seller as at issue.
    public let seller: SellerDetails
    /// Amounts credited (positive): HT, TVA, TTC.
    public let total: PriceBreakdown
    /// `EUR`.
    public let currency: String
}
