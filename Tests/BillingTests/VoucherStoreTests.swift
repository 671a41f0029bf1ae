import Foundation
import Testing

@testable import Billing

@Suite struct VoucherStoreTests {
    func makeBatch(_ fixture: BillingFixture, count: Int = 3, expiresIn: TimeInterval = 30 * day) throws
        -> (batch: VoucherBatch, codes: [String])
    {
        try VoucherStore(db: fixture.db, logger: fixture.quietLogger).createBatch(
            planID: fixture.plan("ifsi-3-mois").id, count: count, expiresAt: fixture.now + expiresIn,
            schoolName: "IFSI de Rennes", createdBy: nil, now: fixture.now)
    }

    @Test func batchHasDistinctReadableCodes() throws {
        let fixture = try BillingFixture()
        let (batch, codes) = try makeBatch(fixture, count: 50)

        #expect(batch.codeCount == 50)
        #expect(Set(codes).count == 50)
        for code in codes {
            let parts = code.split(separator: "-")
            #expect(parts.count == 3 && parts[0] == "LS" && parts[1].count == 4 && parts[2].count == 4, "\(code)")
            #expect(code.filter { $0 != "-" }.dropFirst(2).allSatisfy { "ACDEFGHJKMNPQRTUVWXY34679".contains($0) })
        }
    }

    @Test func codeIsRedeemedOnceAndGrantsThePlan() throws {
        let fixture = try BillingFixture()
        let store = VoucherStore(db: fixture.db, logger: fixture.quietLogger)
        let (_, codes) = try makeBatch(fixture)
        let first = try fixture.addUser("a@example.fr")
        let second = try fixture.addUser("b@example.fr")

        let entitlement = try store.redeem(
            code: codes[0].lowercased().replacingOccurrences(of: "-", with: " "),
            userID: first, now: fixture.now)

        #expect(entitlement.scope == .track(.ifsi))
        #expect(entitlement.validUntil == paris(2026, 6, 10, 9))
        #expect(
            try fixture.entitlements.check(userID: first, track: .ifsi, now: fixture.now)?.source
                == .voucher(code: codes[0]))
        let error = #expect(throws: BillingError.voucherAlreadyUsed) {
            try store.redeem(code: codes[0], userID: second, now: fixture.now)
        }
        #expect(error?.message == "Ce code a déjà été utilisé. Chaque code ne sert qu'une fois.")
        #expect(try fixture.entitlements.check(userID: second, track: .ifsi, now: fixture.now) == nil)
    }

    @Test func expiredCodeIsRefused() throws {
        let fixture = try BillingFixture()
        let (_, codes) = try makeBatch(fixture, expiresIn: day)
        let user = try fixture.addUser("a@example.fr")

        let error = #expect(throws: BillingError.voucherExpired) {
            try VoucherStore(db: fixture.db).redeem(code: codes[0], userID: user, now: fixture.now + day)
        }
        #expect(
            error?.message == "Ce code a expiré. Rapprochez-vous de votre établissement pour en obtenir un nouveau.")
        #expect(error?.code == "voucher_expired")
    }

    @Test func unknownOrMistypedCodeIsRefused() throws {
        let fixture = try BillingFixture()
        _ = try makeBatch(fixture)
        let user = try fixture.addUser("a@example.fr")
        for input in ["LS-7KQM-X4TD", "bonjour", "", "LS-0000-0000"] {
            let error = #expect(throws: BillingError.voucherUnknown) {
                try VoucherStore(db: fixture.db).redeem(code: input, userID: user, now: fixture.now)
            }
            #expect(error?.message == "Ce code n'existe pas. Vérifiez sa saisie, par exemple LS-7KQM-X4TD.")
        }
    }

    @Test func reportListsWhoUsedWhichCodeAndWhen() throws {
        let fixture = try BillingFixture()
        let (batch, codes) = try makeBatch(fixture)
        let user = try fixture.addUser("lea@example.fr")
        try VoucherStore(db: fixture.db).redeem(code: codes[1], userID: user, now: fixture.now)

        let report = try VoucherStore(db: fixture.db).report(batchID: batch.id)

        #expect(report.planName == "Préparation IFSI — 3 mois")
        #expect(report.batch.schoolName == "IFSI de Rennes")
        #expect(report.codes.map(\.code) == codes)
        #expect(report.redeemedCount == 1)
        let used = try #require(report.codes.first { $0.isRedeemed })
        #expect(used.code == codes[1])
        #expect(used.redeemedBy == user)
        #expect(used.redeemedByEmail == "lea@example.fr")
        #expect(used.redeemedAt == fixture.now)
    }

    @Test func codeStaysUsedAfterItsRedeemerIsDeleted() throws {
        let fixture = try BillingFixture()
        let (_, codes) = try makeBatch(fixture)
        let user = try fixture.addUser("a@example.fr")
        try VoucherStore(db: fixture.db).redeem(code: codes[0], userID: user, now: fixture.now)
        try fixture.db.run("DELETE FROM users WHERE id = ?", user)
        let other = try fixture.addUser("b@example.fr")

        #expect(throws: BillingError.voucherAlreadyUsed) {
            try VoucherStore(db: fixture.db).redeem(code: codes[0], userID: other, now: fixture.now)
        }
    }

    @Test func invalidBatchesAreRefusedWithReasons() throws {
        let fixture = try BillingFixture()
        let store = VoucherStore(db: fixture.db, logger: fixture.quietLogger)
        let plan = try fixture.plan("es-1-mois").id
        #expect(throws: BillingError.invalidVoucherBatch(reason: "le nombre de codes doit aller de 1 à 1000.")) {
            try store.createBatch(
                planID: plan, count: 0, expiresAt: fixture.now + day, schoolName: "École",
                createdBy: nil, now: fixture.now)
        }
        #expect(throws: BillingError.invalidVoucherBatch(reason: "la date d'expiration doit être dans le futur.")) {
            try store.createBatch(
                planID: plan, count: 1, expiresAt: fixture.now, schoolName: "École",
                createdBy: nil, now: fixture.now)
        }
        #expect(
            throws: BillingError.invalidVoucherBatch(
                reason: "indiquez le nom de l'établissement (120 caractères au plus).")
        ) {
            try store.createBatch(
                planID: plan, count: 1, expiresAt: fixture.now + day, schoolName: "  ",
                createdBy: nil, now: fixture.now)
        }
    }

    @Test func typedCodesAreNormalized() {
        #expect(VoucherCode.normalize("ls 7kqm x4td") == "LS-7KQM-X4TD")
        #expect(VoucherCode.normalize("7KQMX4TD") == "LS-7KQM-X4TD")
        #expect(VoucherCode.normalize("LS-7KQM-X4T") == nil)
        #expect(VoucherCode.normalize("LS-0KQM-X4TD") == nil)
    }
}
