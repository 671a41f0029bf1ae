import Foundation
import Storage

/// The versions of every question, in the `questions` table.
public struct QuestionStore {
    /// The connection used.
    public let db: Database

    /// Makes a store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// The latest version of every question, retired ones included, keyed by id.
    public func latestVersions() throws -> [String: StoredQuestion] {
        var result: [String: StoredQuestion] = [:]
        for row in try db.query("SELECT * FROM current_questions") {
            let stored = try read(row)
            result[stored.question.id] = stored
        }
        return result
    }

    /// One version of a question.
    public func question(id: String, version: Int) throws -> StoredQuestion? {
        try db.queryOne("SELECT * FROM questions WHERE id = ? AND version = ?", id, version).map(read)
    }

    /// The content of one version, through the process-wide cache (see `QuestionVersionCache`).
    func content(id: String, version: Int) throws -> Question? {
        let cache = QuestionVersionCache.shared
        guard let bank = try db.queryOne("SELECT instance, revision FROM bank_revision WHERE id = 1") else {
            return nil
        }
        let database = bank.string("instance")
        let bankRevision = bank.int64("revision")
        if let cached = cache.question(database: database, id: id, version: version, bankRevision: bankRevision) {
            return cached
        }
        guard
            let revisionRow = try db.queryOne(
                "SELECT body_revision FROM questions WHERE id = ? AND version = ?", id, version)
        else { return nil }
        let bodyRevision = revisionRow.int(0)
        if let cached = cache.question(
            database: database, id: id, version: version, bodyRevision: bodyRevision, bankRevision: bankRevision)
        {
            return cached
        }
        guard
            let row = try db.queryOne(
                "SELECT body_revision, body_json FROM questions WHERE id = ? AND version = ?", id, version)
        else { return nil }
        let question = try StoredJSON.decode(
            Question.self, from: row.string(1), operation: "decoding question \(id) v\(version)")
        cache.store(
            question, database: database, id: id, version: version, bodyRevision: row.int(0),
            bankRevision: bankRevision)
        return question
    }

    /// The latest version of a question, retired or not.
    public func latest(id: String) throws -> StoredQuestion? {
        try db.queryOne("SELECT * FROM current_questions WHERE id = ?", id).map(read)
    }

    /// What an exam may draw: the latest version of every question still in the banks, descriptions left out.
    ///
    /// Read once per change of the questions table (see `ExamsSchema.bankRevision`) and shared by every
    /// thread until the next.
    func drawPool() throws -> [(candidate: QuestionDraw.Candidate, version: Int)] {
        guard let row = try db.queryOne("SELECT instance, revision FROM bank_revision") else {
            return try readDrawPool()
        }
        let key = DrawPoolCache.Key(database: row.string(0), revision: row.int64(1))
        if let pool = DrawPoolCache.shared.pool(key) { return pool }
        let pool = try readDrawPool()
        DrawPoolCache.shared.store(pool, key)
        return pool
    }

    private func readDrawPool() throws -> [(candidate: QuestionDraw.Candidate, version: Int)] {
        let rows = try db.query(
            """
            SELECT id, version, category, difficulty, is_free FROM current_questions
            WHERE retired_at IS NULL AND kind <> 'description' ORDER BY id
            """)
        return rows.map { row in
            let candidate = QuestionDraw.Candidate(
                id: row.string("id"), category: row.string("category"), difficulty: row.int("difficulty"),
                isFree: row.bool("is_free"))
            return (candidate, row.int("version"))
        }
    }

    /// Stores a new version.
    public func insert(_ stored: StoredQuestion) throws {
        let question = stored.question
        try db.run(
            """
            INSERT INTO questions (id, version, category, kind, difficulty, is_free, content_hash, body_json,
                source_file, created_at, retired_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            question.id, stored.version, question.category, question.kind.rawValue, question.difficulty,
            question.isFree,
            question.contentHash, StoredJSON.encode(question), stored.sourceFile,
            Milliseconds.of(stored.createdAt), stored.retiredAt.map(Milliseconds.of))
    }

    /// Updates what may change without a new version: category, tags, title, file.
    public func updateMetadata(of question: Question, version: Int, sourceFile: String) throws {
        try db.run(
            """
            UPDATE questions SET category = ?, difficulty = ?, is_free = ?, body_json = ?, source_file = ?,
                retired_at = NULL, body_revision = body_revision + 1
            WHERE id = ? AND version = ?
            """,
            question.category, question.difficulty, question.isFree, StoredJSON.encode(question), sourceFile,
            question.id, version)
    }

    /// Marks every version of a question as retired at `date`.
    public func retire(id: String, at date: Date) throws {
        try db.run("UPDATE questions SET retired_at = ? WHERE id = ? AND retired_at IS NULL", Milliseconds.of(date), id)
    }

    private func read(_ row: Row) throws -> StoredQuestion {
        let id = row.string("id")
        let version = row.int("version")
        let question = try StoredJSON.questions.value(
            of: row.string("body_json"), operation: "decoding question \(id) v\(version)")
        return StoredQuestion(
            question: question, version: version, sourceFile: row.string("source_file"),
            createdAt: Milliseconds.date(row.int64("created_at")),
            retiredAt: row.optionalInt64("retired_at").map(Milliseconds.date))
    }
}
