import Accounts
import Foundation

/// Demo accounts for development mode only; production never seeds anything.
enum DemoAccounts {
    /// The shared password of every demo account (documented in the README).
    static let password = "demo-lesocial-2026"

    static let accounts: [(email: String, name: String, role: Role)] = [
        ("admin@lesocial.test", "Admin démo", .admin),
        ("formatrice@lesocial.test", "Formatrice démo", .trainer),
        ("etudiante@lesocial.test", "Étudiante démo", .student),
        ("membre@lesocial.test", "Membre démo", .member),
    ]

    static func seed(_ app: App) throws {
        precondition(app.config.mode == .development, "demo accounts are for development mode only")
        let db = try app.pool.connection()
        let users = UserStore(db)
        let missing = try accounts.filter { try users.findWithHash(email: $0.email) == nil }
        guard !missing.isEmpty else { return }
        let hash = try app.accountSettings.hasher.hash(password)
        var created = 0
        for account in missing {
            _ = try users.create(
                email: account.email, displayName: account.name, passwordHash: hash, role: account.role,
                confirmed: true, now: app.clock.now())
            created += 1
        }
        if created > 0 { app.logger.info("portal.demo_accounts.seeded", [("count", "\(created)")]) }
    }
}
