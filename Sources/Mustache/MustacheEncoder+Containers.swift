/// Writes object fields; every primitive funnels through `put`.
struct KeyedBoxContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The box being filled.
    let box: EncodingBox
    /// The keys leading to this container.
    let codingPath: [CodingKey]

    private func put(_ value: MustacheValue, _ key: Key) { box.fields?[key.stringValue] = value }

    private func pending(_ key: CodingKey) -> EncodingBox {
        let child = EncodingBox(usesConversions: box.usesConversions)
        box.fields?[key.stringValue] = .null
        box.pendingFields.append((key.stringValue, child))
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(floatValue(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(integerValue(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(integerValue(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try EncodingBox.encode(value, codingPath: codingPath + [key], usesConversions: box.usesConversions), key)
    }

    // Synthesized conformances skip nil optionals; a missing key would let the
    // lookup fall through to an outer context, so nil is written as null.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try optional(value, key) }

    private mutating func optional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { put(.null, key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        BoxEncoder(box: pending(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        BoxEncoder(box: pending(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let key = IndexKey(stringValue: "super")
        return BoxEncoder(box: pending(key), codingPath: codingPath + [key])
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        BoxEncoder(box: pending(key), codingPath: codingPath + [key])
    }
}

/// Appends array elements.
struct UnkeyedBoxContainer: UnkeyedEncodingContainer {
    /// The box being filled.
    let box: EncodingBox
    /// The keys leading to this container.
    let codingPath: [CodingKey]
    /// The number of elements written so far.
    var count: Int { box.items?.count ?? 0 }

    private func next() -> EncodingBox {
        let child = EncodingBox(usesConversions: box.usesConversions)
        box.pendingItems.append((count, child))
        box.items?.append(.null)
        return child
    }

    mutating func encodeNil() throws { box.items?.append(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(intValue: count)
        box.items?.append(
            try EncodingBox.encode(value, codingPath: codingPath + [key], usesConversions: box.usesConversions))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(intValue: count)
        return BoxEncoder(box: next(), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let key = IndexKey(intValue: count)
        return BoxEncoder(box: next(), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let key = IndexKey(intValue: count)
        return BoxEncoder(box: next(), codingPath: codingPath + [key])
    }
}

/// Writes one value: primitives directly, anything else through its own `encode(to:)`.
struct SingleBoxContainer: SingleValueEncodingContainer {
    /// The box being filled.
    let box: EncodingBox
    /// The keys leading to this container.
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { box.scalar = .null }
    mutating func encode(_ value: Bool) throws { box.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { box.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { box.scalar = .double(value) }
    mutating func encode(_ value: Float) throws { box.scalar = floatValue(value) }
    mutating func encode(_ value: Int) throws { box.scalar = .int(value) }
    mutating func encode(_ value: Int8) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: Int16) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: Int32) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: Int64) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: UInt) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: UInt8) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: UInt16) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: UInt32) throws { box.scalar = integerValue(value) }
    mutating func encode(_ value: UInt64) throws { box.scalar = integerValue(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.scalar = try EncodingBox.encode(value, codingPath: codingPath, usesConversions: box.usesConversions)
    }
}

/// An integer as `.int`, or `.double` when it does not fit an `Int`.
func integerValue<Number: BinaryInteger>(_ number: Number) -> MustacheValue {
    Int(exactly: number).map(MustacheValue.int) ?? .double(Double(number))
}

/// A `Float` through its shortest text, so `1.21` stays `1.21` and not `1.2100000381469727`.
func floatValue(_ number: Float) -> MustacheValue {
    .double(Double(String(number)) ?? Double(number))
}
