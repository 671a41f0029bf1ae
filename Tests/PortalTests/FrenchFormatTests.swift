import Testing

@testable import Portal

@Suite struct FrenchFormatTests {
    @Test(arguments: [
        (12.5, 2, "12,5"), (20, 2, "20"), (0, 2, "0"), (4.0 / 3.0, 2, "1,33"), (2.0 / 3.0, 2, "0,67"),
        (1234.5, 2, "1234,5"), (-2.5, 2, "-2,5"), (-0.001, 2, "0"), (0.125, 2, "0,13"), (-0.125, 2, "-0,13"),
        (1.5, 0, "2"), (0.05, 2, "0,05"), (7.004, 2, "7"), (9.999, 2, "10"), (1.0 / 3.0, 3, "0,333"),
        (0.1, 4, "0,1"), (3.25, 1, "3,3"),
    ])
    func decimalUsesACommaAndDropsTrailingZeros(value: Double, digits: Int, expected: String) {
        #expect(FrenchFormat.decimal(value, digits: digits) == expected)
    }

    @Test func numbersTooLargeForWholeUnitsStillPrint() {
        #expect(FrenchFormat.decimal(1e300) == "1e+300")
        #expect(FrenchFormat.decimal(.infinity) == "inf")
    }

    @Test func timeFactorNamesTheThirdTime() {
        #expect(FrenchFormat.timeFactor(4.0 / 3.0) == "tiers-temps (temps × 4/3)")
        #expect(FrenchFormat.timeFactor(1.5) == "temps × 1,5")
    }
}
