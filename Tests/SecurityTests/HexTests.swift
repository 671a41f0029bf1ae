import Testing

@testable import Security

@Test func hexEncodesLowercaseTwoCharactersPerByte() {
    #expect(Hex.encode([]) == "")
    #expect(Hex.encode([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
}

@Test func hexDecodesEitherCase() {
    #expect(Hex.decode("000fa5ff") == [0x00, 0x0F, 0xA5, 0xFF])
    #expect(Hex.decode("000FA5FF") == [0x00, 0x0F, 0xA5, 0xFF])
}

@Test(arguments: ["0", "abc", "zz", "0g", " 00"])
func hexRefusesOddLengthsAndForeignCharacters(text: String) {
    #expect(Hex.decode(text) == nil)
}
