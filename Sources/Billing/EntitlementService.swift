import Foundation
import Logging
import Security
import Storage

/// The one answer to "may this user see premium content of this track now?".
///
/// Every premium path (starting an exam, fetching an item, saving,
/// reviewing, the API, token issuance) asks `check` or `entitlements`;
/// nothing else reads the billing tables to decide access. Sources are
/// paid subscriptions (through `AccessPolicy`), redeemed vouchers and admin
/// grants.
public struct EntitlementService {
    let db: Database
    let logger: Logger

    /// A service over `db`.
    public init(db: Database, logger: Logger = Logger(label: "billing")) {
        self.db = db
        self.logger = logger
    }

    /// The entitlement opening `track` to `userID` at `now`, the one lasting longest; `nil` means no access.
    public func check(userID: Int64, track: Track, now: Date) throws -> Entitlement? {
        try entitlements(userID: userID, now: now)
            .filter { $0.scope.covers(track) }
            .max { $0.validUntil < $1.validUntil }
    }

    /// Every entitlement of `userID` valid at `now`, from all sources, latest end first.
    public func entitlements(userID: Int64, now: Date) throws -> [Entitlement] {
        let paid = try SubscriptionStore(db).subscriptions(userID: userID).compactMap { subscription -> Entitlement? in
            guard subscription.grantsAccess(at: now), let end = subscription.accessEnd else { return nil }
            return Entitlement(
                userID: userID, scope: subscription.scope, validFrom: subscription.periodStart, validUntil: end,
                source: .subscription(id: subscription.id))
        }
        let granted = try db.query(
            """
            SELECT * FROM entitlements
            WHERE user_id = ? AND revoked_at IS NULL AND valid_from <= ? AND valid_until > ?
            """,
            userID, now, now
        ).map(Self.entitlement(from:))
        return (paid + granted).sorted { $0.validUntil > $1.validUntil }
    }

    /// The claims for an access token: one per scope, with its latest end in Unix seconds.
    public func claims(userID: Int64, now: Date) throws -> [EntitlementClaim] {
        var latest: [String: Date] = [:]
        for entitlement in try entitlements(userID: userID, now: now) {
            let key = entitlement.scope.rawValue
            latest[key] = max(latest[key] ?? entitlement.validUntil, entitlement.validUntil)
        }
        return latest.map { EntitlementClaim(scope: $0.key, until: Int($0.value.timeIntervalSince1970)) }
            .sorted { $0.scope < $1.scope }
    }

    /// Gives `userID` access to `scope` from `from` until `until` on an admin's decision.
    @discardableResult
    public func grant(
        userID: Int64, scope: AccessScope, from: Date, until: Date, grantedBy adminID: Int64, note: String,
        now: Date
    ) throws -> Entitlement {
        guard until > from else { throw BillingError.invalidGrant(reason: "la fin doit suivre le début.") }
        let cleanNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanNote.isEmpty, cleanNote.count <= 500 else {
            throw BillingError.invalidGrant(reason: "indiquez un motif de 1 à 500 caractères.")
        }
        try db.run(
            """
            INSERT INTO entitlements (user_id, scope, valid_from, valid_until, source, granted_by, note, created_at)
            VALUES (?, ?, ?, ?, 'admin', ?, ?, ?)
            """,
            userID, scope.rawValue, from, until, adminID, cleanNote, now)
        let id = db.lastInsertRowID
        logger.info(
            "billing.grant.created",
            [("grant_id", "\(id)"), ("user_id", "\(userID)"), ("admin_id", "\(adminID)"), ("scope", scope.rawValue)])
        return Entitlement(
            userID: userID, scope: scope, validFrom: from, validUntil: until, source: .admin(grantID: id))
    }

    /// Ends an admin grant at once; returns whether it was still active.
    @discardableResult
    public func revokeGrant(grantID: Int64, now: Date) throws -> Bool {
        try db.run(
            "UPDATE entitlements SET revoked_at = ? WHERE id = ? AND source = 'admin' AND revoked_at IS NULL",
            now, grantID)
        return db.changes > 0
    }

    /// Records the entitlement of a redeemed voucher; returns its row id.
    func insertVoucherEntitlement(userID: Int64, scope: AccessScope, from: Date, until: Date, code: String) throws
        -> Int64
    {
        try db.run(
            """
            INSERT INTO entitlements (user_id, scope, valid_from, valid_until, source, voucher_code, created_at)
            VALUES (?, ?, ?, ?, 'voucher', ?, ?)
            """,
            userID, scope.rawValue, from, until, code, from)
        return db.lastInsertRowID
    }

    private static func entitlement(from row: Row) -> Entitlement {
        let source: EntitlementSource =
            row.string("source") == "voucher"
            ? .voucher(code: row.optionalString("voucher_code") ?? "")
            : .admin(grantID: row.int64("id"))
        return Entitlement(
            userID: row.int64("user_id"), scope: PlanStore.scope(row.string("scope")),
            validFrom: row.date("valid_from"), validUntil: row.date("valid_until"), source: source)
    }
}
