import Foundation
import Testing
import Web

@testable import Portal

@Suite struct AccountFlowTests {
    static let password = "une phrase de passe solide"

    /// Registers through the form and returns the browser, logged in.
    func register(_ fixture: PortalFixture, email: String = "camille@exemple.fr") throws -> Browser {
        let browser = fixture.browser()
        try browser.get("/inscription")
        let response = try browser.post(
            "/inscription", [("email", email), ("display_name", "Camille"), ("password", Self.password)])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/compte")
        return browser
    }

    @Test func homePageIsInFrenchAndPresentsTheFourPreparations() throws {
        let fixture = try PortalFixture()
        let page = try fixture.browser().get("/")

        #expect(page.status == 200)
        #expect(page.bodyText.contains("<html lang=\"fr\">"))
        #expect(page.bodyText.contains("Aller au contenu"))
        for name in ["Éducateur spécialisé", "Assistant de service social", "Infirmier (IFSI)", "Aide-soignant"] {
            #expect(page.bodyText.contains(name))
        }
    }

    @Test func everyPageCarriesTheSecurityHeaders() throws {
        let fixture = try PortalFixture()
        let page = try fixture.browser().get("/")

        let policy = try #require(page.headers["Content-Security-Policy"])
        #expect(policy.contains("script-src 'self'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(page.headers["X-Content-Type-Options"] == "nosniff")
        #expect(page.headers["X-Frame-Options"] == "DENY")
        #expect(page.headers["Referrer-Policy"] != nil)
    }

    @Test func unknownPathsGetAFrenchNotFoundPage() throws {
        let fixture = try PortalFixture()
        let page = try fixture.browser().get("/nulle-part")

        #expect(page.status == 404)
        #expect(page.bodyText.contains("Page introuvable"))
    }

    @Test func wrongMethodGets405WithAllow() throws {
        let fixture = try PortalFixture()
        let response = try fixture.browser().send(.delete, "/connexion")

        #expect(response.status == 405)
        #expect(response.headers["Allow"]?.contains("GET") == true)
    }

    @Test func registrationConfirmationLogoutAndLogin() throws {
        let fixture = try PortalFixture()
        let browser = try register(fixture)

        let account = try browser.get("/compte")
        #expect(account.bodyText.contains("Compte créé"))
        #expect(account.bodyText.contains("pas encore confirmée"))

        let token = try #require(try fixture.mailedToken(to: "camille@exemple.fr", path: "/compte/confirmer"))
        let confirmed = try browser.get("/compte/confirmer?jeton=\(token)")
        #expect(confirmed.status == 303)
        #expect(!(try browser.get("/compte")).bodyText.contains("pas encore confirmée"))

        #expect(try browser.post("/deconnexion", []).status == 303)
        #expect(try browser.get("/compte").headers["Location"]?.hasPrefix("/connexion") == true)

        try browser.get("/connexion")
        let login = try browser.post(
            "/connexion", [("email", "camille@exemple.fr"), ("password", Self.password), ("suite", "/compte")])
        #expect(login.status == 303)
        #expect(try browser.get("/compte").status == 200)
    }

    @Test func postWithoutCSRFTokenIsRefusedAndNothingIsStored() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        try browser.get("/inscription")

        let response = try browser.post(
            "/inscription", [("email", "x@exemple.fr"), ("display_name", "X"), ("password", Self.password)], csrf: "")
        #expect(response.status == 403)
        #expect(response.bodyText.contains("Formulaire expiré"))
        #expect(try fixture.app.pool.connection().queryOne("SELECT COUNT(*) AS n FROM users")?.int("n") == 0)
        #expect(fixture.logLines.contains("portal.csrf.refused"))
    }

    @Test func aCSRFTokenFromAnotherVisitorIsRefused() throws {
        let fixture = try PortalFixture()
        let attacker = fixture.browser()
        try attacker.get("/inscription")
        let victim = fixture.browser()
        try victim.get("/")

        let response = try victim.post(
            "/inscription", [("email", "v@exemple.fr"), ("display_name", "V"), ("password", Self.password)],
            csrf: attacker.csrf)
        #expect(response.status == 403)
    }

    @Test func wrongPasswordAndUnknownAddressGetTheSameMessage() throws {
        let fixture = try PortalFixture()
        _ = try register(fixture)
        let browser = fixture.browser()
        try browser.get("/connexion")

        let wrong = try browser.post("/connexion", [("email", "camille@exemple.fr"), ("password", "pas la bonne")])
        let unknown = try browser.post("/connexion", [("email", "inconnu@exemple.fr"), ("password", "pas la bonne")])
        #expect(wrong.status == 401)
        #expect(unknown.status == 401)
        #expect(wrong.bodyText.contains("Adresse e-mail ou mot de passe incorrect."))
        #expect(unknown.bodyText.contains("Adresse e-mail ou mot de passe incorrect."))
    }

    @Test func loginIsRateLimitedPerAddress() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser(address: "192.0.2.7")
        try browser.get("/connexion")
        for attempt in 0..<60 {
            try browser.post("/connexion", [("email", "x\(attempt)@exemple.fr"), ("password", "mauvais mot")])
        }

        let refused = try browser.post("/connexion", [("email", "y@exemple.fr"), ("password", "mauvais mot")])
        #expect(refused.status == 429)
        #expect(refused.bodyText.contains("Trop de tentatives"))
    }

    @Test func passwordResetLinkCannotBeReused() throws {
        let fixture = try PortalFixture()
        _ = try register(fixture)
        let browser = fixture.browser()
        try browser.get("/compte/mot-de-passe/oubli")
        let asked = try browser.post("/compte/mot-de-passe/oubli", [("email", "camille@exemple.fr")])
        #expect(asked.bodyText.contains("Vérifiez votre messagerie"))
        let token = try #require(
            try fixture.mailedToken(to: "camille@exemple.fr", path: "/compte/mot-de-passe/nouveau"))

        try browser.get("/compte/mot-de-passe/nouveau?jeton=\(token)")
        let first = try browser.post(
            "/compte/mot-de-passe/nouveau", [("jeton", token), ("password", "toute nouvelle phrase")])
        #expect(first.status == 303)
        let second = try browser.post(
            "/compte/mot-de-passe/nouveau", [("jeton", token), ("password", "encore une autre phrase")])
        #expect(second.status == 410)
        #expect(second.bodyText.contains("Ce lien a déjà été utilisé."))
    }

    @Test func logoutEverywhereEndsOtherDevices() throws {
        let fixture = try PortalFixture()
        let laptop = try register(fixture)
        let phone = fixture.browser()
        try phone.get("/connexion")
        try phone.post("/connexion", [("email", "camille@exemple.fr"), ("password", Self.password)])
        #expect(try phone.get("/compte").status == 200)

        try laptop.get("/compte")
        #expect(try laptop.post("/compte/deconnexion-partout", []).status == 303)
        #expect(try phone.get("/compte").status == 303)
    }

    @Test func exportIsJSONAndDeletionRemovesTheAccount() throws {
        let fixture = try PortalFixture()
        let browser = try register(fixture)

        let export = try browser.get("/compte/export")
        #expect(export.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(export.bodyText.contains("\"email\" : \"camille@exemple.fr\""))
        #expect(!export.bodyText.contains("scrypt"))
        for section in ["\"epreuves\"", "\"reponses\"", "\"commandes\"", "\"factures\""] {
            #expect(export.bodyText.contains(section))
        }

        try browser.get("/compte/suppression")
        let refused = try browser.post("/compte/suppression", [("password", "pas la bonne")])
        #expect(refused.status == 401)
        let deleted = try browser.post("/compte/suppression", [("password", Self.password)])
        #expect(deleted.status == 303)
        #expect(try fixture.app.pool.connection().queryOne("SELECT COUNT(*) AS n FROM users")?.int("n") == 0)
    }

    @Test func redirectAfterLoginStaysOnTheSite() {
        #expect(LoginPage.safeNext("https://ailleurs.example/") == "/compte")
        #expect(LoginPage.safeNext("//ailleurs.example/") == "/compte")
        #expect(LoginPage.safeNext("/preparations/ifsi") == "/preparations/ifsi")
    }

    @Test func healthAnswersAndMetricsAreLocalOnly() throws {
        let fixture = try PortalFixture()
        #expect(try fixture.browser().get("/healthz").bodyText == "ok\n")
        try fixture.browser().get("/")

        let local = try fixture.browser().get("/metrics")
        #expect(local.status == 200)
        #expect(local.bodyText.contains("# TYPE"))
        #expect(try fixture.browser(address: "203.0.113.9").get("/metrics").status == 403)
    }

    @Test func theTestClockEndpointExistsOnlyWhenEnabled() throws {
        let plain = try PortalFixture()
        #expect(try plain.browser().send(.post, "/__test/horloge?secondes=60").status == 404)

        let clocked = try PortalFixture(environment: ["LESOCIAL_TEST_CLOCK": "1"])
        let before = clocked.app.clock.now()
        #expect(try clocked.browser().send(.post, "/__test/horloge?secondes=3600").status == 200)
        #expect(clocked.app.clock.now().timeIntervalSince(before) >= 3600)
    }
}
