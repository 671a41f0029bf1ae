import Testing

@testable import Security

@Test func secureRandomReturnsTheRequestedNumberOfBytes() {
    #expect(SecureRandom.bytes(0) == [])
    #expect(SecureRandom.bytes(1).count == 1)
    #expect(SecureRandom.bytes(64).count == 64)
}

@Test func secureRandomNeverRepeatsAThirtyTwoByteValue() {
    #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
}

@Test func secureRandomTokenIsUnpaddedBase64URLOfThirtyTwoBytes() {
    let token = SecureRandom.token()

    #expect(token.count == 43)
    #expect(Base64URL.decode(token)?.count == 32)
    #expect(SecureRandom.token(byteCount: 16).count == 22)
}
