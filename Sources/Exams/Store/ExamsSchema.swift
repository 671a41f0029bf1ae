import Storage

/// The tables of the exams module, as migration steps for the portal's ordered list.
///
/// The portal applies them after `AccountsSchema`: attempts reference `users(id)`.
/// Times are epoch milliseconds (INTEGER). An attempt keeps a copy of the blueprint it started with, as it
/// keeps the question versions it drew, so editing an exam never changes attempts already taken.
public enum ExamsSchema {
    /// Question versions, exams, attempts with their drawn items and timed sections.
    public static let initial = Migration(
        name: "exams_initial",
        sql: """
            CREATE TABLE questions (
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                category TEXT NOT NULL,
                kind TEXT NOT NULL,
                difficulty INTEGER NOT NULL,
                is_free INTEGER NOT NULL DEFAULT 0,
                content_hash TEXT NOT NULL,
                body_json TEXT NOT NULL,
                source_file TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                retired_at INTEGER,
                PRIMARY KEY (id, version)
            );
            CREATE INDEX questions_category ON questions(category, difficulty);
            CREATE VIEW current_questions AS
                SELECT q.* FROM questions q
                WHERE q.version = (SELECT MAX(version) FROM questions v WHERE v.id = q.id);
            CREATE TABLE bank_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                digest TEXT NOT NULL,
                synced_at INTEGER NOT NULL
            );
            CREATE TABLE exams (
                id TEXT PRIMARY KEY,
                track TEXT NOT NULL,
                title TEXT NOT NULL,
                access TEXT NOT NULL CHECK (access IN ('free', 'premium')),
                blueprint_json TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                retired_at INTEGER
            );
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                token TEXT NOT NULL UNIQUE,
                user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
                visitor_key TEXT,
                exam_id TEXT NOT NULL REFERENCES exams(id),
                blueprint_json TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                deadline_at INTEGER NOT NULL,
                time_factor REAL NOT NULL DEFAULT 1,
                status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'expired')),
                finished_at INTEGER,
                score REAL,
                max_score REAL NOT NULL,
                passed INTEGER,
                eliminated INTEGER,
                current_section INTEGER NOT NULL DEFAULT 0,
                current_position INTEGER NOT NULL DEFAULT 0,
                is_first_attempt INTEGER NOT NULL DEFAULT 0,
                CHECK ((user_id IS NULL) <> (visitor_key IS NULL))
            );
            CREATE INDEX attempts_user ON attempts(user_id, finished_at);
            CREATE INDEX attempts_visitor ON attempts(visitor_key);
            CREATE INDEX attempts_exam ON attempts(exam_id, status);
            CREATE INDEX attempts_open_deadline ON attempts(deadline_at) WHERE status = 'open';
            CREATE TABLE attempt_items (
                attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                section_index INTEGER NOT NULL,
                question_id TEXT NOT NULL,
                question_version INTEGER NOT NULL,
                option_order_json TEXT NOT NULL,
                points REAL NOT NULL,
                saved_response_json TEXT,
                saved_at INTEGER,
                client_seq INTEGER NOT NULL DEFAULT 0,
                flagged INTEGER NOT NULL DEFAULT 0,
                time_spent_ms INTEGER NOT NULL DEFAULT 0,
                fraction REAL,
                awarded REAL,
                needs_marking INTEGER NOT NULL DEFAULT 0,
                marked_by INTEGER,
                marker_comment TEXT,
                PRIMARY KEY (attempt_id, position),
                FOREIGN KEY (question_id, question_version) REFERENCES questions(id, version)
            );
            CREATE INDEX attempt_items_question ON attempt_items(question_id, question_version);
            CREATE INDEX attempt_items_marking ON attempt_items(needs_marking) WHERE needs_marking = 1;
            CREATE TABLE attempt_sections (
                attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
                section_index INTEGER NOT NULL,
                started_at INTEGER,
                deadline_at INTEGER,
                closed_at INTEGER,
                PRIMARY KEY (attempt_id, section_index)
            );
            """
    )

    /// A revision number on each question version, raised when its metadata (title, tags, category) is
    /// updated in place, so the decoded-question cache can be checked by a small integer instead of the body.
    public static let bodyRevision = Migration(
        name: "exams_question_body_revision",
        sql: "ALTER TABLE questions ADD COLUMN body_revision INTEGER NOT NULL DEFAULT 0;"
    )

    /// A counter raised by any change to the questions table, in whichever process makes it (the server or
    /// `lesocial bank import`), so the pool that exams draw from is read once per change, not per start.
    /// `instance` tells this database from another in the same process (tests open many): caches of
    /// questions are keyed by it.
    public static let bankRevision = Migration(
        name: "exams_bank_revision",
        sql: """
            CREATE TABLE bank_revision (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                revision INTEGER NOT NULL,
                instance TEXT NOT NULL
            );
            INSERT INTO bank_revision (id, revision, instance) VALUES (1, 0, lower(hex(randomblob(16))));
            CREATE TRIGGER questions_revision_insert AFTER INSERT ON questions
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            CREATE TRIGGER questions_revision_update AFTER UPDATE ON questions
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            CREATE TRIGGER questions_revision_delete AFTER DELETE ON questions
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            """
    )

    /// Indexes that find one owner's attempts at one exam, for every start and resume: without them SQLite
    /// read every attempt of the exam (`attempts_exam`), thousands of rows on an exam day.
    public static let ownerExamIndexes = Migration(
        name: "exams_attempt_owner_exam_indexes",
        sql: """
            CREATE INDEX attempts_user_exam ON attempts(user_id, exam_id, status);
            CREATE INDEX attempts_visitor_exam ON attempts(visitor_key, exam_id, status);
            DROP INDEX attempts_visitor;
            """
    )

    /// Changes to exams raise the bank revision too, so the catalogue of active exams can be kept between
    /// requests and read again only after an import changed it.
    public static let examRevision = Migration(
        name: "exams_revision_on_exam_changes",
        sql: """
            CREATE TRIGGER exams_revision_insert AFTER INSERT ON exams
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            CREATE TRIGGER exams_revision_update AFTER UPDATE ON exams
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            CREATE TRIGGER exams_revision_delete AFTER DELETE ON exams
                BEGIN UPDATE bank_revision SET revision = revision + 1; END;
            """
    )

    /// Every step of the exams module, in order.
    public static let migrations: [Migration] = [
        initial, bodyRevision, bankRevision, ownerExamIndexes, examRevision,
    ]
}
