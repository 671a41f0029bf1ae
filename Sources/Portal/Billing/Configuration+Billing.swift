import Billing
import Foundation

/// Payment and invoicing settings, read from `LESOCIAL_*` like the rest of `Configuration`.
extension Configuration {
    /// Which payment provider takes orders.
    public enum PaymentProviderChoice: String, Sendable {
        /// Test payments served by LeSocial itself; refused in production.
        case sandbox
        /// Stripe Checkout; needs a secret key and at least one webhook secret.
        case stripe
        /// No checkout: the pricing page shows the offer, ordering is closed.
        case none
    }

    /// `LESOCIAL_PAYMENT_PROVIDER`: sandbox by default in development and test, none in production.
    public func paymentProvider() throws -> PaymentProviderChoice {
        guard let raw = setting("LESOCIAL_PAYMENT_PROVIDER") else { return mode == .production ? .none : .sandbox }
        guard let choice = PaymentProviderChoice(rawValue: raw.lowercased()) else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_PAYMENT_PROVIDER", value: raw, expected: "sandbox, stripe ou none")
        }
        if choice == .sandbox && mode == .production {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_PAYMENT_PROVIDER", value: raw, expected: "stripe ou none en production")
        }
        return choice
    }

    /// Stripe's key, webhook secrets and API root; only read when the provider is Stripe.
    public func stripeConfiguration() throws -> StripeConfiguration {
        guard let key = setting("LESOCIAL_STRIPE_SECRET_KEY") else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_STRIPE_SECRET_KEY", value: "", expected: "une clé sk_live_… ou sk_test_…")
        }
        guard key.hasPrefix("sk_") || key.hasPrefix("rk_") else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_STRIPE_SECRET_KEY", value: "(masqué)", expected: "une clé sk_live_… ou sk_test_…")
        }
        let secrets = (setting("LESOCIAL_STRIPE_WEBHOOK_SECRETS") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !secrets.isEmpty, secrets.allSatisfy({ $0.hasPrefix("whsec_") }) else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_STRIPE_WEBHOOK_SECRETS", value: "(masqué)",
                expected: "un ou plusieurs secrets whsec_… séparés par des virgules")
        }
        let apiBase = setting("LESOCIAL_STRIPE_API_BASE") ?? "https://api.stripe.com"
        guard apiBase.hasPrefix("https://") || (mode != .production && apiBase.hasPrefix("http://")) else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_STRIPE_API_BASE", value: apiBase, expected: "une adresse https://")
        }
        return StripeConfiguration(
            secretKey: key, webhookSecrets: secrets, apiBase: apiBase,
            apiVersion: setting("LESOCIAL_STRIPE_API_VERSION"))
    }

    /// The seller printed on invoices: `LESOCIAL_SELLER_*`, or the placeholder when none is set.
    ///
    /// Setting one of them means setting them all; `\n` in the address and
    /// the mentions starts a new line.
    public func sellerDetails() throws -> SellerDetails {
        let keys = [
            "LESOCIAL_SELLER_NAME", "LESOCIAL_SELLER_ADDRESS", "LESOCIAL_SELLER_SIREN",
            "LESOCIAL_SELLER_VAT_NUMBER", "LESOCIAL_SELLER_EMAIL", "LESOCIAL_SELLER_MENTIONS",
        ]
        let values = keys.map { setting($0)?.replacingOccurrences(of: "\\n", with: "\n") }
        if values.allSatisfy({ $0 == nil }) { return .placeholder }
        if let missing = zip(keys, values).first(where: { $0.1 == nil }) {
            throw ConfigurationError.invalid(
                key: missing.0, value: "", expected: "une valeur, comme les autres réglages LESOCIAL_SELLER_*")
        }
        let seller = SellerDetails(
            name: values[0] ?? "", address: values[1] ?? "", siren: values[2] ?? "", vatNumber: values[3] ?? "",
            email: values[4] ?? "", mentions: values[5] ?? "")
        if seller.isPlaceholder {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_SELLER_*", value: "[À COMPLÉTER]", expected: "les coordonnées réelles du vendeur")
        }
        return seller
    }

    /// Path of the token signing key ring, created on first start.
    public var signingKeysPath: String { dataDirectory.appendingPathComponent("signing-keys.json").path }

    /// Path of the sandbox's webhook secret, created on first start.
    var sandboxSecretURL: URL { dataDirectory.appendingPathComponent("sandbox-webhook-secret.json") }

    private func setting(_ key: String) -> String? {
        guard let raw = environment[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }
}
