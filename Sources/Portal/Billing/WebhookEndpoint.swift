import Billing
import Foundation
import Logging
import Storage
import Web

/// `POST /paiement/webhook`: payment provider events, verified by `Stripe-Signature`.
///
/// No session and no CSRF token: the signature is the authentication. The
/// sandbox page hands its events to `deliver`, the same path.
enum WebhookEndpoint {
    /// The signature header Stripe (and the sandbox) send.
    static let signatureHeader = "Stripe-Signature"

    static func receive(_ app: App) -> (Request) throws -> Response {
        { request in
            let db = try app.pool.connection()
            let logger = app.logger.with([("request_id", request.requestID)])

            do {
                try deliver(
                    app: app, db: db, body: request.body, signature: request.headers[signatureHeader],
                    now: app.clock.now(), logger: logger)
            } catch let error as BillingError where error.isRefusedDelivery {
                return APIError(error).response
            }
            return try Response.json(["received": true])
        }
    }

    /// Verifies and applies one delivery; the single path of every event, real or sandbox.
    ///
    /// Throws `BillingError.badSignature` or `.malformedEvent` for a delivery to refuse with 400.
    @discardableResult
    static func deliver(app: App, db: Database, body: [UInt8], signature: String?, now: Date, logger: Logger)
        throws -> WebhookOutcome
    {
        try app.billing.webhooks(db: db, logger: logger).process(rawBody: body, signatureHeader: signature, now: now)
    }
}

extension BillingError {
    /// Whether the delivery itself is at fault (signature, JSON): answered 400 so the provider does not retry.
    var isRefusedDelivery: Bool {
        switch self {
        case .badSignature, .malformedEvent: true
        default: false
        }
    }
}
