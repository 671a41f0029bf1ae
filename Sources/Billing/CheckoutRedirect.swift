/// Where to send the buyer to pay, and the provider's id for that checkout.
public struct CheckoutRedirect: Equatable, Sendable {
    /// The payment page: Stripe's hosted page, or LeSocial's sandbox page.
    public let url: String
    /// The provider's checkout session id (`cs_…`).
    public let providerSessionID: String

    /// Creates a redirect.
    public init(url: String, providerSessionID: String) {
        self.url = url
        self.providerSessionID = providerSessionID
    }
}
