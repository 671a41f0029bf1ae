import Storage

/// The billing tables, applied after the Accounts schema (they reference `users(id)`).
///
/// Conventions: money is INTEGER euro cents, VAT rates INTEGER basis points
/// (2000 = 20 %), every time an INTEGER of epoch milliseconds (Storage's
/// `Date` binding); provider timestamps, which are epoch seconds, are
/// converted on the way in.
///
/// Issued invoices, their lines and credit notes cannot be updated or
/// deleted: triggers abort any such statement. The one change allowed is
/// setting an invoice's `user_id` to NULL, which the `ON DELETE SET NULL` of
/// an account deletion does, since invoices are kept for the accounting
/// retention period with their buyer snapshot. A column added to those
/// tables later must be added to the `UPDATE OF` lists of their triggers.
public enum BillingSchema {
    /// The first billing migration.
    public static let initial = Migration(name: "billing_initial", sql: initialSQL)

    /// Every billing migration, in order.
    public static let migrations: [Migration] = [initial]

    /// The script of `initial`.
    static let initialSQL = """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('es', 'ass', 'ifsi', 'as', 'all')),
            duration_months INTEGER CHECK (duration_months > 0),
            ends_at INTEGER,
            price_ttc_cents INTEGER NOT NULL CHECK (price_ttc_cents > 0),
            vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp >= 0),
            archived_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK ((duration_months IS NULL) <> (ends_at IS NULL))
        );

        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            plan_name TEXT NOT NULL,
            scope TEXT NOT NULL,
            duration_months INTEGER,
            ends_at INTEGER,
            amount_ttc_cents INTEGER NOT NULL CHECK (amount_ttc_cents > 0),
            vat_rate_bp INTEGER NOT NULL,
            buyer_email TEXT NOT NULL,
            buyer_name TEXT,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'refunded')),
            provider TEXT NOT NULL,
            provider_session_id TEXT UNIQUE,
            payment_intent_id TEXT UNIQUE,
            refunded_cents INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            paid_at INTEGER,
            failed_at INTEGER,
            refunded_at INTEGER
        );
        CREATE INDEX orders_by_user ON orders (user_id, created_at);

        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            order_id INTEGER UNIQUE REFERENCES orders(id),
            plan_name TEXT NOT NULL,
            scope TEXT NOT NULL,
            state TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            period_end INTEGER NOT NULL,
            past_due_since INTEGER,
            provider_subscription_id TEXT UNIQUE,
            state_changed_at INTEGER NOT NULL,
            cancelled_at INTEGER,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX subscriptions_by_user ON subscriptions (user_id);

        CREATE TABLE entitlements (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            valid_from INTEGER NOT NULL,
            valid_until INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('voucher', 'admin')),
            voucher_code TEXT,
            granted_by INTEGER,
            note TEXT,
            revoked_at INTEGER,
            created_at INTEGER NOT NULL,
            CHECK (valid_until > valid_from)
        );
        CREATE INDEX entitlements_by_user ON entitlements (user_id, valid_until);

        CREATE TABLE webhook_events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            payload TEXT NOT NULL
        );

        CREATE TABLE payment_refunds (
            payment_intent_id TEXT PRIMARY KEY,
            amount_refunded_cents INTEGER NOT NULL,
            is_full INTEGER NOT NULL,
            refunded_at INTEGER NOT NULL
        );

        CREATE TABLE document_counters (
            series TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (series, year)
        );

        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            issued_at INTEGER NOT NULL,
            buyer_email TEXT NOT NULL,
            buyer_name TEXT,
            seller_name TEXT NOT NULL,
            seller_address TEXT NOT NULL,
            seller_siren TEXT NOT NULL,
            seller_vat_number TEXT NOT NULL,
            seller_email TEXT NOT NULL,
            seller_mentions TEXT NOT NULL,
            total_ht_cents INTEGER NOT NULL,
            total_vat_cents INTEGER NOT NULL,
            total_ttc_cents INTEGER NOT NULL,
            currency TEXT NOT NULL,
            UNIQUE (year, sequence)
        );
        CREATE INDEX invoices_by_user ON invoices (user_id, issued_at);

        CREATE TABLE invoice_lines (
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            position INTEGER NOT NULL,
            description TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            ht_cents INTEGER NOT NULL,
            vat_rate_bp INTEGER NOT NULL,
            vat_cents INTEGER NOT NULL,
            ttc_cents INTEGER NOT NULL,
            PRIMARY KEY (invoice_id, position)
        );

        CREATE TABLE credit_notes (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            issued_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            buyer_email TEXT NOT NULL,
            buyer_name TEXT,
            seller_name TEXT NOT NULL,
            seller_address TEXT NOT NULL,
            seller_siren TEXT NOT NULL,
            seller_vat_number TEXT NOT NULL,
            seller_email TEXT NOT NULL,
            seller_mentions TEXT NOT NULL,
            total_ht_cents INTEGER NOT NULL,
            total_vat_cents INTEGER NOT NULL,
            total_ttc_cents INTEGER NOT NULL,
            vat_rate_bp INTEGER NOT NULL,
            currency TEXT NOT NULL,
            UNIQUE (year, sequence)
        );
        CREATE INDEX credit_notes_by_user ON credit_notes (user_id, issued_at);

        CREATE TRIGGER invoices_immutable BEFORE UPDATE OF
            id, number, year, sequence, order_id, issued_at, buyer_email, buyer_name, seller_name, seller_address,
            seller_siren, seller_vat_number, seller_email, seller_mentions, total_ht_cents, total_vat_cents,
            total_ttc_cents, currency
        ON invoices BEGIN
            SELECT RAISE(ABORT, 'invoices are immutable once issued');
        END;
        CREATE TRIGGER invoices_owner_only_detached BEFORE UPDATE OF user_id ON invoices
        WHEN NEW.user_id IS NOT NULL BEGIN
            SELECT RAISE(ABORT, 'invoices are immutable once issued');
        END;
        CREATE TRIGGER invoices_undeletable BEFORE DELETE ON invoices BEGIN
            SELECT RAISE(ABORT, 'invoices are immutable once issued');
        END;
        CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON invoice_lines BEGIN
            SELECT RAISE(ABORT, 'invoices are immutable once issued');
        END;
        CREATE TRIGGER invoice_lines_undeletable BEFORE DELETE ON invoice_lines BEGIN
            SELECT RAISE(ABORT, 'invoices are immutable once issued');
        END;
        CREATE TRIGGER credit_notes_immutable BEFORE UPDATE OF
            id, number, year, sequence, invoice_id, issued_at, reason, buyer_email, buyer_name, seller_name,
            seller_address, seller_siren, seller_vat_number, seller_email, seller_mentions, total_ht_cents,
            total_vat_cents, total_ttc_cents, vat_rate_bp, currency
        ON credit_notes BEGIN
            SELECT RAISE(ABORT, 'credit notes are immutable once issued');
        END;
        CREATE TRIGGER credit_notes_owner_only_detached BEFORE UPDATE OF user_id ON credit_notes
        WHEN NEW.user_id IS NOT NULL BEGIN
            SELECT RAISE(ABORT, 'credit notes are immutable once issued');
        END;
        CREATE TRIGGER credit_notes_undeletable BEFORE DELETE ON credit_notes BEGIN
            SELECT RAISE(ABORT, 'credit notes are immutable once issued');
        END;

        CREATE TABLE voucher_batches (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            school_name TEXT NOT NULL,
            code_count INTEGER NOT NULL CHECK (code_count > 0),
            expires_at INTEGER NOT NULL,
            created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE voucher_codes (
            code TEXT PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES voucher_batches(id),
            redeemed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            redeemed_at INTEGER,
            entitlement_id INTEGER REFERENCES entitlements(id) ON DELETE SET NULL
        );
        CREATE INDEX voucher_codes_by_batch ON voucher_codes (batch_id);
        """
}
