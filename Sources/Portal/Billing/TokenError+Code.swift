import Security

extension TokenError {
    /// A stable identifier of the refusal for API clients, e.g. `token_expired`.
    var code: String {
        switch self {
        case .malformed: "token_malformed"
        case .unsupportedAlgorithm: "token_algorithm_refused"
        case .unsupportedCriticalHeader: "token_critical_header"
        case .missingKeyID: "token_kid_missing"
        case .unknownKeyID: "token_kid_unknown"
        case .badSignature: "token_bad_signature"
        case .missingClaim: "token_claim_missing"
        case .invalidClaim: "token_claim_invalid"
        case .wrongIssuer: "token_wrong_issuer"
        case .wrongAudience: "token_wrong_audience"
        case .expired: "token_expired"
        case .notYetValid: "token_not_yet_valid"
        }
    }
}
