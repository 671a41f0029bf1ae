import Foundation
import Security

/// Keys generated on first start and kept in the data folder (mode 0600).
struct Secrets: Codable {
    var csrfKeyBase64: String

    var csrfKey: [UInt8] { Base64URL.decode(csrfKeyBase64) ?? [] }

    /// Reads the secrets file, creating it with fresh random keys when missing.
    static func load(from url: URL) throws -> Secrets {
        if let data = try? Data(contentsOf: url) {
            return try JSONDecoder().decode(Secrets.self, from: data)
        }
        let secrets = Secrets(csrfKeyBase64: Base64URL.encode(SecureRandom.bytes(32)))
        let data = try JSONEncoder().encode(secrets)
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return secrets
    }
}
