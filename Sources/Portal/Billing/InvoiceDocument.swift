import Billing

/// The fields an invoice and a credit note print alike: seller, buyer, amounts.
struct InvoiceDocument: Encodable {
    /// The seller block.
    struct Party: Encodable {
        var name: String
        var addressLines: [String]
        var siren: String?
        var vatNumber: String?
        var email: String
    }

    /// One line of the table.
    struct Line: Encodable {
        var description: String
        var quantity: Int
        var ht: String
        var vatRate: String
        var vat: String
        var ttc: String
    }

    var seller: Party
    var buyerName: String?
    var buyerEmail: String
    var lines: [Line]
    var totalHT: String
    var totalVAT: String
    var totalTTC: String
    var mentions: [String]

    init(seller: SellerDetails, buyer: Buyer, lines: [Line], total: PriceBreakdown) {
        self.seller = Party(
            name: seller.name, addressLines: Self.lines(seller.address), siren: seller.siren,
            vatNumber: seller.vatNumber, email: seller.email)
        buyerName = buyer.name
        buyerEmail = buyer.email
        self.lines = lines
        totalHT = BillingFormat.euros(total.htCents)
        totalVAT = BillingFormat.euros(total.vatCents)
        totalTTC = BillingFormat.euros(total.ttcCents)
        mentions = Self.lines(seller.mentions)
    }

    /// A table line for `price`.
    static func line(_ description: String, quantity: Int, _ price: PriceBreakdown) -> Line {
        Line(
            description: description, quantity: quantity, ht: BillingFormat.euros(price.htCents),
            vatRate: price.vatRateText, vat: BillingFormat.euros(price.vatCents),
            ttc: BillingFormat.euros(price.ttcCents))
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
