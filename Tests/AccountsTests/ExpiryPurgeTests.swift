import Accounts
import Foundation
import Storage
import Testing

@Suite struct ExpiryPurgeTests {
    private func user(_ fixture: AccountFixture) throws -> Int64 {
        try fixture.db.run(
            "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('a@b.fr', 'A', 'x', 0)")
        return fixture.db.lastInsertRowID
    }

    @Test func expiredSessionsGoAndLiveOnesStay() throws {
        let fixture = try AccountFixture()
        let userID = try user(fixture)
        let sessions = SessionStore(fixture.db)
        let start = fixture.now
        let old = try sessions.create(userID: userID, userAgent: "ancien", now: start)
        let later = start.addingTimeInterval(SessionStore.idleLifetime / 2)
        let recent = try sessions.create(userID: userID, userAgent: "récent", now: later)

        let purgeTime = start.addingTimeInterval(SessionStore.idleLifetime + 1)
        #expect(try sessions.purgeExpired(now: purgeTime) == 1)
        #expect(try sessions.user(sessionID: old, now: purgeTime) == nil)
        #expect(try sessions.user(sessionID: recent, now: purgeTime)?.id == userID)
        #expect(try sessions.purgeExpired(now: purgeTime) == 0)
    }

    @Test func linksExpiredForADayGoAndLateClicksStillHearExpired() throws {
        let fixture = try AccountFixture()
        let userID = try user(fixture)
        let tokens = EmailTokenStore(fixture.db)
        let start = fixture.now
        let stale = try tokens.issue(userID: userID, purpose: .resetPassword, now: start)
        let fresh = try tokens.issue(
            userID: userID, purpose: .resetPassword, now: start.addingTimeInterval(24 * 3600))

        // Both expired; only the one expired for more than a day is deleted.
        let purgeTime = start.addingTimeInterval(24 * 3600 + EmailTokenStore.Purpose.resetPassword.lifetime + 60)
        #expect(try tokens.purgeExpired(now: purgeTime) == 1)
        #expect(throws: AccountError.tokenInvalid) {
            try tokens.consume(stale, purpose: .resetPassword, now: purgeTime)
        }
        #expect(throws: AccountError.tokenExpired) {
            try tokens.consume(fresh, purpose: .resetPassword, now: purgeTime)
        }
    }

    @Test func thePurgeReadsTheExpiryIndexes() throws {
        let fixture = try AccountFixture()
        for (table, index) in [("sessions", "sessions_expiry"), ("email_tokens", "email_tokens_expiry")] {
            let plan = try fixture.db.query("EXPLAIN QUERY PLAN DELETE FROM \(table) WHERE expires_at <= ?", 0)
                .map { $0.string("detail") }.joined(separator: " | ")
            #expect(plan.contains(index), "\(table): \(plan)")
        }
    }
}
