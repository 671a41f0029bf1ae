import Billing
import Foundation
import Testing
import Web

@testable import Portal

@Suite struct BillingVoucherTests {
    /// Creates a batch through the admin form; returns the batch page's path and its codes.
    func makeBatch(_ shopper: BillingShopper, admin: Browser, count: Int = 3) throws -> (String, [String]) {
        try admin.get("/admin/bons")
        let response = try admin.post(
            "/admin/bons",
            [
                ("school", "IFSI de Nantes"), ("plan", "\(try shopper.planID("ifsi-3-mois"))"), ("count", "\(count)"),
                ("expiry", "2099-06-30"),
            ])
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        let path = String(location.prefix { $0 != "?" })
        let batchID = try #require(Int64(path.split(separator: "/").last ?? ""))
        let codes = try VoucherStore(db: try shopper.db).report(batchID: batchID).codes.map(\.code)
        return (path, codes)
    }

    @Test func aCodeIsRedeemedOnceAndTheBatchPageSaysByWhom() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let admin = try shopper.admin()
        let (batchPath, codes) = try makeBatch(shopper, admin: admin)
        #expect(codes.count == 3)

        let student = try shopper.member("eleve@exemple.fr")
        try student.get("/bons")
        let redeemed = try student.post("/bons", [("code", codes[0].lowercased())])
        #expect(redeemed.status == 303)
        #expect(try student.get(try #require(redeemed.headers["Location"])).bodyText.contains("Code accepté"))
        #expect(try shopper.access("eleve@exemple.fr", .ifsi) != nil)

        let other = try shopper.member("autre@exemple.fr")
        try other.get("/bons")
        let again = try other.post("/bons", [("code", codes[0])])
        #expect(again.status == 409)
        #expect(again.bodyText.contains("Ce code a déjà été utilisé. Chaque code ne sert qu&#39;une fois."))
        #expect(try shopper.access("autre@exemple.fr", .ifsi) == nil)

        let report = try admin.get(batchPath)
        #expect(report.status == 200)
        #expect(report.bodyText.contains("IFSI de Nantes"))
        #expect(report.bodyText.contains("1 sur 3"))
        #expect(report.bodyText.contains("eleve@exemple.fr"))
        #expect(!report.bodyText.contains("autre@exemple.fr"))
    }

    @Test func unknownCodeIsRefusedInFrench() throws {
        let fixture = try PortalFixture()
        let browser = try BillingShopper(fixture: fixture).member("eleve@exemple.fr")
        try browser.get("/bons")

        let response = try browser.post("/bons", [("code", "LS-AAAA-AAAA")])
        #expect(response.status == 422)
        #expect(response.bodyText.contains("Ce code n&#39;existe pas."))
    }

    @Test func voucherAndPlanAdminPagesAreForAdminsOnly() throws {
        let fixture = try PortalFixture()
        let member = try BillingShopper(fixture: fixture).member("eleve@exemple.fr")

        #expect(try member.get("/admin/bons").status == 403)
        #expect(try member.get("/admin/tarifs").status == 403)
        #expect(try member.post("/admin/bons", [("school", "X"), ("plan", "1"), ("count", "1")]).status == 403)
        #expect(try fixture.browser().get("/admin/bons").status == 303)
    }

    @Test func adminCreatesRepricesAndArchivesAPlan() throws {
        let fixture = try PortalFixture()
        let shopper = BillingShopper(fixture: fixture)
        let admin = try shopper.admin()
        try admin.get("/admin/tarifs")

        let created = try admin.post(
            "/admin/tarifs",
            [
                ("name", "IFSI — 6 mois"), ("slug", "ifsi-6-mois"), ("scope", "ifsi"), ("months", "6"),
                ("end_date", ""), ("price", "89,90"),
            ])
        #expect(created.status == 303)
        let id = try shopper.planID("ifsi-6-mois")
        #expect(try fixture.browser().get("/tarifs").bodyText.contains("89,90\u{00A0}€"))

        try admin.get("/admin/tarifs")
        #expect(try admin.post("/admin/tarifs/\(id)/prix", [("price", "79,90")]).status == 303)
        #expect(try PlanStore(try shopper.db).plan(id: id)?.priceTTCCents == 7990)

        try admin.get("/admin/tarifs")
        #expect(try admin.post("/admin/tarifs/\(id)/archiver", []).status == 303)
        #expect(!(try fixture.browser().get("/tarifs")).bodyText.contains("IFSI — 6 mois"))
        #expect(try admin.get("/admin/tarifs").bodyText.contains("Archivée"))
    }

    @Test func invalidPlanIsRefusedWithTheReason() throws {
        let fixture = try PortalFixture()
        let admin = try BillingShopper(fixture: fixture).admin()
        try admin.get("/admin/tarifs")

        let response = try admin.post(
            "/admin/tarifs",
            [("name", "X"), ("slug", "Pas Bon"), ("scope", "all"), ("months", "1"), ("end_date", ""), ("price", "9")])
        #expect(response.status == 422)
        #expect(response.bodyText.contains("l&#39;identifiant ne peut contenir que des minuscules"))
    }
}
