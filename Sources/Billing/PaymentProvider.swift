/// A payment service that takes the buyer through checkout and reports back through signed webhooks.
///
/// Implementations: `StripeProvider` (real payments) and `SandboxProvider`
/// (test mode, served by LeSocial itself). Both deliver events of Stripe's
/// shape to the same `WebhookProcessor`.
public protocol PaymentProvider {
    /// `stripe` or `sandbox`; stored on each order.
    var name: String { get }
    /// Whether no real money moves; pages show a clear "mode test" banner then.
    var isTestMode: Bool { get }

    /// Opens a checkout for `order` and says where to send the buyer.
    ///
    /// Called outside any transaction: it may wait on the network.
    func createCheckout(order: Order, successURL: String, cancelURL: String) throws -> CheckoutRedirect
}
