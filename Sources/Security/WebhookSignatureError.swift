/// Why a webhook signature was refused.
public enum WebhookSignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request carries no signature header.
    case missingHeader
    /// The header is not `t=<seconds>,v1=<hex>[,v1=...]`.
    case malformedHeader
    /// The signed timestamp is further than the tolerance from now.
    case timestampOutsideTolerance(timestamp: Int, now: Int)
    /// No `v1` value matches any of the secrets.
    case noMatchingSignature

    /// English description for logs.
    public var description: String {
        switch self {
        case .missingHeader: "webhook signature header missing"
        case .malformedHeader: "webhook signature header malformed"
        case .timestampOutsideTolerance(let timestamp, let now):
            "webhook timestamp \(timestamp) outside tolerance at \(now)"
        case .noMatchingSignature: "no webhook signature matches the payload"
        }
    }

    /// French message, for an operator reading a refused delivery.
    public var frenchDescription: String {
        switch self {
        case .missingHeader: "Signature du webhook absente."
        case .malformedHeader: "En-tête de signature du webhook mal formé."
        case .timestampOutsideTolerance: "Webhook trop ancien ou daté dans le futur : rejeu refusé."
        case .noMatchingSignature: "Signature du webhook invalide : vérifiez le secret configuré."
        }
    }
}
