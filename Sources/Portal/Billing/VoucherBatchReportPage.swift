import Billing
import Web

/// `/admin/bons/:id` (admin): every code of a batch, whether it was used, by whom and when.
enum VoucherBatchReportPage {
    struct View: Encodable {
        var layout: LayoutView
        var school: String
        var planName: String
        var expires: String
        var count: Int
        var redeemed: Int
        var codes: [CodeRow]
    }

    /// One code.
    struct CodeRow: Encodable {
        var code: String
        var usedBy: String?
        var usedAt: String?
    }

    static func show(_ context: inout Context) throws -> Response {
        _ = try context.requireRole(.admin)
        guard let id = context.request.parameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }

        let report: VoucherBatchReport
        do {
            report = try VoucherStore(db: context.db, logger: context.logger).report(batchID: id)
        } catch BillingError.voucherBatchNotFound {
            throw PortalError.notFound
        }

        let codes = report.codes.map {
            CodeRow(
                code: $0.code, usedBy: $0.isRedeemed ? ($0.redeemedByEmail ?? "compte supprimé") : nil,
                usedAt: $0.redeemedAt.map(FrenchFormat.dateTime))
        }
        let view = View(
            layout: context.layout(notice: BillingNotice.from(context.request)), school: report.batch.schoolName,
            planName: report.planName, expires: BillingFormat.until(report.batch.expiresAt),
            count: report.batch.codeCount, redeemed: report.redeemedCount, codes: codes)
        return try context.render("pages/billing/admin-voucher-batch", view)
    }
}
