import Foundation

/// Reads the webhook cases of `shared/conformance/tokens/vectors.json`: beside the package root
/// (found from this file's real path), or under `LESOCIAL_SHARED`.
enum ConformanceVectors {
    struct WebhookCase {
        let secret: String
        let timestamp: Int
        let payload: String
        let v1: String
    }

    enum VectorError: Error {
        case notFound
        case badShape
    }

    static func webhookCases() throws -> [WebhookCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path()))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let section = root?["stripe_webhook_signature"] as? [String: Any],
            let cases = section["cases"] as? [[String: Any]]
        else { throw VectorError.badShape }
        return try cases.map {
            guard let secret = $0["secret"] as? String, let timestamp = $0["timestamp"] as? Int,
                let payload = $0["payload"] as? String, let v1 = $0["v1"] as? String
            else { throw VectorError.badShape }
            return WebhookCase(secret: secret, timestamp: timestamp, payload: payload, v1: v1)
        }
    }

    private static func path() throws -> String {
        let relative = "conformance/tokens/vectors.json"
        if let root = packageRoot() {
            let candidate = root.deletingLastPathComponent().appendingPathComponent("shared/\(relative)").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        if let shared = ProcessInfo.processInfo.environment["LESOCIAL_SHARED"] {
            let candidate = URL(fileURLWithPath: shared).appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw VectorError.notFound
    }

    private static func packageRoot() -> URL? {
        guard let real = realpath(#filePath, nil) else { return nil }
        defer { free(real) }

        var directory = URL(fileURLWithPath: String(cString: real)).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
