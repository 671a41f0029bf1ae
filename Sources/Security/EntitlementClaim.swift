/// One entitlement carried in an access token: a scope and its end.
public struct EntitlementClaim: Codable, Equatable, Sendable {
    /// A track (`ifsi`, `as`, `es`, `ass`) or `all`.
    public var scope: String
    /// End of the entitlement, Unix seconds.
    public var until: Int

    /// Creates an entitlement claim.
    public init(scope: String, until: Int) {
        self.scope = scope
        self.until = until
    }
}
