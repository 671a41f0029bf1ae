import Accounts
import Foundation
import Web

/// "Télécharger mes données": the account's data as a JSON file (RGPD, right of access).
enum AccountExportAction {
    static func download(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()

        guard let export = try AccountExport.collect(userID: user.id, db: context.db, now: context.now) else {
            throw PortalError.notFound
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var response = Response.json(bytes: Array(try encoder.encode(export)))
        response.headers.set("Content-Disposition", "attachment; filename=\"lesocial-mes-donnees.json\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
