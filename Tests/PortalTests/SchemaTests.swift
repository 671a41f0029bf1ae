import Accounts
import Billing
import Exams
import Storage
import Testing

@testable import Portal

@Suite struct SchemaTests {
    /// A module's step left out of the portal's list exists in its own tests only: the exam triggers that
    /// keep the catalogue fresh were once missing from the server.
    @Test func thePortalRunsEveryStepOfEveryModuleInTheModulesOrder() {
        let portal = Schema.migrations.map(\.name)
        for module in [AccountsSchema.migrations, ExamsSchema.migrations, BillingSchema.migrations] {
            let names = module.map(\.name)
            #expect(portal.filter(names.contains) == names)
        }
        #expect(Set(portal).count == portal.count)
    }

    @Test func thePurgeJobDeletesExpiredSessionsAndLogsHowMany() throws {
        let fixture = try PortalFixture()
        let db = try fixture.app.pool.connection()
        try db.run("INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('p@q.fr', 'P', 'x', 0)")
        let now = fixture.app.clock.now()
        _ = try SessionStore(db).create(
            userID: db.lastInsertRowID, userAgent: "t", now: now.addingTimeInterval(-SessionStore.idleLifetime - 10))

        try App.purgeExpired(db: db, now: now, logger: fixture.app.logger)
        #expect(try db.queryOne("SELECT COUNT(*) AS n FROM sessions")?.int("n") == 0)
        #expect(fixture.logLines.contains("accounts.expired_purged"))
    }
}
