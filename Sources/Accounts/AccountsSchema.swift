import Storage

/// The tables of the accounts module, as migration steps for the portal's ordered list.
public enum AccountsSchema {
    /// Users, sessions, single-use email tokens and the mail outbox.
    public static let initial = Migration(
        name: "accounts_initial",
        sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'member',
                email_confirmed_at INTEGER,
                time_factor REAL NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                user_agent TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX sessions_user ON sessions(user_id);
            CREATE TABLE email_tokens (
                token_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                purpose TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER
            );
            CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                sent_at INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT
            );
            CREATE INDEX outbox_pending ON outbox(sent_at) WHERE sent_at IS NULL;
            """
    )

    /// Indexes on expiry, for the periodic purge of expired sessions and links.
    public static let expiryIndexes = Migration(
        name: "accounts_expiry_indexes",
        sql: """
            CREATE INDEX sessions_expiry ON sessions(expires_at);
            CREATE INDEX email_tokens_expiry ON email_tokens(expires_at);
            """
    )

    /// Every step of the module, in order.
    public static let migrations: [Migration] = [initial, expiryIndexes]
}
