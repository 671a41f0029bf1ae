import Accounts
import Storage

/// The ordered list of migrations; the schema version is its length.
///
/// Append only: a released step is never edited or reordered.
public enum Schema {
    public static let migrations: [Migration] = [
        AccountsSchema.initial
    ]

    public static var migrator: Migrator { Migrator(migrations: migrations) }
}
