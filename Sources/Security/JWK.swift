/// A JSON Web Key for Ed25519 (RFC 8037: `kty` "OKP", `crv` "Ed25519").
public struct JWK: Codable, Equatable, Sendable {
    /// Key type; "OKP" for Ed25519.
    public var kty: String
    /// Curve; "Ed25519".
    public var crv: String
    /// The public key, base64url.
    public var x: String
    /// The private seed, base64url; only in private key files, never published.
    public var d: String?
    /// Key id; this project uses the RFC 7638 thumbprint.
    public var kid: String?
    /// Algorithm the key is for; "EdDSA".
    public var alg: String?
    /// Intended use; "sig".
    public var use: String?

    /// Creates a key from its fields.
    public init(
        kty: String, crv: String, x: String, d: String? = nil, kid: String? = nil, alg: String? = nil,
        use: String? = nil
    ) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.d = d
        self.kid = kid
        self.alg = alg
        self.use = use
    }

    /// The public JWK of `publicKey`, with `kid`, `alg` "EdDSA" and `use` "sig".
    public init(publicKey: Ed25519PublicKey) {
        self.init(
            kty: "OKP", crv: "Ed25519", x: Base64URL.encode(publicKey.rawRepresentation),
            kid: publicKey.thumbprint, alg: "EdDSA", use: "sig")
    }

    /// Whether this is an Ed25519 key.
    public var isEd25519: Bool {
        kty == "OKP" && crv == "Ed25519"
    }

    /// The public key in `x`.
    public func publicKey() throws -> Ed25519PublicKey {
        guard isEd25519 else {
            throw SecurityError(operation: "read JWK", reason: "key type \(kty)/\(crv) is not OKP/Ed25519")
        }
        guard let raw = Base64URL.decode(x) else {
            throw SecurityError(operation: "read JWK", reason: "x is not base64url")
        }
        return try Ed25519PublicKey(rawRepresentation: raw)
    }

    /// The private key in `d`, checked against `x`.
    public func privateKey() throws -> Ed25519PrivateKey {
        guard isEd25519 else {
            throw SecurityError(operation: "read JWK", reason: "key type \(kty)/\(crv) is not OKP/Ed25519")
        }
        guard let d, let seed = Base64URL.decode(d) else {
            throw SecurityError(operation: "read JWK", reason: "d is missing or not base64url")
        }
        let key = try Ed25519PrivateKey(seed: seed)
        guard Base64URL.encode(key.publicKey.rawRepresentation) == x else {
            throw SecurityError(operation: "read JWK", reason: "x does not match d")
        }
        return key
    }

    /// The RFC 7638 thumbprint of the public part.
    public func thumbprint() throws -> String {
        try publicKey().thumbprint
    }
}
