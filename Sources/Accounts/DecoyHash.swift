import Foundation
import Security

/// A password hash of a random secret, made on first use and kept.
final class DecoyHash: @unchecked Sendable {
    private var value: String?
    private let lock = NSLock()

    func hash(with hasher: PasswordHasher) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = (try? hasher.hash(SecureRandom.token(byteCount: 16))) ?? ""
        value = made
        return made
    }
}
