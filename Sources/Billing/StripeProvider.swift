import Foundation

/// Payments through Stripe Checkout: one-off payments in euros, VAT included.
///
/// See <https://docs.stripe.com/api/checkout/sessions/create>. The order id
/// travels as `client_reference_id` and as metadata on both the session
/// and its payment intent, so every webhook can name the order.
public struct StripeProvider: PaymentProvider {
    /// `stripe`.
    public let name = "stripe"
    let configuration: StripeConfiguration
    let transport: any HTTPTransport

    /// A provider calling Stripe through `transport`.
    public init(configuration: StripeConfiguration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    /// Whether the secret key is a test key.
    public var isTestMode: Bool { configuration.isTestMode }

    /// Creates a Checkout Session and returns its hosted page.
    public func createCheckout(order: Order, successURL: String, cancelURL: String) throws -> CheckoutRedirect {
        let request = checkoutRequest(order: order, successURL: successURL, cancelURL: cancelURL)
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            throw BillingError.providerFailed(provider: name, detail: "order \(order.id): transport: \(error)")
        }
        return try Self.parseCheckoutResponse(response, orderID: order.id)
    }

    /// The `POST /v1/checkout/sessions` request for `order`.
    public func checkoutRequest(order: Order, successURL: String, cancelURL: String) -> HTTPRequest {
        let orderID = "\(order.id)"
        var fields: [(String, String)] = [
            ("mode", "payment"),
            ("client_reference_id", orderID),
            ("customer_email", order.buyer.email),
            ("locale", "fr"),
            ("success_url", successURL),
            ("cancel_url", cancelURL),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][price_data][currency]", "eur"),
            ("line_items[0][price_data][unit_amount]", "\(order.price.ttcCents)"),
            ("line_items[0][price_data][product_data][name]", order.planName),
            ("metadata[order_id]", orderID),
            ("payment_intent_data[metadata][order_id]", orderID),
        ]
        if let buyerName = order.buyer.name, !buyerName.isEmpty {
            fields.append(("metadata[buyer_name]", buyerName))
        }

        var headers = [
            HTTPHeader("Authorization", "Bearer \(configuration.secretKey)"),
            HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
            HTTPHeader("Idempotency-Key", "lesocial-order-\(order.id)"),
        ]
        if let version = configuration.apiVersion { headers.append(HTTPHeader("Stripe-Version", version)) }
        return HTTPRequest(
            method: "POST", url: "\(configuration.apiBase)/v1/checkout/sessions", headers: headers,
            body: Array(FormEncoding.encode(fields).utf8))
    }

    /// Reads `id` and `url` from Stripe's answer, or Stripe's error message.
    static func parseCheckoutResponse(_ response: HTTPResponse, orderID: Int64) throws -> CheckoutRedirect {
        let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard (200..<300).contains(response.status) else {
            let error = json?["error"] as? [String: Any]
            let message = error?["message"] as? String ?? "no error message"
            throw BillingError.providerFailed(
                provider: "stripe", detail: "order \(orderID): HTTP \(response.status): \(message)")
        }
        guard let id = json?["id"] as? String, let url = json?["url"] as? String, !id.isEmpty, !url.isEmpty else {
            throw BillingError.providerFailed(
                provider: "stripe", detail: "order \(orderID): checkout session response lacks id or url")
        }
        return CheckoutRedirect(url: url, providerSessionID: id)
    }
}
