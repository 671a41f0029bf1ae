import Foundation
import Logging
import Storage

/// Starts a purchase: records the order at the plan's current price, then opens the provider's checkout.
public struct CheckoutService {
    let db: Database
    let provider: any PaymentProvider
    let logger: Logger

    /// A service paying through `provider`.
    public init(db: Database, provider: any PaymentProvider, logger: Logger = Logger(label: "billing")) {
        self.db = db
        self.provider = provider
        self.logger = logger
    }

    /// Creates the order and the checkout; the caller redirects to `redirect.url`.
    ///
    /// Access is granted only when the provider's webhook confirms payment,
    /// never by the return to `successURL`.
    public func start(
        userID: Int64, buyer: Buyer, planID: Int64, successURL: String, cancelURL: String, now: Date
    ) throws -> (order: Order, redirect: CheckoutRedirect) {
        let plan = try PlanStore(db).require(planID)
        if plan.archivedAt != nil { throw BillingError.planArchived(planID: planID) }
        if !plan.isOnSale(at: now) { throw BillingError.planEnded(planID: planID) }

        let orders = OrderStore(db)
        let order = try orders.create(userID: userID, buyer: buyer, plan: plan, provider: provider.name, now: now)

        let redirect: CheckoutRedirect
        do {
            redirect = try provider.createCheckout(order: order, successURL: successURL, cancelURL: cancelURL)
        } catch {
            logger.error(
                "billing.checkout.provider_failed",
                [("order_id", "\(order.id)"), ("provider", provider.name), ("error", "\(error)")])
            throw error
        }
        try orders.setProviderSession(orderID: order.id, sessionID: redirect.providerSessionID)
        logger.info(
            "billing.checkout.started",
            [("order_id", "\(order.id)"), ("plan_id", "\(plan.id)"), ("provider", provider.name)])
        return (try orders.require(order.id), redirect)
    }
}
