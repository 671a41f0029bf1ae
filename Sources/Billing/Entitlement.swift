import Foundation

/// The right of a user to the premium content of a scope for a period.
public struct Entitlement: Equatable, Sendable {
    /// Who holds it.
    public let userID: Int64
    /// What it opens.
    public let scope: AccessScope
    /// Start of validity.
    public let validFrom: Date
    /// End of validity (exclusive).
    public let validUntil: Date
    /// Where it comes from.
    public let source: EntitlementSource

    /// Creates an entitlement.
    public init(userID: Int64, scope: AccessScope, validFrom: Date, validUntil: Date, source: EntitlementSource) {
        self.userID = userID
        self.scope = scope
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.source = source
    }

    /// Whether it is valid at `now`.
    public func isValid(at now: Date) -> Bool {
        validFrom <= now && now < validUntil
    }
}
