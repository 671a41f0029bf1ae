import Accounts
import Billing
import Exams
import Storage

/// The ordered list of migrations; the schema version is its length.
///
/// Append only: a released step is never edited or reordered.
public enum Schema {
    public static let migrations: [Migration] =
        [
            AccountsSchema.initial,
            ExamsSchema.initial,
        ] + BillingSchema.migrations + [
            ExamsSchema.bodyRevision, ExamsSchema.bankRevision, ExamsSchema.ownerExamIndexes,
            ExamsSchema.examRevision, AccountsSchema.expiryIndexes,
        ]

    public static var migrator: Migrator { Migrator(migrations: migrations) }
}
