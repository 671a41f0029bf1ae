import Foundation
import Storage

/// What the exam service keeps about a user, for the RGPD export.
public enum ExamPersonalData {
    /// The user's attempts (`epreuves`) and saved answers (`reponses`), as flat records.
    public static func sections(userID: Int64, db: Database) throws -> [String: [[String: String]]] {
        func date(_ milliseconds: Int64?) -> String {
            milliseconds.map { ISO8601DateFormatter().string(from: Milliseconds.date($0)) } ?? ""
        }
        let attempts = try db.query(
            """
            SELECT token, exam_id, status, started_at, deadline_at, finished_at, score, max_score, time_factor
            FROM attempts WHERE user_id = ? ORDER BY started_at
            """, userID
        ).map { row -> [String: String] in
            [
                "attempt": row.string("token"), "exam": row.string("exam_id"), "status": row.string("status"),
                "startedAt": date(row.int64("started_at")), "deadline": date(row.int64("deadline_at")),
                "finishedAt": date(row.optionalInt64("finished_at")),
                "score": row.optionalDouble("score").map { "\($0)" } ?? "", "maxScore": "\(row.double("max_score"))",
                "timeFactor": "\(row.double("time_factor"))",
            ]
        }
        let answers = try db.query(
            """
            SELECT a.token, i.position, i.question_id, i.saved_response_json, i.saved_at, i.flagged, i.time_spent_ms
            FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
            WHERE a.user_id = ? AND i.saved_at IS NOT NULL ORDER BY a.started_at, i.position
            """, userID
        ).map { row -> [String: String] in
            [
                "attempt": row.string("token"), "position": "\(row.int("position"))",
                "question": row.string("question_id"), "answer": row.optionalString("saved_response_json") ?? "",
                "savedAt": date(row.optionalInt64("saved_at")), "flagged": row.int("flagged") == 1 ? "oui" : "non",
                "timeSpentMs": "\(row.int64("time_spent_ms"))",
            ]
        }
        return ["epreuves": attempts, "reponses": answers]
    }
}
