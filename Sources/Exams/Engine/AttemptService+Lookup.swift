import Foundation
import Storage

extension AttemptService {
    /// The owner's attempt of an exam that is still open (deadline not passed), if any.
    ///
    /// An attempt past its deadline is closed first, so a stale one is never offered for resuming.
    public func openAttempt(examID: String, owner: AttemptOwner, now: Date) throws -> Attempt? {
        let (condition, value) = owner.ownerCondition
        let rows = try db.query(
            "SELECT token FROM attempts WHERE \(condition) AND exam_id = ? AND status = 'open' ORDER BY id DESC",
            value, examID)
        for row in rows {
            let view = try resume(token: row.string("token"), owner: owner, now: now)
            if view.attempt.isOpen { return view.attempt }
        }
        return nil
    }

    /// The blueprint an attempt was started with, for its owner.
    public func blueprint(token: String, owner: AttemptOwner) throws -> Blueprint {
        try load(token: token, owner: owner).blueprint
    }
}

extension AttemptService {
    /// Gives a visitor's attempts to the account they just created or logged into; returns how many.
    @discardableResult
    public func adopt(visitorKey: String, userID: Int64) throws -> Int {
        try db.run(
            "UPDATE attempts SET user_id = ?, visitor_key = NULL WHERE visitor_key = ? AND user_id IS NULL",
            userID, visitorKey)
        return db.changes
    }
}
