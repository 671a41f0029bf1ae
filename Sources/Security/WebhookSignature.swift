import Foundation

/// Webhook signatures in Stripe's scheme: header `t=<seconds>,v1=<hex>` where
/// v1 = HMAC-SHA256(secret, "<t>.<raw body>").
public enum WebhookSignature {
    /// The header value signing `payload` at `timestamp`.
    public static func sign(payload: [UInt8], secret: String, timestamp: Int) -> String {
        "t=\(timestamp),v1=\(Hex.encode(mac(payload: payload, secret: secret, timestamp: timestamp)))"
    }

    /// Accepts `payload` when a `v1` in `header` matches one of `secrets` (several
    /// during a secret rotation) and the timestamp is within `tolerance` seconds
    /// of `now`, either way.
    public static func verify(
        header: String?, payload: [UInt8], secrets: [String], tolerance: Int = 300, now: Date = Date()
    ) throws(WebhookSignatureError) {
        guard let header, !header.isEmpty else { throw .missingHeader }
        let (timestamp, signatures) = try parse(header)

        var matched = false
        for secret in secrets {
            let expected = mac(payload: payload, secret: secret, timestamp: timestamp)
            for signature in signatures where constantTimeEquals(signature, expected) {
                matched = true
            }
        }
        guard matched else { throw .noMatchingSignature }

        let current = Int(now.timeIntervalSince1970.rounded(.down))
        guard abs(current - timestamp) <= tolerance else {
            throw .timestampOutsideTolerance(timestamp: timestamp, now: current)
        }
    }

    private static func parse(_ header: String) throws(WebhookSignatureError) -> (Int, [[UInt8]]) {
        var timestamp: Int?
        var signatures = [[UInt8]]()
        for item in header.split(separator: ",") {
            let pair = item.trimmingCharacters(in: .whitespaces).split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { throw .malformedHeader }

            switch pair[0] {
            case "t":
                guard timestamp == nil, let value = Int(pair[1]) else { throw .malformedHeader }
                timestamp = value
            case "v1":
                // A value of the wrong shape cannot match; skip it as Stripe's SDKs do.
                if let bytes = Hex.decode(String(pair[1])), bytes.count == 32 { signatures.append(bytes) }
            default:
                continue  // other schemes (v0) are not trusted
            }
        }
        guard let timestamp else { throw .malformedHeader }
        guard !signatures.isEmpty else { throw .noMatchingSignature }
        return (timestamp, signatures)
    }

    private static func mac(payload: [UInt8], secret: String, timestamp: Int) -> [UInt8] {
        HMAC.sha256(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + payload)
    }
}
