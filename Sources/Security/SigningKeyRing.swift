import Foundation

/// The token signing keys: one active private key and the public keys of
/// retired ones, still published until the tokens they signed have expired,
/// so a rotation logs nobody out.
///
/// Stored as a JSON file readable only by its owner (the active key's seed is in it).
public struct SigningKeyRing: Sendable {
    /// A retired key: no longer signs, still verifies until `publishUntil`.
    public struct RetiredKey: Sendable {
        /// The public key.
        public let publicKey: Ed25519PublicKey
        /// When the key stops being published and accepted.
        public let publishUntil: Date

        /// Creates a retired key entry.
        public init(publicKey: Ed25519PublicKey, publishUntil: Date) {
            self.publicKey = publicKey
            self.publishUntil = publishUntil
        }
    }

    /// The key that signs new tokens.
    public private(set) var activeKey: Ed25519PrivateKey
    /// Keys that signed earlier tokens, oldest first.
    public private(set) var retiredKeys: [RetiredKey]

    /// Creates a ring from its keys.
    public init(activeKey: Ed25519PrivateKey, retiredKeys: [RetiredKey] = []) {
        self.activeKey = activeKey
        self.retiredKeys = retiredKeys
    }

    /// A ring with a freshly generated key.
    public static func generate() throws -> SigningKeyRing {
        SigningKeyRing(activeKey: try Ed25519PrivateKey())
    }

    /// A signer for the active key.
    public var signer: JWSSigner {
        JWSSigner(key: activeKey)
    }

    /// Makes `newKey` active and keeps the previous key published until
    /// `publishUntil` (at least the longest token lifetime plus leeway from now).
    public mutating func rotate(to newKey: Ed25519PrivateKey, retiringCurrentUntil publishUntil: Date) {
        retiredKeys.append(RetiredKey(publicKey: activeKey.publicKey, publishUntil: publishUntil))
        activeKey = newKey
    }

    /// Drops retired keys whose publication ended before `now`; returns how many.
    @discardableResult
    public mutating func removeExpired(now: Date) -> Int {
        let before = retiredKeys.count
        retiredKeys.removeAll { $0.publishUntil <= now }
        return before - retiredKeys.count
    }

    /// The keys to publish and accept at `now`, by `kid`: the active key and
    /// retired keys still within their publication date.
    public func publishedKeys(now: Date) -> [String: Ed25519PublicKey] {
        var keys = [activeKey.publicKey.thumbprint: activeKey.publicKey]
        for retired in retiredKeys where retired.publishUntil > now {
            keys[retired.publicKey.thumbprint] = retired.publicKey
        }
        return keys
    }

    /// The JWKS document at `now`, active key first.
    public func jwks(now: Date) -> JSONWebKeySet {
        let retired = retiredKeys.filter { $0.publishUntil > now }.reversed().map(\.publicKey)
        return JSONWebKeySet(publicKeys: [activeKey.publicKey] + retired)
    }
}
