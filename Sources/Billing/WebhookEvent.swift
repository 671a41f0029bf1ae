import Foundation

/// A provider event in Stripe's shape: `{id, type, created, data: {object: {...}}}`.
struct WebhookEvent {
    /// The provider's event id (`evt_…`): the key that makes a replay do nothing.
    let id: String
    /// `checkout.session.completed`, `charge.refunded`, ...
    let type: String
    /// When the provider created the event.
    let created: Date
    /// `data.object`: the session, payment intent, charge or subscription.
    let object: JSONObject

    /// Parses the raw body; throws `malformedEvent` naming the missing key.
    init(body: [UInt8]) throws {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw BillingError.malformedEvent(reason: "body is not a JSON object")
        }
        let event = JSONObject(root)
        guard let id = event.string("id"), !id.isEmpty, id.count <= 255 else {
            throw BillingError.malformedEvent(reason: "missing key id")
        }
        guard let type = event.string("type"), !type.isEmpty else {
            throw BillingError.malformedEvent(reason: "event \(id): missing key type")
        }
        guard let created = event.int("created") else {
            throw BillingError.malformedEvent(reason: "event \(id): missing key created")
        }
        guard let object = event.object("data")?.object("object") else {
            throw BillingError.malformedEvent(reason: "event \(id): missing key data.object")
        }
        self.id = id
        self.type = type
        self.created = Date(timeIntervalSince1970: TimeInterval(created))
        self.object = object
    }
}

/// Typed reads from a JSON object; a missing key or a value of another type reads as `nil`.
struct JSONObject {
    /// The decoded members.
    let values: [String: Any]

    /// Wraps decoded members.
    init(_ values: [String: Any]) {
        self.values = values
    }

    /// A string member.
    func string(_ key: String) -> String? {
        values[key] as? String
    }

    /// A number member, not a boolean.
    func int(_ key: String) -> Int? {
        guard let number = values[key] as? NSNumber, !isBoolean(number) else { return nil }
        return number.intValue
    }

    /// A boolean member.
    func bool(_ key: String) -> Bool? {
        guard let number = values[key] as? NSNumber, isBoolean(number) else { return nil }
        return number.boolValue
    }

    /// An object member.
    func object(_ key: String) -> JSONObject? {
        (values[key] as? [String: Any]).map(JSONObject.init)
    }

    /// An integer id held as a string (`"42"`), as Stripe metadata carries it.
    func id(_ key: String) -> Int64? {
        string(key).flatMap { Int64($0) }
    }

    /// JSON `true`/`false` arrive as NSNumber of C type `char`; JSON numbers never do.
    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
