import Foundation
import Security

/// The secret the sandbox signs its webhook events with, generated on first start and kept in the data folder.
///
/// A per-installation secret rather than the well-known default, so nobody
/// outside this server can forge a sandbox event for it.
struct SandboxSecret: Codable {
    var webhookSecret: String

    /// Reads the file, creating it (mode 0600) with a fresh secret when missing.
    static func load(from url: URL) throws -> SandboxSecret {
        if let data = FileManager.default.contents(atPath: url.path) {
            return try JSONDecoder().decode(SandboxSecret.self, from: data)
        }
        let secret = SandboxSecret(webhookSecret: "whsec_sandbox_" + SecureRandom.token(byteCount: 24))
        let data = try JSONEncoder().encode(secret)
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return secret
    }
}
