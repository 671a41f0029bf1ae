import Foundation
import Security

/// `lesocial keys list|rotate`: the access token signing keys.
///
/// A rotation makes a new key active and keeps the previous public key
/// published until every token it signed has expired; the running server
/// notices the new file on its next token operation.
enum KeysCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let config = try Configuration()
        let path = config.signingKeysPath
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        let now = Date()

        switch arguments.first {
        case "list":
            list(try load(path), now: now)
        case "rotate":
            let (previous, active, dropped) = try rotate(ringAt: path, now: now)
            print("Nouvelle clé active : \(active)")
            print("Ancienne clé \(previous) publiée jusqu'à l'expiration de ses jetons.")
            if dropped > 0 { print("\(dropped) clé(s) retirée(s) dont la publication avait pris fin.") }
        default:
            throw UsageError(message: "sous-commande attendue : keys list ou keys rotate")
        }
        return 0
    }

    /// Makes a fresh key active in the ring at `path`, keeping the previous one published
    /// for `BillingSetup.retiredKeyPublication`; drops keys whose publication ended.
    ///
    /// Returns the `kid`s of the retired and the new key, and how many old keys were dropped.
    static func rotate(ringAt path: String, now: Date) throws -> (retired: String, active: String, dropped: Int) {
        var ring = try load(path)
        let previous = ring.activeKey.publicKey.thumbprint
        ring.rotate(
            to: try Ed25519PrivateKey(),
            retiringCurrentUntil: now.addingTimeInterval(BillingSetup.retiredKeyPublication))
        let dropped = ring.removeExpired(now: now)
        try ring.save(to: path)
        return (previous, ring.activeKey.publicKey.thumbprint, dropped)
    }

    private static func list(_ ring: SigningKeyRing, now: Date) {
        print("\(ring.activeKey.publicKey.thumbprint)\tactive")
        for retired in ring.retiredKeys {
            let state = retired.publishUntil > now ? "publiée jusqu'au" : "expirée le"
            print("\(retired.publicKey.thumbprint)\t\(state) \(FrenchFormat.dateTime(retired.publishUntil))")
        }
    }

    /// The ring at `path`, created with a fresh key when the server has not started yet.
    private static func load(_ path: String) throws -> SigningKeyRing {
        if !FileManager.default.fileExists(atPath: path) {
            try SigningKeyRing.generate().save(to: path)
        }
        return try SigningKeyRing.load(from: path)
    }
}
