/// The data a template renders: the logic-less value model of Mustache.
///
/// Truthiness follows the common Mustache implementations: `null`, `false`,
/// `0`, `""` and empty arrays are falsey; everything else is truthy.
public enum MustacheValue: Sendable, Equatable {
    /// An absent value: falsey, renders as the empty string.
    case null
    /// A boolean: drives sections, renders as `true` or `false`.
    case bool(Bool)
    /// A whole number, rendered without a decimal point.
    case int(Int)
    /// A decimal number, rendered in its shortest exact form (`1.21`, `85`).
    case double(Double)
    /// Text, HTML-escaped by `{{name}}` and raw with `{{{name}}}`.
    case string(String)
    /// A list: a section renders once per element.
    case array([MustacheValue])
    /// A hash: a section pushes it onto the context stack.
    case object([String: MustacheValue])

    /// Whether a section shows its content (and an inverted section hides it).
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// The text an interpolation tag writes, before escaping.
    ///
    /// Arrays and objects render as the empty string: a template that prints
    /// one is a template bug, and printing a Swift dump would leak internals.
    public var renderedText: String {
        switch self {
        case .null, .array, .object: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return Self.format(number)
        case .string(let text): return text
        }
    }

    /// The value stored under `key` when this is an object, else `nil`.
    public subscript(key: String) -> MustacheValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    private static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int(number))
        }
        return String(number)
    }
}

extension MustacheValue: ExpressibleByStringLiteral {
    /// A string value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    /// An integer value from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    /// A decimal value from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    /// A boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByNilLiteral {
    /// The null value from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    /// An array value from a literal.
    public init(arrayLiteral elements: MustacheValue...) { self = .array(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// An object value from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension MustacheValue: Encodable {
    /// Encodes the value as plain JSON-like data, so a view model can embed one.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }
}
