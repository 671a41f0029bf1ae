import Foundation
import Storage

/// The exams loaded from the blueprints, in the `exams` table.
public struct ExamStore {
    /// The connection used.
    public let db: Database

    /// Makes a store over `db`.
    public init(_ db: Database) {
        self.db = db
    }

    /// The blueprint of an exam, retired or not (results of old attempts still need it).
    public func blueprint(id: String) throws -> Blueprint? {
        guard let row = try db.queryOne("SELECT blueprint_json FROM exams WHERE id = ?", id) else { return nil }
        return try StoredJSON.blueprints.value(of: row.string(0), operation: "decoding exam \(id)")
    }

    /// The blueprint of an exam with its stored text, which attempts copy as they start.
    func storedBlueprint(id: String) throws -> (blueprint: Blueprint, json: String)? {
        guard let row = try db.queryOne("SELECT blueprint_json FROM exams WHERE id = ?", id) else { return nil }
        let json = row.string(0)
        return (try StoredJSON.blueprints.value(of: json, operation: "decoding exam \(id)"), json)
    }

    /// Whether the exam may be started: loaded and not retired.
    public func isActive(id: String) throws -> Bool {
        try db.queryOne("SELECT 1 FROM exams WHERE id = ? AND retired_at IS NULL", id) != nil
    }

    /// The exams that may be started, optionally of one track, free ones first then by title.
    public func activeExams(track: Track? = nil) throws -> [ExamSummary] {
        let rows = try db.query(
            """
            SELECT id, blueprint_json FROM exams
            WHERE retired_at IS NULL AND (? IS NULL OR track = ?)
            ORDER BY access = 'premium', title
            """, track?.rawValue, track?.rawValue)
        return try rows.map { row in
            let id = row.string("id")
            let blueprint = try StoredJSON.blueprints.value(
                of: row.string("blueprint_json"), operation: "decoding exam \(id)")
            return ExamSummary(blueprint)
        }
    }

    /// The blueprints of the active exams of `track` (every track when nil), in no particular order: what the
    /// catalogue shows. Kept between calls until the bank revision changes (an import, a retirement).
    public func activeBlueprints(track: Track? = nil) throws -> [Blueprint] {
        guard let bank = try db.queryOne("SELECT instance, revision FROM bank_revision WHERE id = 1") else {
            return try readActiveBlueprints(track: track)
        }
        let key = ActiveExamsCache.Key(database: bank.string(0), revision: bank.int64(1), track: track)
        if let blueprints = ActiveExamsCache.shared.blueprints(key) { return blueprints }
        let blueprints = try readActiveBlueprints(track: track)
        ActiveExamsCache.shared.store(blueprints, key)
        return blueprints
    }

    private func readActiveBlueprints(track: Track?) throws -> [Blueprint] {
        try db.query(
            "SELECT id, blueprint_json FROM exams WHERE retired_at IS NULL AND (? IS NULL OR track = ?)",
            track?.rawValue, track?.rawValue
        ).map { row in
            try StoredJSON.blueprints.value(of: row.string(1), operation: "decoding exam \(row.string(0))")
        }
    }

    /// The content hash of every exam, retired ones included, keyed by id.
    func hashes() throws -> [String: (hash: String, retired: Bool)] {
        var result: [String: (String, Bool)] = [:]
        for row in try db.query("SELECT id, content_hash, retired_at FROM exams") {
            result[row.string("id")] = (row.string("content_hash"), row.optionalInt64("retired_at") != nil)
        }
        return result
    }

    /// Stores or replaces an exam, active again if it was retired.
    public func save(_ blueprint: Blueprint, at date: Date) throws {
        let json = blueprint.encodedJSON()
        try db.run(
            """
            INSERT INTO exams (id, track, title, access, blueprint_json, content_hash, updated_at, retired_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT (id) DO UPDATE SET track = excluded.track, title = excluded.title,
                access = excluded.access, blueprint_json = excluded.blueprint_json,
                content_hash = excluded.content_hash, updated_at = excluded.updated_at, retired_at = NULL
            """,
            blueprint.id, blueprint.track.rawValue, blueprint.title, blueprint.access.rawValue, json,
            QuestionDigest.sha256Hex(Array(json.utf8)), Milliseconds.of(date))
    }

    /// Withdraws an exam whose blueprint left the banks; its attempts and results stay.
    public func retire(id: String, at date: Date) throws {
        try db.run("UPDATE exams SET retired_at = ? WHERE id = ? AND retired_at IS NULL", Milliseconds.of(date), id)
    }
}
