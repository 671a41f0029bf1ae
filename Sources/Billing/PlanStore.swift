import Foundation
import Storage

/// Reads and writes plans. A price change applies to orders made afterwards:
/// each order keeps a copy of the price it was made at.
public struct PlanStore {
    /// The longest "months" duration accepted.
    public static let maximumMonths = 36

    let db: Database

    /// A store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// Adds a plan on sale; the slug must be new.
    @discardableResult
    public func create(
        slug: String, name: String, scope: AccessScope, duration: PlanDuration, priceTTCCents: Int,
        vatRateBasisPoints: Int = PriceBreakdown.standardVATRate, now: Date
    ) throws -> Plan {
        let cleanName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.validate(slug: slug, name: cleanName, duration: duration, now: now)
        try Self.validate(priceTTCCents: priceTTCCents, vatRateBasisPoints: vatRateBasisPoints)
        guard try plan(slug: slug) == nil else {
            throw BillingError.invalidPlan(reason: "l'identifiant « \(slug) » est déjà pris.")
        }

        let (months, endsAt) = Self.columns(duration)
        try db.run(
            """
            INSERT INTO plans (slug, name, scope, duration_months, ends_at, price_ttc_cents, vat_rate_bp,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            slug, cleanName, scope.rawValue, months, endsAt, priceTTCCents, vatRateBasisPoints, now, now)
        return try require(db.lastInsertRowID)
    }

    /// The plan with this id, archived or not.
    public func plan(id: Int64) throws -> Plan? {
        try db.queryOne("SELECT * FROM plans WHERE id = ?", id).map(Self.plan(from:))
    }

    /// The plan with this slug, archived or not.
    public func plan(slug: String) throws -> Plan? {
        try db.queryOne("SELECT * FROM plans WHERE slug = ?", slug).map(Self.plan(from:))
    }

    /// The plan with this id, or `planNotFound`.
    public func require(_ id: Int64) throws -> Plan {
        guard let plan = try plan(id: id) else { throw BillingError.planNotFound("\(id)") }
        return plan
    }

    /// Plans that can be bought at `now`, cheapest first: what the pricing page compares.
    public func plansOnSale(at now: Date) throws -> [Plan] {
        try allPlans().filter { $0.isOnSale(at: now) }
            .sorted { ($0.priceTTCCents, $0.id) < ($1.priceTTCCents, $1.id) }
    }

    /// Every plan, archived included, in creation order: the admin list.
    public func allPlans() throws -> [Plan] {
        try db.query("SELECT * FROM plans ORDER BY id").map(Self.plan(from:))
    }

    /// Changes the price of future orders; orders already made keep theirs.
    @discardableResult
    public func updatePrice(
        planID: Int64, priceTTCCents: Int, vatRateBasisPoints: Int? = nil, now: Date
    ) throws -> Plan {
        let current = try require(planID)
        let rate = vatRateBasisPoints ?? current.vatRateBasisPoints
        try Self.validate(priceTTCCents: priceTTCCents, vatRateBasisPoints: rate)
        try db.run(
            "UPDATE plans SET price_ttc_cents = ?, vat_rate_bp = ?, updated_at = ? WHERE id = ?",
            priceTTCCents, rate, now, planID)
        return try require(planID)
    }

    /// Renames a plan; invoices already issued keep the old name.
    @discardableResult
    public func rename(planID: Int64, name: String, now: Date) throws -> Plan {
        let cleanName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanName.isEmpty, cleanName.count <= 120 else {
            throw BillingError.invalidPlan(reason: "le nom doit compter de 1 à 120 caractères.")
        }
        _ = try require(planID)
        try db.run("UPDATE plans SET name = ?, updated_at = ? WHERE id = ?", cleanName, now, planID)
        return try require(planID)
    }

    /// Withdraws a plan from sale; what was bought stays valid. Archiving twice keeps the first date.
    @discardableResult
    public func archive(planID: Int64, now: Date) throws -> Plan {
        _ = try require(planID)
        try db.run(
            "UPDATE plans SET archived_at = COALESCE(archived_at, ?), updated_at = ? WHERE id = ?", now, now, planID)
        return try require(planID)
    }

    // MARK: - Rules and rows

    /// Checks the fields of a new plan.
    static func validate(slug: String, name: String, duration: PlanDuration, now: Date) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !slug.isEmpty, slug.count <= 60, slug.allSatisfy({ allowed.contains($0) }) else {
            throw BillingError.invalidPlan(
                reason: "l'identifiant ne peut contenir que des minuscules, des chiffres et des tirets.")
        }
        guard !name.isEmpty, name.count <= 120 else {
            throw BillingError.invalidPlan(reason: "le nom doit compter de 1 à 120 caractères.")
        }
        switch duration {
        case .months(let count):
            guard (1...maximumMonths).contains(count) else {
                throw BillingError.invalidPlan(reason: "la durée doit aller de 1 à \(maximumMonths) mois.")
            }
        case .untilDate(let end):
            guard end > now else {
                throw BillingError.invalidPlan(reason: "la date de fin doit être dans le futur.")
            }
        }
    }

    /// Checks a price and a VAT rate.
    static func validate(priceTTCCents: Int, vatRateBasisPoints: Int) throws {
        guard priceTTCCents > 0, priceTTCCents <= 1_000_000 else {
            throw BillingError.invalidPlan(reason: "le prix TTC doit être compris entre 0,01 € et 10 000 €.")
        }
        guard (0...10_000).contains(vatRateBasisPoints) else {
            throw BillingError.invalidPlan(reason: "le taux de TVA doit être compris entre 0 et 100 %.")
        }
    }

    /// The `duration_months` and `ends_at` columns of a duration.
    static func columns(_ duration: PlanDuration) -> (months: Int?, endsAt: Date?) {
        switch duration {
        case .months(let count): (count, nil)
        case .untilDate(let end): (nil, end)
        }
    }

    /// The duration stored in `duration_months` or `ends_at`.
    static func duration(months: Int?, endsAt: Date?) -> PlanDuration {
        if let months { return .months(months) }
        guard let endsAt else { preconditionFailure("billing: plan row without duration") }
        return .untilDate(endsAt)
    }

    /// A stored scope; the schema's CHECK makes any other value impossible.
    static func scope(_ text: String) -> AccessScope {
        guard let scope = AccessScope(rawValue: text) else { preconditionFailure("billing: unknown scope \(text)") }
        return scope
    }

    private static func plan(from row: Row) -> Plan {
        Plan(
            id: row.int64("id"), slug: row.string("slug"), name: row.string("name"),
            scope: scope(row.string("scope")),
            duration: duration(months: row.optionalInt("duration_months"), endsAt: row.optionalDate("ends_at")),
            priceTTCCents: row.int("price_ttc_cents"), vatRateBasisPoints: row.int("vat_rate_bp"),
            archivedAt: row.optionalDate("archived_at"))
    }
}
