import Foundation
import Testing

@testable import Security

@Test func issuedTokenVerifiesAndCarriesItsClaims() throws {
    let fixture = try TokenFixture()
    let entitlements = [EntitlementClaim(scope: "ifsi", until: TokenFixture.now + 86_400)]

    let token = try fixture.issuer(lifetime: 900).issue(subject: "user-42", entitlements: entitlements)
    let claims = try fixture.verifier().verify(token)

    #expect(claims.iss == TokenFixture.issuer)
    #expect(claims.sub == "user-42")
    #expect(claims.aud == [TokenFixture.audience])
    #expect(claims.iat == TokenFixture.now)
    #expect(claims.nbf == TokenFixture.now)
    #expect(claims.exp == TokenFixture.now + 900)
    #expect(Base64URL.decode(claims.jti)?.count == 16)
    #expect(claims.ent == entitlements)
}

@Test func issuedTokenHeaderNamesEdDSAAndTheThumbprint() throws {
    let fixture = try TokenFixture()
    let token = try fixture.issuer().issue(subject: "user-42", entitlements: [])

    let header = try #require(Base64URL.decode(String(token.split(separator: ".")[0])))
    #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"EdDSA","kid":"\#(fixture.kid)","typ":"JWT"}"#)
}

@Test func issuedTokenPayloadWritesASingleAudienceAsAString() throws {
    let fixture = try TokenFixture()
    let token = try fixture.issuer().issue(subject: "user-42", entitlements: [EntitlementClaim(scope: "all", until: 5)])

    let payload = try #require(Base64URL.decode(String(token.split(separator: ".")[1])))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])
    #expect(object["aud"] as? String == TokenFixture.audience)
    #expect(Set(object.keys) == ["iss", "sub", "aud", "iat", "nbf", "exp", "jti", "ent"])
}

@Test func twoTokensForTheSameUserHaveDifferentIDs() throws {
    let issuer = try TokenFixture().issuer()

    let first = issuer.claims(subject: "user-42", entitlements: [])
    let second = issuer.claims(subject: "user-42", entitlements: [])
    #expect(first.jti != second.jti)
}
