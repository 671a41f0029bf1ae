import Foundation

/// Something a student can buy: a scope, a duration and a price VAT included.
public struct Plan: Equatable, Sendable {
    /// Database id.
    public let id: Int64
    /// A stable lowercase name used in commands and URLs (`ifsi-1-mois`).
    public let slug: String
    /// The French name shown on the pricing page and on invoices.
    public let name: String
    /// What it unlocks.
    public let scope: AccessScope
    /// How long it lasts.
    public let duration: PlanDuration
    /// The current price VAT included, for new orders only.
    public let priceTTCCents: Int
    /// VAT rate in basis points.
    public let vatRateBasisPoints: Int
    /// When it was withdrawn from sale; `nil` while on sale.
    public let archivedAt: Date?

    /// Creates a plan value (as read from the store).
    public init(
        id: Int64, slug: String, name: String, scope: AccessScope, duration: PlanDuration,
        priceTTCCents: Int, vatRateBasisPoints: Int, archivedAt: Date?
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.scope = scope
        self.duration = duration
        self.priceTTCCents = priceTTCCents
        self.vatRateBasisPoints = vatRateBasisPoints
        self.archivedAt = archivedAt
    }

    /// HT, TVA and TTC of the current price.
    public var price: PriceBreakdown {
        PriceBreakdown(ttcCents: priceTTCCents, vatRateBasisPoints: vatRateBasisPoints)
    }

    /// Whether it can be bought at `now`: not archived, and a fixed end date still ahead.
    public func isOnSale(at now: Date) -> Bool {
        guard archivedAt == nil else { return false }
        if case .untilDate(let end) = duration { return end > now }
        return true
    }
}
