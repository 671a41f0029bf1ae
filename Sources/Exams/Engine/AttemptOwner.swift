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
}
