import Foundation

/// One purchase of a plan, with a copy of the plan's terms and price at the time it was made.
public struct Order: Equatable, Sendable {
    /// Database id, also sent to the provider as the client reference.
    public let id: Int64
    /// The buyer's account; `nil` once the account was deleted.
    public let userID: Int64?
    /// The plan bought.
    public let planID: Int64
    /// The plan's name at order time.
    public let planName: String
    /// What it unlocks.
    public let scope: AccessScope
    /// How long it lasts.
    public let duration: PlanDuration
    /// HT, TVA and TTC at order time.
    public let price: PriceBreakdown
    /// Who pays.
    public let buyer: Buyer
    /// Payment progress.
    public let status: OrderStatus
    /// `stripe` or `sandbox`.
    public let provider: String
    /// The provider's checkout session id, once created.
    public let providerSessionID: String?
    /// The provider's payment id, known once paid; refunds refer to it.
    public let paymentIntentID: String?
    /// How much was refunded so far.
    public let refundedCents: Int
    /// When the order was made.
    public let createdAt: Date
    /// When the payment succeeded.
    public let paidAt: Date?
}
