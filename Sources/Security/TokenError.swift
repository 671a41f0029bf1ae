/// Why an access token was refused.
public enum TokenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A part of a compact token.
    public enum Segment: String, Sendable {
        case header, payload, signature
    }

    /// How a token fails to be a compact JWS.
    public enum Malformation: Equatable, Sendable {
        /// Not three dot-separated parts; carries the count found.
        case segmentCount(Int)
        /// A part is not unpadded base64url.
        case encoding(Segment)
        /// The header or payload is not a JSON object of the expected shape.
        case json(Segment)
        /// The header has no `alg`.
        case missingAlgorithm
    }

    /// The token is not a well-formed compact JWS.
    case malformed(Malformation)
    /// `alg` is not EdDSA/Ed25519 (this includes "none" and HS256).
    case unsupportedAlgorithm(String)
    /// The header lists critical extensions, which this verifier does not implement.
    case unsupportedCriticalHeader([String])
    /// The header has no `kid`.
    case missingKeyID
    /// No published key has this `kid`.
    case unknownKeyID(String)
    /// The signature does not verify under the key named by `kid`.
    case badSignature
    /// A required claim is absent.
    case missingClaim(String)
    /// A claim has the wrong type.
    case invalidClaim(String)
    /// `iss` is not the expected issuer.
    case wrongIssuer(String)
    /// `aud` does not contain the expected audience.
    case wrongAudience([String])
    /// `exp` (Unix seconds) has passed, leeway included.
    case expired(at: Int)
    /// `nbf` or `iat` (named by `claim`) lies in the future beyond the leeway.
    case notYetValid(claim: String, at: Int)

    /// English description for logs.
    public var description: String {
        switch self {
        case .malformed(.segmentCount(let count)): "malformed token: \(count) parts instead of 3"
        case .malformed(.encoding(let segment)): "malformed token: \(segment.rawValue) is not base64url"
        case .malformed(.json(let segment)): "malformed token: \(segment.rawValue) is not a valid JSON object"
        case .malformed(.missingAlgorithm): "malformed token: header has no alg"
        case .unsupportedAlgorithm(let alg): "unsupported algorithm \"\(alg)\": only EdDSA is accepted"
        case .unsupportedCriticalHeader(let names):
            "unsupported critical header parameters: \(names.joined(separator: ", "))"
        case .missingKeyID: "token header has no kid"
        case .unknownKeyID(let kid): "unknown key id \(kid)"
        case .badSignature: "bad token signature"
        case .missingClaim(let name): "missing required claim \(name)"
        case .invalidClaim(let name): "claim \(name) has the wrong type"
        case .wrongIssuer(let issuer): "wrong issuer \(issuer)"
        case .wrongAudience(let audience): "wrong audience \(audience.joined(separator: ", "))"
        case .expired(let at): "token expired at \(at)"
        case .notYetValid(let claim, let at): "token not yet valid: \(claim) is \(at)"
        }
    }

    /// French message for the person or API client holding the token.
    public var frenchDescription: String {
        switch self {
        case .malformed: "Jeton d’accès illisible : demandez-en un nouveau."
        case .unsupportedAlgorithm(let alg): "Algorithme de signature « \(alg) » refusé : seul EdDSA est accepté."
        case .unsupportedCriticalHeader: "Jeton d’accès refusé : en-tête critique non pris en charge."
        case .missingKeyID: "Jeton d’accès refusé : identifiant de clé (kid) absent."
        case .unknownKeyID: "Jeton d’accès refusé : clé de signature inconnue. Demandez un nouveau jeton."
        case .badSignature: "Jeton d’accès refusé : signature invalide."
        case .missingClaim(let name): "Jeton d’accès refusé : la revendication « \(name) » est absente."
        case .invalidClaim(let name): "Jeton d’accès refusé : la revendication « \(name) » est mal formée."
        case .wrongIssuer: "Jeton d’accès refusé : émetteur inattendu."
        case .wrongAudience: "Jeton d’accès refusé : il n’est pas destiné à ce service."
        case .expired: "Jeton d’accès expiré : reconnectez-vous ou demandez un nouveau jeton."
        case .notYetValid: "Jeton d’accès pas encore valide : vérifiez l’horloge de votre appareil."
        }
    }
}
