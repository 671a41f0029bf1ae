import Foundation

/// Turns any `Encodable` view model into a `MustacheValue`, walking its
/// `encode(to:)` directly (no JSON round trip).
///
/// Optional properties that are `nil` become `.null` rather than missing keys,
/// so `{{#user.avatar}}` inside a section never picks up an outer `avatar`.
/// `Date` becomes an ISO 8601 string, `URL` its absolute string, `Decimal` a number.
///
/// A model that conforms to `MustacheConvertible` gives its value directly, and the walk stops there.
public struct MustacheEncoder: Sendable {
    /// Whether `MustacheConvertible` models give their own value; off only to check those values.
    let usesConversions: Bool

    /// Creates an encoder.
    public init() { usesConversions = true }

    /// An encoder that walks `encode(to:)` even for `MustacheConvertible` models, so a test can check
    /// that a hand-written `mustacheValue` says the same as the model's `Encodable` conformance.
    init(usesConversions: Bool) { self.usesConversions = usesConversions }

    /// Encodes `model`; throws a `MustacheError` when its `encode(to:)` throws.
    public func encode<Model: Encodable>(_ model: Model) throws -> MustacheValue {
        do {
            return try EncodingBox.encode(model, codingPath: [], usesConversions: usesConversions)
        } catch let error as MustacheError {
            throw error
        } catch {
            throw MustacheError(template: String(describing: Model.self), line: nil, reason: .unencodable("\(error)"))
        }
    }
}

/// One value under construction. Values that finish at once are stored
/// directly; nested containers, which are filled later, keep a box until the end.
final class EncodingBox {
    /// Whether `MustacheConvertible` values give their own value (see `MustacheEncoder`).
    let usesConversions: Bool
    /// Set by a single-value container.
    var scalar: MustacheValue?
    /// Set once a keyed container is asked for.
    var fields: [String: MustacheValue]?
    /// Set once an unkeyed container is asked for.
    var items: [MustacheValue]?
    /// Nested keyed containers, written into `fields` when the value is finished.
    var pendingFields: [(key: String, box: EncodingBox)] = []
    /// Nested containers inside an array, written into `items` when the value is finished.
    var pendingItems: [(index: Int, box: EncodingBox)] = []

    init(usesConversions: Bool) { self.usesConversions = usesConversions }

    /// The finished value; a box nothing was written to is `.null`.
    var value: MustacheValue {
        if var fields {
            for (key, box) in pendingFields { fields[key] = box.value }
            return .object(fields)
        }
        if var items {
            for (index, box) in pendingItems { items[index] = box.value }
            return .array(items)
        }
        return scalar ?? .null
    }

    /// Encodes `model` on its own, short-cutting the Foundation types whose
    /// own encoding would be useless in a page.
    static func encode<Model: Encodable>(
        _ model: Model, codingPath: [CodingKey], usesConversions: Bool
    ) throws -> MustacheValue {
        if let special = model as? MustacheScalarConvertible {
            return special.mustacheValue
        }
        if usesConversions, let convertible = model as? MustacheConvertible {
            return convertible.mustacheValue
        }
        let box = EncodingBox(usesConversions: usesConversions)
        try model.encode(to: BoxEncoder(box: box, codingPath: codingPath))
        return box.value
    }
}

/// Types encoded as one readable value instead of through their `encode(to:)`.
protocol MustacheScalarConvertible {
    /// The value a template sees.
    var mustacheValue: MustacheValue { get }
}

extension MustacheValue: MustacheScalarConvertible {
    var mustacheValue: MustacheValue { self }
}

extension Date: MustacheScalarConvertible {
    var mustacheValue: MustacheValue { .string(formatted(.iso8601)) }
}

extension URL: MustacheScalarConvertible {
    var mustacheValue: MustacheValue { .string(absoluteString) }
}

extension Decimal: MustacheScalarConvertible {
    var mustacheValue: MustacheValue { Double(description).map(MustacheValue.double) ?? .null }
}

/// The `Encoder` handed to `encode(to:)`; it writes into one box.
struct BoxEncoder: Encoder {
    /// Where the encoded value goes.
    let box: EncodingBox
    /// The keys leading to this value, for the model's own error messages.
    let codingPath: [CodingKey]
    /// Always empty: templates need no encoding options.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if box.fields == nil { box.fields = Dictionary(minimumCapacity: 8) }
        return KeyedEncodingContainer(KeyedBoxContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if box.items == nil { box.items = [] }
        return UnkeyedBoxContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleBoxContainer(box: box, codingPath: codingPath)
    }
}

/// A plain coding key for array positions and `super`.
struct IndexKey: CodingKey {
    /// The key as text (`"super"`, or the position).
    let stringValue: String
    /// The position in an array, if any.
    let intValue: Int?

    /// A named key.
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// An array position.
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
