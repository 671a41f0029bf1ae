import Foundation
import Logging
import Storage

/// School seats: batches of codes made by admins, redeemed once each by students.
public struct VoucherStore {
    /// The largest batch an admin can make at once.
    public static let maximumBatchSize = 1000

    let db: Database
    let logger: Logger

    /// A store over `db`.
    public init(db: Database, logger: Logger = Logger(label: "billing")) {
        self.db = db
        self.logger = logger
    }

    /// Makes a batch of `count` fresh codes for `planID`, usable until `expiresAt`.
    public func createBatch(
        planID: Int64, count: Int, expiresAt: Date, schoolName: String, createdBy adminID: Int64?, now: Date
    ) throws -> (batch: VoucherBatch, codes: [String]) {
        let school = schoolName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maximumBatchSize).contains(count) else {
            throw BillingError.invalidVoucherBatch(
                reason: "le nombre de codes doit aller de 1 à \(Self.maximumBatchSize).")
        }
        guard !school.isEmpty, school.count <= 120 else {
            throw BillingError.invalidVoucherBatch(
                reason: "indiquez le nom de l'établissement (120 caractères au plus).")
        }
        guard expiresAt > now else {
            throw BillingError.invalidVoucherBatch(reason: "la date d'expiration doit être dans le futur.")
        }
        let plan = try PlanStore(db).require(planID)
        if plan.archivedAt != nil { throw BillingError.planArchived(planID: planID) }

        let result = try db.transaction {
            try db.run(
                """
                INSERT INTO voucher_batches (plan_id, school_name, code_count, expires_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                planID, school, count, expiresAt, adminID, now)
            let batchID = db.lastInsertRowID
            var codes: [String] = []
            while codes.count < count {
                let code = VoucherCode.generate()
                try db.run(
                    "INSERT INTO voucher_codes (code, batch_id) VALUES (?, ?) ON CONFLICT DO NOTHING", code, batchID)
                if db.changes > 0 { codes.append(code) }
            }
            return (try requireBatch(batchID), codes.sorted())
        }
        logger.info(
            "billing.vouchers.batch_created",
            [("batch_id", "\(result.0.id)"), ("plan_id", "\(planID)"), ("count", "\(count)")])
        return result
    }

    /// Redeems `input` for `userID`: one use per code, before the batch expires.
    ///
    /// The claim is a single `UPDATE … WHERE redeemed_at IS NULL`, so two
    /// students racing for one code cannot both win. `redeemed_at`, not
    /// `redeemed_by`, marks use, so a code stays used after its redeemer's
    /// account is deleted.
    @discardableResult
    public func redeem(code input: String, userID: Int64, now: Date) throws -> Entitlement {
        guard let code = VoucherCode.normalize(input) else { throw BillingError.voucherUnknown }
        return try db.transaction {
            guard
                let row = try db.queryOne(
                    """
                    SELECT voucher_codes.redeemed_at, voucher_batches.expires_at, voucher_batches.plan_id
                    FROM voucher_codes JOIN voucher_batches ON voucher_batches.id = voucher_codes.batch_id
                    WHERE voucher_codes.code = ?
                    """,
                    code)
            else {
                throw BillingError.voucherUnknown
            }
            guard row.optionalDate("redeemed_at") == nil else { throw BillingError.voucherAlreadyUsed }
            guard now < row.date("expires_at") else { throw BillingError.voucherExpired }

            let plan = try PlanStore(db).require(row.int64("plan_id"))
            let until = plan.duration.periodEnd(startingAt: now)
            guard until > now else { throw BillingError.voucherExpired }

            try db.run(
                "UPDATE voucher_codes SET redeemed_by = ?, redeemed_at = ? WHERE code = ? AND redeemed_at IS NULL",
                userID, now, code)
            guard db.changes == 1 else { throw BillingError.voucherAlreadyUsed }
            let entitlementID = try EntitlementService(db: db, logger: logger).insertVoucherEntitlement(
                userID: userID, scope: plan.scope, from: now, until: until, code: code)
            try db.run("UPDATE voucher_codes SET entitlement_id = ? WHERE code = ?", entitlementID, code)

            logger.info("billing.vouchers.redeemed", [("user_id", "\(userID)"), ("plan_id", "\(plan.id)")])
            return Entitlement(
                userID: userID, scope: plan.scope, validFrom: now, validUntil: until, source: .voucher(code: code))
        }
    }

    /// Every batch, newest first: the admin list.
    public func batches() throws -> [VoucherBatch] {
        try db.query("SELECT * FROM voucher_batches ORDER BY created_at DESC, id DESC").map(Self.batch(from:))
    }

    /// The batch page: which codes were used, by whom and when.
    public func report(batchID: Int64) throws -> VoucherBatchReport {
        let batch = try requireBatch(batchID)
        let planName = try PlanStore(db).require(batch.planID).name
        let codes = try db.query(
            """
            SELECT voucher_codes.code, voucher_codes.redeemed_by, voucher_codes.redeemed_at, users.email
            FROM voucher_codes LEFT JOIN users ON users.id = voucher_codes.redeemed_by
            WHERE voucher_codes.batch_id = ? ORDER BY voucher_codes.code
            """,
            batchID
        ).map {
            VoucherCodeStatus(
                code: $0.string("code"), redeemedBy: $0.optionalInt64("redeemed_by"),
                redeemedByEmail: $0.optionalString("email"), redeemedAt: $0.optionalDate("redeemed_at"))
        }
        return VoucherBatchReport(batch: batch, planName: planName, codes: codes)
    }

    private func requireBatch(_ id: Int64) throws -> VoucherBatch {
        guard let row = try db.queryOne("SELECT * FROM voucher_batches WHERE id = ?", id) else {
            throw BillingError.voucherBatchNotFound(batchID: id)
        }
        return Self.batch(from: row)
    }

    private static func batch(from row: Row) -> VoucherBatch {
        VoucherBatch(
            id: row.int64("id"), planID: row.int64("plan_id"), schoolName: row.string("school_name"),
            codeCount: row.int("code_count"), expiresAt: row.date("expires_at"),
            createdBy: row.optionalInt64("created_by"), createdAt: row.date("created_at"))
    }
}
