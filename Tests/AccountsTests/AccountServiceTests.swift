import Accounts
import Foundation
import Security
import Storage
import Testing

@Suite struct AccountServiceTests {
    @Test func registrationCreatesAnUnconfirmedMemberAndMailsALink() throws {
        let fixture = try AccountFixture()
        let user = try fixture.service.register(
            email: "  Camille.Dupont@Exemple.FR ", displayName: "Camille", password: "une phrase longue",
            address: "10.0.0.1")

        #expect(user.email == "camille.dupont@exemple.fr")
        #expect(user.role == .member)
        #expect(!user.isConfirmed)
        let token = try fixture.lastLinkToken(to: user.email, path: "/compte/confirmer")
        #expect(token != nil)
        #expect(try fixture.service.confirm(token: token!).isConfirmed)
    }

    @Test func shortPasswordsAreRefusedWithTheMinimumLength() throws {
        let fixture = try AccountFixture()
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) {
            try fixture.service.register(email: "a@b.fr", displayName: "A", password: "123456789", address: "x")
        }
        #expect(
            AccountError.passwordTooShort(minimum: 10).message
                == "Le mot de passe doit compter au moins 10 caractères."
        )
        #expect(try UserStore(fixture.db).count() == 0)
    }

    @Test func blankPasswordsAndDisguisedNamesAreRefusedOrCleaned() throws {
        let spaces = String(repeating: " ", count: 12)
        #expect(throws: AccountError.passwordBlank) { try AccountService.checkNewPassword(spaces) }
        #expect(try AccountService.cleanDisplayName(" Camille\n\u{202E}D. ") == "Camille D.")
        #expect(throws: AccountError.displayNameMissing) { try AccountService.cleanDisplayName("\u{202E}\n") }
    }

    @Test func malformedAddressesAreRefused() throws {
        for bad in ["", "camille", "camille@", "@exemple.fr", "camille@exemple", "a b@exemple.fr", "a@b.fr,c@d.fr"] {
            #expect(throws: AccountError.invalidEmail) { try AccountService.normalizedEmail(bad) }
        }
    }

    @Test func aSecondAccountWithTheSameAddressIsRefused() throws {
        let fixture = try AccountFixture()
        try fixture.registerConfirmed("camille@exemple.fr")
        #expect(throws: AccountError.emailTaken) {
            try fixture.service.register(
                email: "CAMILLE@exemple.fr", displayName: "Autre", password: "autre phrase longue", address: "x")
        }
    }

    @Test func loginGivesTheSameAnswerForUnknownAddressAndWrongPassword() throws {
        let fixture = try AccountFixture()
        try fixture.registerConfirmed("camille@exemple.fr")
        #expect(throws: AccountError.invalidCredentials) {
            try fixture.service.login(email: "camille@exemple.fr", password: "mauvais mot", address: "1", userAgent: "")
        }
        #expect(throws: AccountError.invalidCredentials) {
            try fixture.service.login(
                email: "personne@exemple.fr", password: "mauvais mot", address: "2", userAgent: "")
        }
        #expect(fixture.lines.lines.filter { $0.contains("accounts.login.refused") }.count == 2)
    }

    @Test func loginOpensASessionThatIdentifiesTheUser() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        let login = try fixture.service.login(
            email: "camille@exemple.fr", password: "correct horse battery", address: "1", userAgent: "test")

        #expect(try SessionStore(fixture.db).user(sessionID: login.sessionID, now: fixture.now)?.id == user.id)
        try fixture.service.logout(sessionID: login.sessionID)
        #expect(try SessionStore(fixture.db).user(sessionID: login.sessionID, now: fixture.now) == nil)
    }

    @Test func sessionsExpireOnTheServer() throws {
        let fixture = try AccountFixture()
        try fixture.registerConfirmed("camille@exemple.fr")
        let login = try fixture.service.login(
            email: "camille@exemple.fr", password: "correct horse battery", address: "1", userAgent: "")

        let later = fixture.now.addingTimeInterval(SessionStore.idleLifetime + 1)
        #expect(try SessionStore(fixture.db).user(sessionID: login.sessionID, now: later) == nil)
    }

    @Test func logoutEverywhereEndsEverySession() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        let first = try fixture.service.login(
            email: user.email, password: "correct horse battery", address: "1", userAgent: "a")
        let second = try fixture.service.login(
            email: user.email, password: "correct horse battery", address: "1", userAgent: "b")

        #expect(try fixture.service.logoutEverywhere(userID: user.id) == 2)
        #expect(try SessionStore(fixture.db).user(sessionID: first.sessionID, now: fixture.now) == nil)
        #expect(try SessionStore(fixture.db).user(sessionID: second.sessionID, now: fixture.now) == nil)
    }

    @Test func loginIsRateLimitedPerAccount() throws {
        let fixture = try AccountFixture()
        try fixture.registerConfirmed("camille@exemple.fr")
        for attempt in 0..<10 {
            _ = try? fixture.service.login(
                email: "camille@exemple.fr", password: "essai \(attempt)", address: "10.0.0.\(attempt)", userAgent: "")
        }
        #expect(throws: AccountError.tooManyAttempts(retryAfterSeconds: 900)) {
            try fixture.service.login(
                email: "camille@exemple.fr", password: "correct horse battery", address: "10.0.1.1", userAgent: "")
        }
    }

    @Test func registrationIsRateLimitedPerAddress() throws {
        let fixture = try AccountFixture()
        for index in 0..<5 {
            _ = try fixture.service.register(
                email: "u\(index)@exemple.fr", displayName: "U", password: "une phrase longue", address: "10.9.9.9")
        }
        #expect(throws: AccountError.tooManyAttempts(retryAfterSeconds: 3600)) {
            try fixture.service.register(
                email: "u9@exemple.fr", displayName: "U", password: "une phrase longue", address: "10.9.9.9")
        }
    }

    @Test func passwordResetLinkWorksOnceAndEndsSessions() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        let login = try fixture.service.login(
            email: user.email, password: "correct horse battery", address: "1", userAgent: "")
        try fixture.service.requestPasswordReset(email: user.email, address: "1")
        let token = try #require(try fixture.lastLinkToken(to: user.email, path: "/compte/mot-de-passe/nouveau"))

        _ = try fixture.service.resetPassword(token: token, newPassword: "nouvelle phrase secrète")
        #expect(try SessionStore(fixture.db).user(sessionID: login.sessionID, now: fixture.now) == nil)
        #expect(throws: AccountError.tokenAlreadyUsed) {
            try fixture.service.resetPassword(token: token, newPassword: "encore une autre phrase")
        }
        _ = try fixture.service.login(
            email: user.email, password: "nouvelle phrase secrète", address: "1", userAgent: "")
    }

    @Test func passwordResetLinkExpiresAfterAnHour() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        try fixture.service.requestPasswordReset(email: user.email, address: "1")
        let token = try #require(try fixture.lastLinkToken(to: user.email, path: "/compte/mot-de-passe/nouveau"))

        fixture.now = fixture.now.addingTimeInterval(3601)
        #expect(throws: AccountError.tokenExpired) {
            try fixture.service.resetPassword(token: token, newPassword: "nouvelle phrase secrète")
        }
    }

    @Test func resetRequestForUnknownAddressSendsNothing() throws {
        let fixture = try AccountFixture()
        try fixture.service.requestPasswordReset(email: "personne@exemple.fr", address: "1")
        #expect(try Outbox(fixture.db).pending().isEmpty)
    }

    @Test func aForgedTokenIsInvalid() throws {
        let fixture = try AccountFixture()
        #expect(throws: AccountError.tokenInvalid) { try fixture.service.confirm(token: "inventé") }
    }

    @Test func loginRehashesPasswordsStoredWithWeakerParameters() throws {
        let fixture = try AccountFixture()
        let weak = PasswordHasher(parameters: ScryptParameters(logN: 8, r: 8, p: 1))
        let user = try UserStore(fixture.db).create(
            email: "ancien@exemple.fr", displayName: "Ancien", passwordHash: try weak.hash("ancienne phrase"),
            role: .member, confirmed: true, now: fixture.now)

        _ = try fixture.service.login(email: user.email, password: "ancienne phrase", address: "1", userAgent: "")
        let hash = try UserStore(fixture.db).passwordHash(userID: user.id)
        let stored = try #require(hash)
        #expect(stored.hasPrefix("$scrypt$ln=10,"))
        #expect(!fixture.settings.hasher.needsRehash(stored))
    }

    @Test func deletionNeedsThePasswordAndRemovesEverything() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        _ = try fixture.service.login(email: user.email, password: "correct horse battery", address: "1", userAgent: "")

        #expect(throws: AccountError.wrongPassword) {
            try fixture.service.deleteAccount(userID: user.id, password: "pas le bon")
        }
        try fixture.service.deleteAccount(userID: user.id, password: "correct horse battery")
        #expect(try UserStore(fixture.db).find(id: user.id) == nil)
        #expect(try SessionStore(fixture.db).count(userID: user.id, now: fixture.now) == 0)
        #expect(try Outbox(fixture.db).pending().isEmpty)
    }

    @Test func exportContainsTheAccountButNoSecret() throws {
        let fixture = try AccountFixture()
        let user = try fixture.registerConfirmed("camille@exemple.fr")
        _ = try fixture.service.login(
            email: user.email, password: "correct horse battery", address: "1", userAgent: "ua")

        let export = try #require(try AccountExport.collect(userID: user.id, db: fixture.db, now: fixture.now))
        let json = String(decoding: try JSONEncoder().encode(export), as: UTF8.self)
        #expect(export.account.email == "camille@exemple.fr")
        #expect(export.sessions.count == 1)
        #expect(!json.contains("scrypt"))
    }
}
