import Testing

@testable import Security

@Test func hmacSHA256MatchesRFC4231TestCase2() {
    let mac = HMAC.sha256(key: Array("Jefe".utf8), message: "what do ya want for nothing?")

    #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
}

@Test func hmacSHA256AcceptsAnEmptyKeyAndMessage() {
    let mac = HMAC.sha256(key: [], message: [])

    #expect(Hex.encode(mac) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
}

@Test func constantTimeEqualsComparesContentAndLength() {
    #expect(constantTimeEquals([], []))
    #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
    #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
    #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
    #expect(!constantTimeEquals([], [0]))
}
