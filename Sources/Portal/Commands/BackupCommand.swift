import Foundation
import Storage

/// `lesocial backup PATH`: copies the live database with SQLite's online backup API.
enum BackupCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Options(arguments)
        guard let target = options.positional.first else { throw UsageError(message: "indiquez le chemin de la copie") }
        let config = try Configuration()
        guard FileManager.default.fileExists(atPath: config.databasePath) else {
            throw UsageError(message: "aucune base à copier dans \(config.databasePath)")
        }
        let db = try Database(path: config.databasePath)
        defer { db.close() }

        try db.backup(to: target)
        let copy = try Database(path: target)
        defer { copy.close() }
        let problems = try copy.integrityCheck()
        guard problems == ["ok"] || problems.isEmpty else {
            throw UsageError(message: "la copie \(target) est corrompue : \(problems.joined(separator: "; "))")
        }
        print("Copie enregistrée dans \(target) (intégrité vérifiée).")
        return 0
    }
}
