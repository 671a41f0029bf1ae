/// What processing a webhook event did; every case answers 200 to the provider.
public enum WebhookOutcome: Equatable, Sendable {
    /// The event changed orders, access or invoices; `effect` says how, for logs.
    case applied(eventID: String, effect: String)
    /// The event id was processed before: nothing changed.
    case duplicate(eventID: String)
    /// The event was recorded but changed nothing (unknown type or order, stale state); `reason` says why.
    case ignored(eventID: String, reason: String)

    /// The event id.
    public var eventID: String {
        switch self {
        case .applied(let id, _), .duplicate(let id), .ignored(let id, _): id
        }
    }

    /// Stored in `webhook_events.outcome`.
    var summary: String {
        switch self {
        case .applied(_, let effect): "applied: \(effect)"
        case .duplicate: "duplicate"
        case .ignored(_, let reason): "ignored: \(reason)"
        }
    }
}
