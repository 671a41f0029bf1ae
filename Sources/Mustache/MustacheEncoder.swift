import Foundation

/// Turns any `Encodable` view model into a `MustacheValue`, walking its
/// `encode(to:)` directly (no JSON round trip).
///
/// Optional properties that are `nil` become `.null` rather than missing keys,
/// so `{{#user.avatar}}` inside a section never picks up an outer `avatar`.
/// `Date` becomes an ISO 8601 string, `URL` its absolute string, `Decimal` a number.
public struct MustacheEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes `model`; throws a `MustacheError` when its `encode(to:)` throws.
    public func encode<Model: Encodable>(_ model: Model) throws -> MustacheValue {
        let box = EncodingBox()
        do {
            try box.store(model, codingPath: [])
        } catch let error as MustacheError {
            throw error
        } catch {
            throw MustacheError(template: String(describing: Model.self), line: nil, reason: .unencodable("\(error)"))
        }
        return box.value
    }
}

/// One value under construction; containers fill it in place.
final class EncodingBox {
    var scalar: MustacheValue?
    var fields: [String: EncodingBox]?
    var items: [EncodingBox]?

    /// The finished value; a box nothing was written to is `.null`.
    var value: MustacheValue {
        if let fields { return .object(fields.mapValues(\.value)) }
        if let items { return .array(items.map(\.value)) }
        return scalar ?? .null
    }

    /// Encodes `model` into this box, short-cutting the Foundation types whose
    /// own encoding would be useless in a page.
    func store<Model: Encodable>(_ model: Model, codingPath: [CodingKey]) throws {
        switch model {
        case let value as MustacheValue: scalar = value
        case let date as Date: scalar = .string(date.formatted(.iso8601))
        case let url as URL: scalar = .string(url.absoluteString)
        case let decimal as Decimal: scalar = Double(decimal.description).map(MustacheValue.double) ?? .null
        default: try model.encode(to: BoxEncoder(box: self, codingPath: codingPath))
        }
    }
}

/// The `Encoder` handed to `encode(to:)`; it writes into one box.
struct BoxEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if box.fields == nil { box.fields = [:] }
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
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
