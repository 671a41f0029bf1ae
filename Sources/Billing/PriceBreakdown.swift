/// A price split into HT, TVA and TTC, in euro cents.
///
/// Prices are set TTC (what the buyer pays, VAT included, as French law asks
/// for consumer prices); HT is derived as `round(TTC / (1 + rate))`, half up
/// to the cent, and TVA is the rest, so HT + TVA = TTC exactly.
///
/// The rate is in basis points: 2000 = 20 %. Online training services sold
/// to consumers in France fall under the standard 20 % rate; the exemption
/// of professional training (CGI art. 261-4-4°) needs a certified body and
/// is not assumed here.
public struct PriceBreakdown: Equatable, Sendable {
    /// The standard French VAT rate, 20 %.
    public static let standardVATRate = 2000

    /// Price VAT included.
    public let ttcCents: Int
    /// Price before VAT.
    public let htCents: Int
    /// VAT amount.
    public let vatCents: Int
    /// VAT rate in basis points (2000 = 20 %).
    public let vatRateBasisPoints: Int

    /// Splits a TTC price; `ttcCents` and the rate must not be negative.
    public init(ttcCents: Int, vatRateBasisPoints: Int = PriceBreakdown.standardVATRate) {
        precondition(ttcCents >= 0 && vatRateBasisPoints >= 0, "billing: negative price or VAT rate")
        let denominator = 10_000 + vatRateBasisPoints
        self.ttcCents = ttcCents
        self.htCents = (ttcCents * 10_000 * 2 + denominator) / (denominator * 2)
        self.vatCents = ttcCents - htCents
        self.vatRateBasisPoints = vatRateBasisPoints
    }

    /// The rate as shown on an invoice: `20 %`, `5,5 %`.
    public var vatRateText: String {
        let whole = vatRateBasisPoints / 100
        let fraction = vatRateBasisPoints % 100
        if fraction == 0 { return "\(whole)\u{00A0}%" }
        let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(whole),\(decimals)\u{00A0}%"
    }

    /// Cents written the French way: `1 290,00 €` (narrow no-break space between thousands).
    public static func euros(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let absolute = abs(cents)
        var whole = String(absolute / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        let fraction = absolute % 100
        let pad = fraction < 10 ? "0" : ""
        return "\(sign)\(groups.joined(separator: "\u{202F}")),\(pad)\(fraction)\u{00A0}€"
    }
}
