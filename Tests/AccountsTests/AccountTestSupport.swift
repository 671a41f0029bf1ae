import Accounts
import Foundation
import Logging
import Security
import Storage

/// A fresh migrated database in a temporary folder, and a service bound to a movable time.
final class AccountFixture {
    let directory: URL
    let db: Database
    var now = Date(timeIntervalSince1970: 1_790_000_000)
    let settings = AccountService.Settings(
        hasher: PasswordHasher(parameters: .testing), baseURL: "https://lesocial.test")
    let lines = LineSink()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = try Database(path: directory.appendingPathComponent("test.db").path)
        _ = try Migrator(migrations: AccountsSchema.migrations).migrate(db)
    }

    deinit {
        db.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var service: AccountService {
        let sink = lines
        return AccountService(
            db: db, settings: settings, now: now,
            logger: Logger(label: "test", minimumLevel: .debug, sink: { sink.append($0) }))
    }

    /// The token in the last link mailed to `email` for `path`.
    func lastLinkToken(to email: String, path: String) throws -> String? {
        guard let mail = try Outbox(db).pending().last(where: { $0.recipient == email }) else { return nil }
        guard let range = mail.body.range(of: path + "?jeton=") else { return nil }
        return String(mail.body[range.upperBound...].prefix { !$0.isWhitespace })
    }

    @discardableResult
    func registerConfirmed(_ email: String, password: String = "correct horse battery") throws -> User {
        let user = try service.register(email: email, displayName: "Camille", password: password, address: "10.0.0.1")
        let token = try lastLinkToken(to: email, path: "/compte/confirmer")
        _ = user
        return try service.confirm(token: token ?? "")
    }
}

/// Collects log lines in memory so tests can assert on them.
final class LineSink: @unchecked Sendable {
    private var stored: [String] = []
    private let lock = NSLock()

    func append(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
