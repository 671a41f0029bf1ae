import Testing

@testable import Security

@Test func generatedKeySignsAndItsPublicKeyVerifies() throws {
    let key = try Ed25519PrivateKey()
    let message = Array("épreuve blanche".utf8)
    let signature = try key.signature(for: message)

    #expect(signature.count == 64)
    #expect(key.publicKey.isValidSignature(signature, for: message))
    #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
    #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
}

@Test func keyRestoredFromItsSeedHasTheSamePublicKey() throws {
    let key = try Ed25519PrivateKey()
    let restored = try Ed25519PrivateKey(seed: try key.seed())

    #expect(restored.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
    #expect(restored.publicKey.thumbprint == key.publicKey.thumbprint)
}

@Test func anotherKeysSignatureIsRefused() throws {
    let signature = try Ed25519PrivateKey().signature(for: [1, 2, 3])

    #expect(!(try Ed25519PrivateKey()).publicKey.isValidSignature(signature, for: [1, 2, 3]))
}

@Test func keysOfTheWrongLengthAreRefusedWithAPreciseError() {
    #expect(throws: SecurityError(operation: "read Ed25519 private key", reason: "seed has 31 bytes, not 32")) {
        try Ed25519PrivateKey(seed: [UInt8](repeating: 1, count: 31))
    }
    #expect(throws: SecurityError(operation: "read Ed25519 public key", reason: "key has 33 bytes, not 32")) {
        try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 33))
    }
    let error = SecurityError(operation: "read Ed25519 public key", reason: "key has 33 bytes, not 32")
    #expect(error.description == "security: read Ed25519 public key failed: key has 33 bytes, not 32")
}
