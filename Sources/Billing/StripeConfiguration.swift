/// Stripe settings, read from the environment by the application.
public struct StripeConfiguration: Sendable {
    /// The secret API key (`sk_live_…` or `sk_test_…`); never logged.
    public var secretKey: String
    /// Webhook signing secrets (`whsec_…`); two during a rotation.
    public var webhookSecrets: [String]
    /// API root, replaceable for a local mock.
    public var apiBase: String
    /// `Stripe-Version` header to pin, or `nil` for the account's default.
    public var apiVersion: String?

    /// Creates a configuration.
    public init(
        secretKey: String, webhookSecrets: [String], apiBase: String = "https://api.stripe.com",
        apiVersion: String? = nil
    ) {
        self.secretKey = secretKey
        self.webhookSecrets = webhookSecrets
        self.apiBase = apiBase
        self.apiVersion = apiVersion
    }

    /// Whether the key is a test-mode key.
    public var isTestMode: Bool { secretKey.hasPrefix("sk_test_") || secretKey.hasPrefix("rk_test_") }
}
