import Foundation
import Testing

@testable import Security

@Test func jwksDocumentHasTheExpectedJSON() throws {
    let key = try RFC8037Vector().jwk.privateKey()
    let json = String(decoding: try JSONWebKeySet(publicKeys: [key.publicKey]).jsonBytes(), as: UTF8.self)

    let expected =
        #"{"keys":[{"alg":"EdDSA","crv":"Ed25519","kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k","#
        + #""kty":"OKP","use":"sig","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#
    #expect(json == expected)
}

@Test func jwksRoundTripGivesTheSameKeysByKid() throws {
    let first = try Ed25519PrivateKey().publicKey
    let second = try Ed25519PrivateKey().publicKey
    let set = JSONWebKeySet(publicKeys: [first, second])

    let parsed = try JSONWebKeySet(jsonBytes: try set.jsonBytes())
    let keys = parsed.verificationKeys()

    #expect(parsed == set)
    #expect(keys.count == 2)
    #expect(keys[first.thumbprint]?.rawRepresentation == first.rawRepresentation)
    #expect(keys[second.thumbprint]?.rawRepresentation == second.rawRepresentation)
}

@Test func jwksParsingSkipsKeysThatCannotVerifyTokens() throws {
    let key = try Ed25519PrivateKey().publicKey
    let document = """
        {"keys":[
          {"kty":"RSA","n":"abc","e":"AQAB","kid":"rsa"},
          {"kty":"OKP","crv":"X25519","x":"\(Base64URL.encode(key.rawRepresentation))","kid":"x25519"},
          {"kty":"OKP","crv":"Ed25519","x":"\(Base64URL.encode(key.rawRepresentation))","kid":"enc","use":"enc"},
          {"kty":"OKP","crv":"Ed25519","x":"short","kid":"broken"},
          {"kty":"OKP","crv":"Ed25519","x":"\(Base64URL.encode(key.rawRepresentation))"}
        ]}
        """
    let keys = try JSONWebKeySet(jsonBytes: Array(document.utf8)).verificationKeys()

    #expect(Array(keys.keys) == [key.thumbprint])
}

@Test func jwksParsingRefusesADocumentWithoutKeys() {
    #expect(throws: SecurityError.self) { try JSONWebKeySet(jsonBytes: Array(#"{"kty":"OKP"}"#.utf8)) }
}
