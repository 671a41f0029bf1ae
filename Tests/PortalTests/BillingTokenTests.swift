import Billing
import Foundation
import Security
import Testing
import Web

@testable import Portal

@Suite struct BillingTokenTests {
    /// Asks `/api/v1/token` with the session cookie and the CSRF header; returns the token.
    func token(_ browser: Browser) throws -> String {
        try browser.get("/compte")
        let csrf = try #require(browser.csrf)
        let response = try browser.send(.post, "/api/v1/token", headers: [("X-CSRF-Token", csrf)])
        #expect(response.status == 200)
        #expect(response.headers["Cache-Control"] == "no-store")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(json["token_type"] as? String == "Bearer")
        #expect(json["expires_in"] as? Int == 600)
        return try #require(json["access_token"] as? String)
    }

    /// The JWKS the server publishes, as a verifier would read it.
    func jwks(_ fixture: PortalFixture) throws -> JSONWebKeySet {
        let response = try fixture.browser().get("/.well-known/jwks.json")
        #expect(response.status == 200)
        #expect(response.headers["Cache-Control"] == "public, max-age=300")
        return try JSONWebKeySet(jsonBytes: response.body)
    }

    func me(_ fixture: PortalFixture, _ token: String) throws -> Response {
        try fixture.browser().get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
    }

    @Test func tokenIssuedToAMemberVerifiesWithThePublishedKeys() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")
        try shopper.buy(browser, "ifsi-1-mois")

        let token = try token(browser)
        let keys = try jwks(fixture).verificationKeys()
        #expect(keys.count == 1)
        let claims = try TokenVerifier(keys: keys, issuer: "http://lesocial.test", audience: "lesocial-api")
            .verify(token)

        #expect(claims.sub == "\(try shopper.userID("camille@exemple.fr"))")
        #expect(claims.aud == ["lesocial-api"])
        #expect(claims.exp - claims.iat == 600)
        #expect(claims.nbf == claims.iat)
        #expect(!claims.jti.isEmpty)
        #expect(claims.ent.map(\.scope) == ["ifsi"])
        #expect(claims.grantsAccess(toTrack: "ifsi", at: Date()))
        #expect(!claims.grantsAccess(toTrack: "es", at: Date()))

        let header = String(
            decoding: try #require(Base64URL.decode(String(token.split(separator: ".")[0]))), as: UTF8.self)
        #expect(header.contains(#""alg":"EdDSA""#))
        #expect(header.contains(#""kid":"\#(try #require(keys.keys.first))""#))
    }

    @Test func bearerTokenOpensTheMeEndpoint() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let browser = try shopper.member("camille@exemple.fr")

        let response = try me(fixture, try token(browser))
        #expect(response.status == 200)
        #expect(response.bodyText.contains(#""sub":"\#(try shopper.userID("camille@exemple.fr"))""#))
        #expect(response.bodyText.contains(#""ent":[]"#))
    }

    @Test func refusedBearerTokensGet401WithTheReason() throws {
        let fixture = try PortalFixture()
        let browser = try BillingShopper(fixture: fixture).member("camille@exemple.fr")
        let token = try token(browser)
        let other = try self.token(browser)
        let forged = token.split(separator: ".")[0...1].joined(separator: ".") + "." + other.split(separator: ".")[2]

        let missing = try fixture.browser().get("/api/v1/me")
        #expect(missing.status == 401)
        #expect(missing.bodyText.contains(#""code":"token_missing""#))
        let tampered = try me(fixture, forged)
        #expect(tampered.status == 401)
        #expect(tampered.bodyText.contains(#""code":"token_bad_signature""#))
        #expect(tampered.headers["WWW-Authenticate"]?.contains("invalid_token") == true)
        let none = try me(fixture, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")
        #expect(none.bodyText.contains(#""code":"token_algorithm_refused""#))
        #expect(fixture.logLines.contains("portal.token.refused"))
    }

    @Test func tokenNeedsASessionAndTheCSRFHeader() throws {
        let fixture = try PortalFixture()
        let visitor = fixture.browser()
        try visitor.get("/connexion")
        let anonymous = try visitor.send(.post, "/api/v1/token", headers: [("X-CSRF-Token", visitor.csrf ?? "")])
        #expect(anonymous.status == 401)
        #expect(anonymous.bodyText.contains(#""code":"login_required""#))

        let member = try BillingShopper(fixture: fixture).member("camille@exemple.fr")
        #expect(try member.send(.post, "/api/v1/token").status == 403)
    }

    @Test func keyRotationKeepsEarlierTokensValid() throws {
        let fixture = try PortalFixture()
        let browser = try BillingShopper(fixture: fixture).member("camille@exemple.fr")
        let before = try token(browser)

        let rotation = try KeysCommand.rotate(ringAt: fixture.app.config.signingKeysPath, now: Date())
        #expect(rotation.retired != rotation.active)

        let published = try jwks(fixture).verificationKeys()
        #expect(Set(published.keys) == [rotation.retired, rotation.active])
        #expect(try me(fixture, before).status == 200)
        let after = try token(browser)
        #expect(after.split(separator: ".")[0] != before.split(separator: ".")[0])
        #expect(try me(fixture, after).status == 200)
        let later = Date().addingTimeInterval(BillingSetup.retiredKeyPublication + 1)
        #expect(try fixture.app.billing.keyRing().publishedKeys(now: later).keys.sorted() == [rotation.active])
    }

    @Test func keyRingFileIsCreatedOnFirstStartReadableOnlyByItsOwner() throws {
        let fixture = try PortalFixture()
        let path = fixture.app.config.signingKeysPath
        let attributes = try FileManager.default.attributesOfItem(atPath: path)

        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try SigningKeyRing.load(from: path).retiredKeys.isEmpty)
    }
}
