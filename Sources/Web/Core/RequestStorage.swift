/// A key for a value that middleware attaches to a request (`request.storage[SessionKey.self]`).
public protocol RequestStorageKey {
    /// The type of the value stored under this key.
    associatedtype Value
}

/// Typed values attached to a request by middleware, one per key type.
public struct RequestStorage {
    private var values: [ObjectIdentifier: Any] = [:]

    /// Creates empty storage.
    public init() {}

    /// The value stored under `key`, or `nil`; assigning `nil` removes it.
    public subscript<Key: RequestStorageKey>(key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
