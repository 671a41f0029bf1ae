/// One line of an invoice: what was sold, HT, TVA and TTC.
public struct InvoiceLine: Equatable, Sendable {
    /// Position on the invoice, from 1.
    public let position: Int
    /// What was sold (the plan's name at purchase).
    public let description: String
    /// How many.
    public let quantity: Int
    /// Amounts of the line.
    public let price: PriceBreakdown
}
