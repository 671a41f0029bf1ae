/// A signed webhook delivery made by the sandbox, ready to post to the webhook endpoint.
public struct SandboxEvent: Sendable {
    /// The event id (`evt_sandbox_…`).
    public let id: String
    /// The raw JSON body.
    public let payload: [UInt8]
    /// The `Stripe-Signature` header value.
    public let signatureHeader: String
}
