import Accounts
import Billing
import Exams
import Foundation
import Web

/// "Télécharger mes données": the account's data as a JSON file (RGPD, right of access).
enum AccountExportAction {
    static func download(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()

        guard var export = try AccountExport.collect(userID: user.id, db: context.db, now: context.now) else {
            throw PortalError.notFound
        }
        export.sections.merge(try ExamPersonalData.sections(userID: user.id, db: context.db)) { $1 }
        export.sections.merge(try BillingPersonalData.sections(userID: user.id, db: context.db)) { $1 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var response = Response.json(bytes: Array(try encoder.encode(export)))
        response.headers.set("Content-Disposition", "attachment; filename=\"lesocial-mes-donnees.json\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
