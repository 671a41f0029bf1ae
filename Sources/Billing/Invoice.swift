import Foundation

/// An issued invoice: numbered without gaps per year and never changed afterwards.
public struct Invoice: Equatable, Sendable {
    /// Database id.
    public let id: Int64
    /// `2026-000123`: the year of issue in Paris, then the rank within that year.
    public let number: String
    /// The paid order.
    public let orderID: Int64
    /// The buyer's account; `nil` once deleted.
    public let userID: Int64?
    /// Date of issue.
    public let issuedAt: Date
    /// Buyer as at issue.
    public let buyer: Buyer
    /// Seller as at issue.
    public let seller: SellerDetails
    /// The lines.
    public let lines: [InvoiceLine]
    /// Totals: HT, TVA, TTC.
    public let total: PriceBreakdown
    /// `EUR`.
    public let currency: String
}
