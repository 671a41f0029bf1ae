import Testing

@testable import Billing

@Suite struct PriceBreakdownTests {
    /// TTC, rate (bp) → HT, TVA. HT = round(TTC / (1 + rate)) half up; TVA = TTC − HT.
    static let cases: [(ttc: Int, rate: Int, ht: Int, vat: Int)] = [
        (1990, 2000, 1658, 332),
        (4990, 2000, 4158, 832),
        (7990, 2000, 6658, 1332),
        (12900, 2000, 10750, 2150),
        (1200, 2000, 1000, 200),
        (1, 2000, 1, 0),
        (3, 2000, 3, 0),  // 2.5 rounds half up
        (9, 2000, 8, 1),  // 7.5 rounds half up
        (0, 2000, 0, 0),
        (1055, 550, 1000, 55),
        (999, 0, 999, 0),
    ]

    @Test(arguments: cases)
    func vatIsSplitFromThePriceIncludingTax(_ row: (ttc: Int, rate: Int, ht: Int, vat: Int)) {
        let price = PriceBreakdown(ttcCents: row.ttc, vatRateBasisPoints: row.rate)
        #expect(price.htCents == row.ht)
        #expect(price.vatCents == row.vat)
        #expect(price.htCents + price.vatCents == row.ttc)
    }

    @Test func eurosAreWrittenTheFrenchWay() {
        #expect(PriceBreakdown.euros(1990) == "19,90\u{00A0}€")
        #expect(PriceBreakdown.euros(12900) == "129,00\u{00A0}€")
        #expect(PriceBreakdown.euros(5) == "0,05\u{00A0}€")
        #expect(PriceBreakdown.euros(129_000) == "1\u{202F}290,00\u{00A0}€")
        #expect(PriceBreakdown.euros(-1990) == "-19,90\u{00A0}€")
    }

    @Test func vatRateIsShownAsAPercentage() {
        #expect(PriceBreakdown(ttcCents: 100).vatRateText == "20\u{00A0}%")
        #expect(PriceBreakdown(ttcCents: 100, vatRateBasisPoints: 550).vatRateText == "5,5\u{00A0}%")
        #expect(PriceBreakdown(ttcCents: 100, vatRateBasisPoints: 210).vatRateText == "2,1\u{00A0}%")
    }
}
