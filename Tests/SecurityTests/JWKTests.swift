import Foundation
import Testing

@testable import Security

/// The RFC 8037 Appendix A vector, read from the shared conformance file.
struct RFC8037Vector {
    let jwk: JWK
    let protectedHeader: String
    let payload: String
    let compact: String
    let thumbprint: String

    init() throws {
        let vectors = try ConformanceVectors.tokens()
        let rfc = try #require(vectors["rfc8037_ed25519"] as? [String: Any])
        let jwkObject = try #require(rfc["jwk_private"] as? [String: Any])
        jwk = try JSONDecoder().decode(JWK.self, from: JSONSerialization.data(withJSONObject: jwkObject))
        protectedHeader = try #require(rfc["protected_header"] as? String)
        payload = try #require(rfc["payload"] as? String)
        compact = try #require(rfc["jws_compact"] as? String)
        thumbprint = try #require(rfc["jwk_thumbprint_sha256"] as? String)
    }
}

@Test func rfc8037KeyProducesTheSameCompactJWS() throws {
    let vector = try RFC8037Vector()
    let key = try vector.jwk.privateKey()

    let compact = try JWSSigner.compact(
        protectedHeader: Array(vector.protectedHeader.utf8), payload: Array(vector.payload.utf8), key: key)

    #expect(compact == vector.compact)
}

@Test func rfc8037SignatureVerifiesUnderThePublicJWK() throws {
    let vector = try RFC8037Vector()
    let parts = vector.compact.split(separator: ".").map(String.init)
    let publicKey = try JWK(kty: "OKP", crv: "Ed25519", x: vector.jwk.x).publicKey()

    let signature = try #require(Base64URL.decode(parts[2]))
    #expect(publicKey.isValidSignature(signature, for: Array("\(parts[0]).\(parts[1])".utf8)))
}

@Test func rfc8037ThumbprintMatches() throws {
    let vector = try RFC8037Vector()

    #expect(try vector.jwk.thumbprint() == vector.thumbprint)
    #expect(try vector.jwk.privateKey().publicKey.thumbprint == vector.thumbprint)
}

@Test func rfc8037TokenWithoutKidIsRefusedByTheVerifier() throws {
    let vector = try RFC8037Vector()
    let key = try vector.jwk.publicKey()
    let verifier = TokenVerifier(keys: [vector.thumbprint: key], issuer: "i", audience: "a")

    #expect(throws: TokenError.missingKeyID) { try verifier.verify(vector.compact) }
}

@Test func publicJWKCarriesKidAlgAndUseButNoPrivatePart() throws {
    let key = try RFC8037Vector().jwk.privateKey()
    let jwk = JWK(publicKey: key.publicKey)

    #expect(
        jwk
            == JWK(
                kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                kid: "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", alg: "EdDSA", use: "sig"))
}

@Test func jwkWithAMismatchedPrivatePartIsRefused() throws {
    var jwk = try RFC8037Vector().jwk
    jwk.x = Base64URL.encode(try Ed25519PrivateKey().publicKey.rawRepresentation)

    #expect(throws: SecurityError(operation: "read JWK", reason: "x does not match d")) { try jwk.privateKey() }
}

@Test func jwkOfAnotherKeyTypeIsRefused() {
    let jwk = JWK(kty: "EC", crv: "P-256", x: "AAAA")

    #expect(throws: SecurityError(operation: "read JWK", reason: "key type EC/P-256 is not OKP/Ed25519")) {
        try jwk.publicKey()
    }
}
