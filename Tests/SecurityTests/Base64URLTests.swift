import Testing

@testable import Security

@Test func base64URLEncodesTheRFC4648VectorsWithoutPadding() {
    let vectors = [
        "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
    ]
    for (plain, encoded) in vectors {
        #expect(Base64URL.encode(plain) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }
}

@Test func base64URLUsesTheURLSafeAlphabet() {
    #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
    #expect(Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
}

@Test(arguments: ["Zg==", "Z", "Zh", "Zm9v+", "Zm9v/", "Zm 9v", "Zm9v\n", "é"])
func base64URLRefusesNonCanonicalText(text: String) {
    #expect(Base64URL.decode(text) == nil)
}

@Test func standardAlphabetIsUsedForPasswordStrings() {
    #expect(Base64Alphabet.standard.encode([0xFB, 0xFF, 0xBF]) == "+/+/")
    #expect(Base64Alphabet.standard.decode("+/+/") == [0xFB, 0xFF, 0xBF])
    #expect(Base64Alphabet.standard.decode("-_-_") == nil)
}
