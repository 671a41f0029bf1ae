import Foundation
import Testing

@testable import Security

private struct WebhookVector {
    let secret: String
    let timestamp: Int
    let payload: [UInt8]
    let v1: String

    static func all() throws -> [WebhookVector] {
        let vectors = try ConformanceVectors.tokens()
        let stripe = try #require(vectors["stripe_webhook_signature"] as? [String: Any])
        let cases = try #require(stripe["cases"] as? [[String: Any]])
        return try cases.map {
            WebhookVector(
                secret: try #require($0["secret"] as? String), timestamp: try #require($0["timestamp"] as? Int),
                payload: Array(try #require($0["payload"] as? String).utf8), v1: try #require($0["v1"] as? String))
        }
    }
}

private func at(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: Double(seconds))
}

@Test func webhookSignatureMatchesTheSharedVectors() throws {
    let vectors = try WebhookVector.all()

    #expect(vectors.count == 2)
    for vector in vectors {
        let header = WebhookSignature.sign(payload: vector.payload, secret: vector.secret, timestamp: vector.timestamp)
        #expect(header == "t=\(vector.timestamp),v1=\(vector.v1)")
        try WebhookSignature.verify(
            header: header, payload: vector.payload, secrets: [vector.secret], now: at(vector.timestamp))
    }
}

@Test func webhookIsAcceptedWhenAnyV1MatchesAnySecret() throws {
    let vector = try WebhookVector.all()[0]
    let header = "t=\(vector.timestamp),v1=\(String(repeating: "ab", count: 32)),v0=zz,v1=\(vector.v1)"

    try WebhookSignature.verify(
        header: header, payload: vector.payload, secrets: ["whsec_old", vector.secret], now: at(vector.timestamp + 60))
}

@Test func webhookWithoutHeaderIsRefused() throws {
    #expect(throws: WebhookSignatureError.missingHeader) {
        try WebhookSignature.verify(header: nil, payload: [], secrets: ["s"], now: at(0))
    }
    #expect(throws: WebhookSignatureError.missingHeader) {
        try WebhookSignature.verify(header: "", payload: [], secrets: ["s"], now: at(0))
    }
}

@Test(arguments: ["garbage", "t=abc,v1=00", "v1=c89214b5", "t=1,t=1,v1=00", "t=1,,v1", "t"])
func malformedWebhookHeaderIsRefused(header: String) {
    #expect(throws: WebhookSignatureError.malformedHeader) {
        try WebhookSignature.verify(header: header, payload: [], secrets: ["s"], now: at(1))
    }
}

@Test func webhookOutsideTheToleranceIsRefusedEitherWay() throws {
    let vector = try WebhookVector.all()[0]
    let header = "t=\(vector.timestamp),v1=\(vector.v1)"
    func verify(at seconds: Int) throws {
        try WebhookSignature.verify(header: header, payload: vector.payload, secrets: [vector.secret], now: at(seconds))
    }

    try verify(at: vector.timestamp + 300)
    try verify(at: vector.timestamp - 300)
    #expect(
        throws: WebhookSignatureError.timestampOutsideTolerance(
            timestamp: vector.timestamp, now: vector.timestamp + 301)
    ) { try verify(at: vector.timestamp + 301) }
    #expect(
        throws: WebhookSignatureError.timestampOutsideTolerance(
            timestamp: vector.timestamp, now: vector.timestamp - 301)
    ) { try verify(at: vector.timestamp - 301) }
}

@Test func webhookWithAlteredPayloadOrWrongSecretHasNoMatchingSignature() throws {
    let vector = try WebhookVector.all()[0]
    let header = "t=\(vector.timestamp),v1=\(vector.v1)"
    let now = at(vector.timestamp)

    #expect(throws: WebhookSignatureError.noMatchingSignature) {
        try WebhookSignature.verify(
            header: header, payload: vector.payload + [0x20], secrets: [vector.secret], now: now)
    }
    #expect(throws: WebhookSignatureError.noMatchingSignature) {
        try WebhookSignature.verify(header: header, payload: vector.payload, secrets: ["whsec_other"], now: now)
    }
    #expect(throws: WebhookSignatureError.noMatchingSignature) {
        try WebhookSignature.verify(header: header, payload: vector.payload, secrets: [], now: now)
    }
}

@Test func webhookSignedAtAnotherTimestampHasNoMatchingSignature() throws {
    let vector = try WebhookVector.all()[0]
    let header = "t=\(vector.timestamp + 1),v1=\(vector.v1)"

    #expect(throws: WebhookSignatureError.noMatchingSignature) {
        try WebhookSignature.verify(
            header: header, payload: vector.payload, secrets: [vector.secret], now: at(vector.timestamp))
    }
}

@Test func webhookErrorsDescribeThemselves() {
    #expect(
        WebhookSignatureError.timestampOutsideTolerance(timestamp: 1, now: 400).description
            == "webhook timestamp 1 outside tolerance at 400")
    #expect(
        WebhookSignatureError.noMatchingSignature.frenchDescription
            == "Signature du webhook invalide : vérifiez le secret configuré.")
}
