import Foundation

/// A registered account.
public struct User: Codable, Equatable, Sendable {
    public var id: Int64
    public var email: String
    public var displayName: String
    public var role: Role
    /// When the address was confirmed by link; nil until then.
    public var emailConfirmedAt: Date?
    public var createdAt: Date
    /// Stretches every exam deadline (1 = none, 4/3 = tiers-temps); set by an admin.
    public var timeFactor: Double

    public init(
        id: Int64, email: String, displayName: String, role: Role,
        emailConfirmedAt: Date?, createdAt: Date, timeFactor: Double = 1
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.emailConfirmedAt = emailConfirmedAt
        self.createdAt = createdAt
        self.timeFactor = timeFactor
    }

    /// Whether the address has been confirmed.
    public var isConfirmed: Bool { emailConfirmedAt != nil }
}
