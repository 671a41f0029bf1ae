/// Where an order stands with the payment provider.
public enum OrderStatus: String, Sendable {
    /// Checkout started, no payment yet.
    case pending
    /// Paid: an access period and an invoice exist.
    case paid
    /// The payment was declined; a later success in the same checkout still counts.
    case failed
    /// Fully refunded: access revoked, credit note issued.
    case refunded
}
