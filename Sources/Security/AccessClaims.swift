/// The claims of a signed access token.
///
/// `aud` is read from a string or an array and written as a string when it
/// holds one audience; a missing `ent` reads as no entitlement.
public struct AccessClaims: Codable, Equatable, Sendable {
    /// Issuer, e.g. `https://lesocial.fr`.
    public var iss: String
    /// Subject: the user id.
    public var sub: String
    /// Audiences the token is meant for.
    public var aud: [String]
    /// Issued at, Unix seconds.
    public var iat: Int
    /// Not before, Unix seconds.
    public var nbf: Int
    /// Expires at, Unix seconds.
    public var exp: Int
    /// Unique token id.
    public var jti: String
    /// Entitlements granted by the token.
    public var ent: [EntitlementClaim]

    /// Creates claims.
    public init(
        iss: String, sub: String, aud: [String], iat: Int, nbf: Int, exp: Int, jti: String,
        ent: [EntitlementClaim] = []
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.jti = jti
        self.ent = ent
    }

    private enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, nbf, exp, jti, ent
    }

    /// Reads claims; `aud` may be a string or an array of strings.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        sub = try container.decode(String.self, forKey: .sub)
        if let single = try? container.decode(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decode([String].self, forKey: .aud)
        }
        iat = try container.decode(Int.self, forKey: .iat)
        nbf = try container.decode(Int.self, forKey: .nbf)
        exp = try container.decode(Int.self, forKey: .exp)
        jti = try container.decode(String.self, forKey: .jti)
        ent = try container.decodeIfPresent([EntitlementClaim].self, forKey: .ent) ?? []
    }

    /// Writes claims; a single audience is written as a string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iss, forKey: .iss)
        try container.encode(sub, forKey: .sub)
        if aud.count == 1 {
            try container.encode(aud[0], forKey: .aud)
        } else {
            try container.encode(aud, forKey: .aud)
        }
        try container.encode(iat, forKey: .iat)
        try container.encode(nbf, forKey: .nbf)
        try container.encode(exp, forKey: .exp)
        try container.encode(jti, forKey: .jti)
        try container.encode(ent, forKey: .ent)
    }
}
