/// Where an entitlement comes from.
public enum EntitlementSource: Equatable, Sendable {
    /// A paid order or provider subscription.
    case subscription(id: Int64)
    /// A school's voucher code.
    case voucher(code: String)
    /// A grant by an admin (`grantID` in the entitlements table).
    case admin(grantID: Int64)
}
