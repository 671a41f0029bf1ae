import Foundation
import Storage

/// `lesocial migrate`: applies pending migrations and prints the versions.
enum MigrateCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let config = try Configuration()
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        let db = try Database(path: config.databasePath)
        defer { db.close() }

        let (from, to) = try Schema.migrator.migrate(db)
        print(from == to ? "Base à jour (version \(to))." : "Base migrée de la version \(from) à la version \(to).")
        return 0
    }
}
