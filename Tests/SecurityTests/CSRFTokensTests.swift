import Testing

@testable import Security

private let secret = Array("csrf secret for tests, 32 bytes!".utf8)

@Test func csrfTokenIsTheBase64URLHMACOfTheSessionID() {
    let tokens = CSRFTokens(secret: secret)

    #expect(tokens.token(for: "session-1") == Base64URL.encode(HMAC.sha256(key: secret, message: "session-1")))
    #expect(tokens.token(for: "session-1").count == 43)
}

@Test func csrfTokenVerifiesForItsOwnSessionOnly() {
    let tokens = CSRFTokens(secret: secret)
    let token = tokens.token(for: "session-1")

    #expect(tokens.verify(token, sessionID: "session-1"))
    #expect(!tokens.verify(token, sessionID: "session-2"))
}

@Test func csrfTokenFromAnotherSecretIsRefused() {
    let token = CSRFTokens(secret: Array("another secret".utf8)).token(for: "session-1")

    #expect(!CSRFTokens(secret: secret).verify(token, sessionID: "session-1"))
}

@Test func csrfRefusesTamperedEmptyAndGarbageTokens() {
    let tokens = CSRFTokens(secret: secret)
    let token = tokens.token(for: "session-1")
    let tampered = String(token.dropLast()) + (token.hasSuffix("A") ? "B" : "A")

    #expect(!tokens.verify(tampered, sessionID: "session-1"))
    #expect(!tokens.verify("", sessionID: "session-1"))
    #expect(!tokens.verify("not a token!", sessionID: "session-1"))
    #expect(!tokens.verify(String(token.prefix(20)), sessionID: "session-1"))
    #expect(!tokens.verify(tokens.token(for: ""), sessionID: ""))
}
