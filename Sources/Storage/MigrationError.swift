/// Why the schema could not be brought to the binary's version.
public enum MigrationError: Error, CustomStringConvertible, Sendable {
    /// The file was migrated by a newer binary; running would risk its data.
    case databaseNewerThanCode(database: Int, known: Int)
    /// Migration number `version` (1-based) failed and was rolled back.
    case migrationFailed(version: Int, name: String, underlying: any Error)
    /// A migration run without foreign keys left rows pointing nowhere.
    case foreignKeyViolations(version: Int, name: String, count: Int)

    /// For logs: layer, operation and numbers.
    public var description: String {
        switch self {
        case .databaseNewerThanCode(let database, let known):
            "storage: migrate refused: database schema version \(database) is newer than the \(known) known"
        case .migrationFailed(let version, let name, let underlying):
            "storage: migration \(version) '\(name)' failed and was rolled back: \(underlying)"
        case .foreignKeyViolations(let version, let name, let count):
            "storage: migration \(version) '\(name)' left \(count) foreign key violations and was rolled back"
        }
    }

    /// For the operator at the command line, in French.
    public var frenchMessage: String {
        switch self {
        case .databaseNewerThanCode(let database, let known):
            "La base est en version \(database), ce binaire ne connaît que la version \(known) : "
                + "installez une version plus récente de lesocial."
        case .migrationFailed(let version, let name, _):
            "La migration \(version) (« \(name) ») a échoué ; elle a été annulée et la base est restée "
                + "en version \(version - 1)."
        case .foreignKeyViolations(let version, let name, let count):
            "La migration \(version) (« \(name) ») laisserait \(count) référence(s) cassée(s) ; "
                + "elle a été annulée et la base est restée en version \(version - 1)."
        }
    }
}
