/// A view model that builds its `MustacheValue` itself.
///
/// `MustacheEncoder` can turn any `Encodable` model into a value, but it walks the model through the
/// generic `Encoder` containers, which costs more than rendering the template on busy pages. A model
/// that conforms gives its fields directly and the encoder uses them. Keep it `Encodable` too: a test
/// can then compare both with `MustacheEncoder(usesConversions: false)`, so the two never drift apart.
public protocol MustacheConvertible {
    /// The value a template sees for this model.
    var mustacheValue: MustacheValue { get }
}

extension String: MustacheConvertible {
    /// The text.
    @inlinable public var mustacheValue: MustacheValue { .string(self) }
}

extension Bool: MustacheConvertible {
    /// The flag.
    @inlinable public var mustacheValue: MustacheValue { .bool(self) }
}

extension Int: MustacheConvertible {
    /// The number.
    @inlinable public var mustacheValue: MustacheValue { .int(self) }
}

extension Int64: MustacheConvertible {
    /// The number, as `MustacheEncoder` writes it.
    public var mustacheValue: MustacheValue { integerValue(self) }
}

extension Double: MustacheConvertible {
    /// The number.
    @inlinable public var mustacheValue: MustacheValue { .double(self) }
}

extension Optional: MustacheConvertible where Wrapped: MustacheConvertible {
    /// The wrapped value, or `.null`: a missing key would let a lookup reach an outer context.
    @inlinable public var mustacheValue: MustacheValue { self?.mustacheValue ?? .null }
}

extension Array: MustacheConvertible where Element: MustacheConvertible {
    /// A list of the elements' values.
    @inlinable public var mustacheValue: MustacheValue { .array(map { $0.mustacheValue }) }
}
