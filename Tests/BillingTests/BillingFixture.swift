import Foundation
import Logging
import Security
import Storage
import Testing

@testable import Billing

/// A fresh billing database in a temporary folder, with a `users` table, the default plans and a clock.
final class BillingFixture {
    let directory: URL
    let db: Database
    let logs = LogCapture()
    let sandbox = SandboxProvider()
    /// The time the fixture's calls run at; tests move it.
    var now: Date

    init(now: Date = paris(2026, 3, 10, 9)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("billing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = try Database(path: directory.appendingPathComponent("test.db").path)
        self.now = now

        let users = Migration(name: "users_for_tests", sql: "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
        try Migrator(migrations: [users] + BillingSchema.migrations, logger: quietLogger).migrate(db)
        try DefaultPlans.seed(db, now: now)
    }

    deinit {
        db.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var logger: Logger { Logger(label: "billing", minimumLevel: .debug, sink: logs.sink) }
    var quietLogger: Logger { Logger(label: "billing", minimumLevel: .error, sink: { _ in }) }

    var processor: WebhookProcessor {
        WebhookProcessor(db: db, secrets: [sandbox.webhookSecret], seller: .placeholder, logger: logger)
    }

    var entitlements: EntitlementService { EntitlementService(db: db, logger: quietLogger) }

    func addUser(_ email: String) throws -> Int64 {
        try db.run("INSERT INTO users (email) VALUES (?)", email)
        return db.lastInsertRowID
    }

    func plan(_ slug: String) throws -> Plan {
        guard let plan = try PlanStore(db).plan(slug: slug) else { throw FixtureError.noPlan(slug) }
        return plan
    }

    /// Starts a sandbox checkout of `slug` for `userID`.
    func checkout(userID: Int64, plan slug: String) throws -> Order {
        let service = CheckoutService(db: db, provider: sandbox, logger: quietLogger)
        return try service.start(
            userID: userID, buyer: Buyer(email: "eleve\(userID)@example.fr", name: "Élève \(userID)"),
            planID: plan(slug).id, successURL: "/paiement/merci", cancelURL: "/tarifs", now: now
        ).order
    }

    /// Makes a sandbox event about `order` dated `at` and processes it at `now`.
    @discardableResult
    func deliver(_ kind: SandboxEventKind, _ order: Order, at date: Date? = nil) throws -> WebhookOutcome {
        let event = sandbox.makeEvent(kind: kind, order: order, now: date ?? now)
        return try processor.process(rawBody: event.payload, signatureHeader: event.signatureHeader, now: now)
    }

    /// Signs a hand-written event body with the sandbox secret at `now`.
    func signed(_ json: String) -> (body: [UInt8], header: String) {
        let body = Array(json.utf8)
        let header = WebhookSignature.sign(payload: body, secret: sandbox.webhookSecret, timestamp: seconds(now))
        return (body, header)
    }

    func order(_ id: Int64) throws -> Order { try OrderStore(db).require(id) }

    enum FixtureError: Error { case noPlan(String) }
}

/// Midday-ish moments in Paris time, for readable test dates.
func paris(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}

func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970) }

let day: TimeInterval = 86_400

/// Log lines kept in memory, to assert what was logged.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var sink: Logger.Sink {
        { [self] line in
            lock.lock()
            stored.append(line)
            lock.unlock()
        }
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
