import Foundation
import Testing

@testable import Security

private func date(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: Double(seconds))
}

private func verifier(for ring: SigningKeyRing, at seconds: Int) -> TokenVerifier {
    TokenVerifier(
        keys: ring.publishedKeys(now: date(seconds)), issuer: TokenFixture.issuer, audience: TokenFixture.audience,
        now: { date(seconds) })
}

private func issue(with ring: SigningKeyRing, at seconds: Int) throws -> String {
    try TokenIssuer(
        key: ring.activeKey, issuer: TokenFixture.issuer, audience: TokenFixture.audience, lifetime: 600,
        now: { date(seconds) }
    ).issue(subject: "user-42", entitlements: [])
}

@Test func tokenSignedByARetiredKeyVerifiesWhileThatKeyIsPublished() throws {
    let now = TokenFixture.now
    var ring = try SigningKeyRing.generate()
    let oldToken = try issue(with: ring, at: now)
    let oldKid = ring.activeKey.publicKey.thumbprint

    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(now + 630))
    let newToken = try issue(with: ring, at: now + 10)

    #expect(try verifier(for: ring, at: now + 20).verify(oldToken).sub == "user-42")
    #expect(try verifier(for: ring, at: now + 20).verify(newToken).sub == "user-42")
    #expect(throws: TokenError.unknownKeyID(oldKid)) { try verifier(for: ring, at: now + 631).verify(oldToken) }
    #expect(try verifier(for: ring, at: now + 631).verify(newToken).sub == "user-42")
}

@Test func jwksListsTheActiveKeyThenStillPublishedRetiredKeys() throws {
    var ring = try SigningKeyRing.generate()
    let first = ring.activeKey.publicKey.thumbprint
    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(2_000))
    let second = ring.activeKey.publicKey.thumbprint
    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(3_000))
    let third = ring.activeKey.publicKey.thumbprint

    #expect(ring.jwks(now: date(1_000)).keys.map(\.kid) == [third, second, first])
    #expect(ring.jwks(now: date(2_000)).keys.map(\.kid) == [third, second])
    #expect(Set(ring.publishedKeys(now: date(2_500)).keys) == [third, second])
}

@Test func removeExpiredDropsRetiredKeysPastTheirDate() throws {
    var ring = try SigningKeyRing.generate()
    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(2_000))
    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(3_000))

    #expect(ring.removeExpired(now: date(2_500)) == 1)
    #expect(ring.retiredKeys.map(\.publishUntil) == [date(3_000)])
}

@Test func keyRingRoundTripsThroughItsFileWithOwnerOnlyPermissions() throws {
    var ring = try SigningKeyRing.generate()
    let retiredKid = ring.activeKey.publicKey.thumbprint
    ring.rotate(to: try Ed25519PrivateKey(), retiringCurrentUntil: date(1_800_000_000))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyring-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("signing-keys.json").path

    try ring.save(to: path)
    let loaded = try SigningKeyRing.load(from: path)

    #expect(try loaded.activeKey.seed() == ring.activeKey.seed())
    #expect(loaded.retiredKeys.map(\.publicKey.thumbprint) == [retiredKid])
    #expect(loaded.retiredKeys.map(\.publishUntil) == [date(1_800_000_000)])
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["signing-keys.json"])
}

@Test func keyRingFileWithAnotherVersionIsRefused() throws {
    var bytes = String(decoding: try SigningKeyRing.generate().jsonBytes(), as: UTF8.self)
    bytes = bytes.replacingOccurrences(of: #""version" : 1"#, with: #""version" : 2"#)

    #expect(throws: SecurityError(operation: "read key ring", reason: "unknown version 2")) {
        try SigningKeyRing(jsonBytes: Array(bytes.utf8))
    }
}

@Test func missingKeyRingFileIsReportedWithItsPath() {
    #expect(throws: SecurityError(operation: "read key ring", reason: "cannot read /nonexistent/keys.json")) {
        try SigningKeyRing.load(from: "/nonexistent/keys.json")
    }
}
