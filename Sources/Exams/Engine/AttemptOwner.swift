import Storage

/// Who an attempt belongs to: a signed-in user, or a visitor (free exams) known by a cookie key.
public enum AttemptOwner: Equatable, Hashable, Sendable {
    /// A user account.
    case user(Int64)
    /// A visitor's random key.
    case visitor(String)

    /// The user id, if a user.
    public var userID: Int64? {
        if case .user(let id) = self { return id }
        return nil
    }

    /// The visitor key, if a visitor.
    public var visitorKey: String? {
        if case .visitor(let key) = self { return key }
        return nil
    }

    /// The condition selecting this owner's attempts, with its one parameter.
    ///
    /// One column per query, so SQLite searches the owner's index (`attempts_user` or `attempts_visitor`)
    /// instead of every attempt of an exam, which on an exam day means thousands of rows per start.
    var ownerCondition: (sql: String, value: any SQLBindable) {
        switch self {
        case .user(let id): ("user_id = ?", id)
        case .visitor(let key): ("visitor_key = ?", key)
        }
    }
}
