import Foundation
import Storage

/// Attempts, their drawn items and section clocks, in the `attempts`, `attempt_items` and
/// `attempt_sections` tables.
struct AttemptStore {
    /// The connection used.
    let db: Database

    /// Makes a store over `db`.
    init(_ db: Database) {
        self.db = db
    }

    // MARK: - Attempts

    /// Inserts a new open attempt of the blueprint stored as `blueprintJSON` and returns its id.
    func insert(_ attempt: Attempt, blueprintJSON: String) throws -> Int64 {
        try db.run(
            """
            INSERT INTO attempts (token, user_id, visitor_key, exam_id, blueprint_json, started_at, deadline_at,
                time_factor, status, max_score, current_section, current_position, is_first_attempt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
            """,
            attempt.token, attempt.owner.userID, attempt.owner.visitorKey, attempt.examID, blueprintJSON,
            Milliseconds.of(attempt.startedAt), Milliseconds.of(attempt.deadline), attempt.timeFactor,
            attempt.maxScore, attempt.currentSection, attempt.currentPosition, attempt.isFirstAttempt)
        return db.lastInsertRowID
    }

    /// The blueprint attempt `id` started with.
    func blueprint(attemptID id: Int64) throws -> Blueprint? {
        guard let row = try db.queryOne("SELECT blueprint_json FROM attempts WHERE id = ?", id) else { return nil }
        let operation = "decoding blueprint of attempt \(id)"
        return try StoredJSON.blueprints.value(of: row.string(0), operation: operation)
    }

    /// Whether `owner` already has an attempt at `examID`.
    func hasAttempt(owner: AttemptOwner, examID: String) throws -> Bool {
        let (condition, value) = owner.ownerCondition
        return try db.queryOne(
            "SELECT 1 FROM attempts WHERE \(condition) AND exam_id = ? LIMIT 1", value, examID) != nil
    }

    /// The attempt with public `token`.
    func attempt(token: String) throws -> Attempt? {
        try db.queryOne("SELECT * FROM attempts WHERE token = ?", token).map(Self.attempt)
    }

    /// The attempt with database `id`.
    func attempt(id: Int64) throws -> Attempt? {
        try db.queryOne("SELECT * FROM attempts WHERE id = ?", id).map(Self.attempt)
    }

    /// Open attempts whose last deadline is before `limit`, oldest deadline first.
    func openAttempts(deadlineBefore limit: Int64) throws -> [Attempt] {
        try db.query(Self.overdueSQL, limit).map(Self.attempt)
    }

    /// The sweep runs this every second. Ordered by `id`, SQLite read the whole table in id order rather
    /// than the partial index of open attempts: with 200,000 finished attempts, 350 MB of pages a second.
    static let overdueSQL =
        "SELECT * FROM attempts WHERE status = 'open' AND deadline_at < ? ORDER BY deadline_at, id"

    /// Finished attempts of `owner`, oldest first.
    func finishedAttempts(owner: AttemptOwner) throws -> [Attempt] {
        let (condition, value) = owner.ownerCondition
        return try db.query(
            "SELECT * FROM attempts WHERE \(condition) AND status <> 'open' ORDER BY finished_at, id", value
        ).map(Self.attempt)
    }

    /// How many finished attempts of `examID` scored strictly more than `score`, and how many there are.
    func standing(examID: String, score: Double) throws -> (better: Int, total: Int) {
        let row = try db.queryOne(
            """
            SELECT COALESCE(SUM(score > ?), 0) AS better, COUNT(*) AS total FROM attempts
            WHERE exam_id = ? AND status <> 'open' AND score IS NOT NULL
            """, score + 1e-9, examID)
        return (row?.int("better") ?? 0, row?.int("total") ?? 0)
    }

    /// Records the clock and position of an open attempt.
    func updateProgress(_ attempt: Attempt) throws {
        try db.run(
            "UPDATE attempts SET deadline_at = ?, current_section = ?, current_position = ? WHERE id = ?",
            Milliseconds.of(attempt.deadline), attempt.currentSection, attempt.currentPosition, attempt.id)
    }

    /// Records the outcome of an attempt.
    func updateOutcome(_ attempt: Attempt) throws {
        try db.run(
            """
            UPDATE attempts SET status = ?, finished_at = ?, score = ?, passed = ?, eliminated = ?,
                current_section = ?
            WHERE id = ?
            """,
            attempt.status.rawValue, attempt.finishedAt.map(Milliseconds.of), attempt.score, attempt.passed,
            attempt.eliminated, attempt.currentSection, attempt.id)
    }

    private static func attempt(_ row: Row) -> Attempt {
        let owner: AttemptOwner =
            if let user = row.optionalInt64("user_id") { .user(user) } else { .visitor(row.string("visitor_key")) }
        return Attempt(
            id: row.int64("id"), token: row.string("token"), owner: owner, examID: row.string("exam_id"),
            startedAt: Milliseconds.date(row.int64("started_at")),
            deadline: Milliseconds.date(row.int64("deadline_at")), timeFactor: row.double("time_factor"),
            status: Attempt.Status(rawValue: row.string("status")) ?? .open,
            finishedAt: row.optionalInt64("finished_at").map(Milliseconds.date), score: row.optionalDouble("score"),
            maxScore: row.double("max_score"), passed: row.optionalBool("passed"),
            eliminated: row.optionalBool("eliminated"), currentSection: row.int("current_section"),
            currentPosition: row.int("current_position"), isFirstAttempt: row.bool("is_first_attempt"))
    }

    // MARK: - Items

    /// Inserts the drawn items of a new attempt.
    func insert(_ items: [AttemptItemRecord]) throws {
        for item in items {
            try db.run(
                """
                INSERT INTO attempt_items (attempt_id, position, section_index, question_id, question_version,
                    option_order_json, points)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                item.attemptID, item.position, item.sectionIndex, item.questionID, item.questionVersion,
                StoredJSON.optionOrderTexts.text(of: item.optionOrder), item.points)
        }
    }

    /// The items of an attempt, by position.
    func items(attemptID: Int64) throws -> [AttemptItemRecord] {
        try db.query("SELECT * FROM attempt_items WHERE attempt_id = ? ORDER BY position", attemptID).map(Self.item)
    }

    /// One item of an attempt.
    func item(attemptID: Int64, position: Int) throws -> AttemptItemRecord? {
        try db.queryOne("SELECT * FROM attempt_items WHERE attempt_id = ? AND position = ?", attemptID, position)
            .map(Self.item)
    }

    /// Records a save: response, flag, time spent and the client's sequence number.
    func updateSave(_ item: AttemptItemRecord) throws {
        try db.run(
            """
            UPDATE attempt_items SET saved_response_json = ?, saved_at = ?, client_seq = ?, flagged = ?,
                time_spent_ms = ?
            WHERE attempt_id = ? AND position = ?
            """,
            item.response.map(StoredJSON.responseTexts.text), item.savedAt.map(Milliseconds.of), item.clientSeq,
            item.flagged,
            item.timeSpentMs, item.attemptID, item.position)
    }

    /// Records the marking of an item.
    func updateMarking(_ item: AttemptItemRecord) throws {
        try db.run(
            """
            UPDATE attempt_items SET fraction = ?, awarded = ?, needs_marking = ?, marked_by = ?, marker_comment = ?
            WHERE attempt_id = ? AND position = ?
            """,
            item.fraction, item.awarded, item.needsMarking, item.markedBy, item.markerComment, item.attemptID,
            item.position)
    }

    /// Reads an `attempt_items` row.
    static func item(_ row: Row) throws -> AttemptItemRecord {
        let attemptID = row.int64("attempt_id")
        let position = row.int("position")
        return AttemptItemRecord(
            attemptID: attemptID, position: position, sectionIndex: row.int("section_index"),
            questionID: row.string("question_id"), questionVersion: row.int("question_version"),
            optionOrder: try StoredJSON.optionOrders.value(
                of: row.string("option_order_json"), operation: "decoding item \(position) of attempt \(attemptID)"),
            points: row.double("points"),
            response: try row.optionalString("saved_response_json").map {
                try StoredJSON.responses.value(of: $0, operation: "decoding item \(position) of attempt \(attemptID)")
            },
            savedAt: row.optionalInt64("saved_at").map(Milliseconds.date), clientSeq: row.int64("client_seq"),
            flagged: row.bool("flagged"), timeSpentMs: row.int64("time_spent_ms"),
            fraction: row.optionalDouble("fraction"), awarded: row.optionalDouble("awarded"),
            needsMarking: row.bool("needs_marking"), markedBy: row.optionalInt64("marked_by"),
            markerComment: row.optionalString("marker_comment"))
    }

    // MARK: - Sections

    /// Inserts the section clocks of a new attempt.
    func insert(_ sections: [AttemptSectionRecord], attemptID: Int64) throws {
        for section in sections {
            try db.run(
                """
                INSERT INTO attempt_sections (attempt_id, section_index, started_at, deadline_at, closed_at)
                VALUES (?, ?, ?, ?, ?)
                """, attemptID, section.index, section.startedAt, section.deadline, section.closedAt)
        }
    }

    /// The section clocks of an attempt, in order.
    func sections(attemptID: Int64) throws -> [AttemptSectionRecord] {
        try db.query("SELECT * FROM attempt_sections WHERE attempt_id = ? ORDER BY section_index", attemptID).map {
            AttemptSectionRecord(
                index: $0.int("section_index"), startedAt: $0.optionalInt64("started_at"),
                deadline: $0.optionalInt64("deadline_at"), closedAt: $0.optionalInt64("closed_at"))
        }
    }

    /// Records one section clock.
    func update(_ section: AttemptSectionRecord, attemptID: Int64) throws {
        try db.run(
            "UPDATE attempt_sections SET started_at = ?, deadline_at = ?, closed_at = ? "
                + "WHERE attempt_id = ? AND section_index = ?",
            section.startedAt, section.deadline, section.closedAt, attemptID, section.index)
    }
}
