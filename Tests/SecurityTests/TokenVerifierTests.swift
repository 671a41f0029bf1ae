import Foundation
import Testing

@testable import Security

@Test func tokenWithAlgorithmNamedEd25519IsAccepted() throws {
    let fixture = try TokenFixture()
    let token = try fixture.token(header: ["alg": "Ed25519", "kid": fixture.kid])

    #expect(try fixture.verifier().verify(token).sub == "user-42")
}

@Test func audienceMayBeAnArrayContainingThisService() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["aud"] = ["other-service", TokenFixture.audience]

    #expect(try fixture.verifier().verify(fixture.token(claims: claims)).aud == ["other-service", "lesocial-api"])
}

// MARK: - Malformed

@Test(arguments: [("", 1), ("a.b", 2), ("a.b.c.d", 4), ("....", 5)])
func tokenWithoutThreePartsIsMalformed(token: String, parts: Int) throws {
    #expect(throws: TokenError.malformed(.segmentCount(parts))) { try TokenFixture().verifier().verify(token) }
}

@Test func tokenPartThatIsNotBase64URLIsMalformed() throws {
    let fixture = try TokenFixture()
    let parts = try fixture.token().split(separator: ".").map(String.init)
    let verifier = fixture.verifier()

    #expect(throws: TokenError.malformed(.encoding(.header))) {
        try verifier.verify("\(parts[0])=.\(parts[1]).\(parts[2])")
    }
    #expect(throws: TokenError.malformed(.encoding(.payload))) {
        try verifier.verify("\(parts[0]).\(parts[1])+.\(parts[2])")
    }
    #expect(throws: TokenError.malformed(.encoding(.signature))) { try verifier.verify("\(parts[0]).\(parts[1]).@") }
}

@Test func headerThatIsNotAJSONObjectIsMalformed() throws {
    let fixture = try TokenFixture()
    let payload = try fixture.json(TokenFixture.claims())

    for header in ["not json", "[1,2]", #"{"alg":5}"#] {
        let token = try JWSSigner.compact(protectedHeader: Array(header.utf8), payload: payload, key: fixture.key)
        #expect(throws: TokenError.malformed(.json(.header))) { try fixture.verifier().verify(token) }
    }
}

@Test func payloadThatIsNotAJSONObjectIsMalformed() throws {
    let fixture = try TokenFixture()
    let header = try fixture.json(["alg": "EdDSA", "kid": fixture.kid])

    for payload in ["not json", "[1,2]", "42"] {
        let token = try JWSSigner.compact(protectedHeader: header, payload: Array(payload.utf8), key: fixture.key)
        #expect(throws: TokenError.malformed(.json(.payload))) { try fixture.verifier().verify(token) }
    }
}

@Test func headerWithoutAlgorithmIsMalformed() throws {
    let fixture = try TokenFixture()

    #expect(throws: TokenError.malformed(.missingAlgorithm)) {
        try fixture.verifier().verify(fixture.token(header: ["kid": fixture.kid]))
    }
}

// MARK: - Algorithm and key

@Test(arguments: ["none", "None", "NONE", "nOnE"])
func unsignedTokenIsRefusedAsUnsupportedAlgorithm(alg: String) throws {
    let fixture = try TokenFixture()
    let header = Base64URL.encode(try fixture.json(["alg": alg, "kid": fixture.kid]))
    let payload = Base64URL.encode(try fixture.json(TokenFixture.claims()))

    #expect(throws: TokenError.unsupportedAlgorithm(alg)) { try fixture.verifier().verify("\(header).\(payload).") }
}

@Test func hs256SignedWithThePublicKeyAsSecretIsRefusedAsUnsupportedAlgorithm() throws {
    let fixture = try TokenFixture()
    let header = Base64URL.encode(try fixture.json(["alg": "HS256", "kid": fixture.kid, "typ": "JWT"]))
    let payload = Base64URL.encode(try fixture.json(TokenFixture.claims()))
    let mac = HMAC.sha256(key: fixture.key.publicKey.rawRepresentation, message: "\(header).\(payload)")

    #expect(throws: TokenError.unsupportedAlgorithm("HS256")) {
        try fixture.verifier().verify("\(header).\(payload).\(Base64URL.encode(mac))")
    }
}

@Test(arguments: ["ES256", "RS256", "eddsa", "ED25519", ""])
func otherAlgorithmsAreRefused(alg: String) throws {
    let fixture = try TokenFixture()

    #expect(throws: TokenError.unsupportedAlgorithm(alg)) {
        try fixture.verifier().verify(fixture.token(header: ["alg": alg, "kid": fixture.kid]))
    }
}

@Test func criticalHeaderParametersAreRefused() throws {
    let fixture = try TokenFixture()
    let token = try fixture.token(header: ["alg": "EdDSA", "kid": fixture.kid, "crit": ["exp"], "exp": 1])

    #expect(throws: TokenError.unsupportedCriticalHeader(["exp"])) { try fixture.verifier().verify(token) }
}

@Test func tokenWithoutKidIsRefused() throws {
    let fixture = try TokenFixture()

    #expect(throws: TokenError.missingKeyID) { try fixture.verifier().verify(fixture.token(header: ["alg": "EdDSA"])) }
}

@Test func tokenWithUnknownKidIsRefused() throws {
    let fixture = try TokenFixture()
    let token = try fixture.token(header: ["alg": "EdDSA", "kid": "someone-else"])

    #expect(throws: TokenError.unknownKeyID("someone-else")) { try fixture.verifier().verify(token) }
}

// MARK: - Signature

@Test func tokenWithAlteredPayloadHasABadSignature() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["sub"] = "admin"
    let genuine = try fixture.token().split(separator: ".").map(String.init)
    let altered = Base64URL.encode(try fixture.json(claims))

    #expect(throws: TokenError.badSignature) { try fixture.verifier().verify("\(genuine[0]).\(altered).\(genuine[2])") }
}

@Test func tokenSignedByAnotherKeyUnderAKnownKidHasABadSignature() throws {
    let fixture = try TokenFixture()
    let header = try fixture.json(["alg": "EdDSA", "kid": fixture.kid])
    let payload = try fixture.json(TokenFixture.claims())
    let token = try JWSSigner.compact(protectedHeader: header, payload: payload, key: try Ed25519PrivateKey())

    #expect(throws: TokenError.badSignature) { try fixture.verifier().verify(token) }
}

@Test func tokenWithEmptyOrTruncatedSignatureHasABadSignature() throws {
    let fixture = try TokenFixture()
    let parts = try fixture.token().split(separator: ".").map(String.init)
    let signingInput = "\(parts[0]).\(parts[1])"
    let truncated = Base64URL.encode(Array(try #require(Base64URL.decode(parts[2])).dropLast()))

    #expect(throws: TokenError.badSignature) { try fixture.verifier().verify(signingInput + ".") }
    #expect(throws: TokenError.badSignature) { try fixture.verifier().verify(signingInput + "." + truncated) }
}

// MARK: - Claims

@Test(arguments: ["iss", "sub", "aud", "iat", "nbf", "exp", "jti"])
func tokenMissingARequiredClaimIsRefused(claim: String) throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims[claim] = nil

    #expect(throws: TokenError.missingClaim(claim)) { try fixture.verifier().verify(fixture.token(claims: claims)) }
}

@Test func tokenWithoutEntitlementsCarriesNone() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["ent"] = nil

    #expect(try fixture.verifier().verify(fixture.token(claims: claims)).ent == [])
}

@Test(arguments: [("exp", #""soon""#), ("aud", "7"), ("iat", "null"), ("ent", #"[{"scope":"ifsi"}]"#)])
func tokenWithAClaimOfTheWrongTypeIsRefused(claim: String, json: String) throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims[claim] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])

    #expect(throws: TokenError.invalidClaim(claim)) { try fixture.verifier().verify(fixture.token(claims: claims)) }
}

@Test func tokenFromAnotherIssuerIsRefused() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["iss"] = "https://evil.example"

    #expect(throws: TokenError.wrongIssuer("https://evil.example")) {
        try fixture.verifier().verify(fixture.token(claims: claims))
    }
}

@Test func tokenForAnotherAudienceIsRefused() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["aud"] = "other-service"
    var listed = TokenFixture.claims()
    listed["aud"] = ["a", "b"]

    #expect(throws: TokenError.wrongAudience(["other-service"])) {
        try fixture.verifier().verify(fixture.token(claims: claims))
    }
    #expect(throws: TokenError.wrongAudience(["a", "b"])) {
        try fixture.verifier().verify(fixture.token(claims: listed))
    }
}

// MARK: - Time

@Test func tokenExpiredBeyondTheLeewayIsRefused() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["iat"] = TokenFixture.now - 700
    claims["nbf"] = TokenFixture.now - 700
    claims["exp"] = TokenFixture.now - 30

    #expect(throws: TokenError.expired(at: TokenFixture.now - 30)) {
        try fixture.verifier().verify(fixture.token(claims: claims))
    }
}

@Test func tokenExpiredWithinTheLeewayIsAccepted() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["exp"] = TokenFixture.now - 29

    #expect(try fixture.verifier().verify(fixture.token(claims: claims)).exp == TokenFixture.now - 29)
}

@Test func tokenNotYetValidBeyondTheLeewayIsRefused() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["nbf"] = TokenFixture.now + 31

    #expect(throws: TokenError.notYetValid(claim: "nbf", at: TokenFixture.now + 31)) {
        try fixture.verifier().verify(fixture.token(claims: claims))
    }
    claims["nbf"] = TokenFixture.now + 30
    #expect(try fixture.verifier().verify(fixture.token(claims: claims)).nbf == TokenFixture.now + 30)
}

@Test func tokenIssuedInTheFutureBeyondTheLeewayIsRefused() throws {
    let fixture = try TokenFixture()
    var claims = TokenFixture.claims()
    claims["iat"] = TokenFixture.now + 120

    #expect(throws: TokenError.notYetValid(claim: "iat", at: TokenFixture.now + 120)) {
        try fixture.verifier().verify(fixture.token(claims: claims))
    }
}

@Test func issuedTokenIsRefusedOnceItsLifetimeAndLeewayHavePassed() throws {
    let fixture = try TokenFixture()
    let token = try fixture.issuer(lifetime: 600).issue(subject: "user-42", entitlements: [])

    #expect(try fixture.verifier(at: TokenFixture.now + 629).verify(token).sub == "user-42")
    #expect(throws: TokenError.expired(at: TokenFixture.now + 600)) {
        try fixture.verifier(at: TokenFixture.now + 630).verify(token)
    }
}

// MARK: - Messages

@Test func tokenErrorsDescribeThemselvesInEnglishAndFrench() {
    #expect(
        TokenError.unsupportedAlgorithm("none").description == #"unsupported algorithm "none": only EdDSA is accepted"#)
    #expect(
        TokenError.unsupportedAlgorithm("none").frenchDescription
            == "Algorithme de signature « none » refusé : seul EdDSA est accepté.")
    #expect(TokenError.malformed(.segmentCount(2)).description == "malformed token: 2 parts instead of 3")
    #expect(TokenError.missingClaim("exp").description == "missing required claim exp")
    #expect(
        TokenError.missingClaim("exp").frenchDescription
            == "Jeton d’accès refusé : la revendication « exp » est absente.")
    #expect(
        TokenError.expired(at: 5).frenchDescription
            == "Jeton d’accès expiré : reconnectez-vous ou demandez un nouveau jeton.")
}
