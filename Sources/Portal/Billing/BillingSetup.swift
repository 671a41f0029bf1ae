import Billing
import Foundation
import Logging
import Security
import Storage

/// Payments and access tokens as configured for this server: the provider, the webhook
/// secrets, the seller printed on invoices and the token signing keys.
///
/// Built once at start: it seeds the default plans, creates the sandbox
/// secret and the key ring file when missing. The key ring is read again
/// when `lesocial keys rotate` replaces its file, so a rotation needs no
/// restart and logs nobody out.
public final class BillingSetup: @unchecked Sendable {
    /// `aud` of every access token.
    public static let audience = "lesocial-api"
    /// Seconds an access token lives.
    public static let tokenLifetime = 600
    /// Seconds a retired key stays published after a rotation: a token's life, plus JWKS caching.
    public static let retiredKeyPublication = TimeInterval(tokenLifetime + 300)

    /// Which provider was chosen.
    public let providerChoice: Configuration.PaymentProviderChoice
    /// The provider taking orders; `nil` when ordering is closed.
    public let provider: (any PaymentProvider)?
    /// The sandbox, when it is the provider.
    public let sandbox: SandboxProvider?
    /// Secrets a webhook signature may be made with.
    public let webhookSecrets: [String]
    /// The seller printed on invoices.
    public let seller: SellerDetails
    /// `iss` of access tokens: the public address of the portal.
    public let issuer: String
    /// Where the key ring lives.
    public let keyRingPath: String

    private let lock = NSLock()
    private var ring: SigningKeyRing
    private var ringStamp: FileStamp?

    /// Reads the payment settings, seeds the plans and opens (or creates) the key ring.
    public init(config: Configuration, logger: Logger) throws {
        providerChoice = try config.paymentProvider()
        seller = try config.sellerDetails()
        issuer = config.baseURL
        keyRingPath = config.signingKeysPath

        switch providerChoice {
        case .sandbox:
            let secret = try SandboxSecret.load(from: config.sandboxSecretURL).webhookSecret
            let sandbox = SandboxProvider(webhookSecret: secret)
            self.sandbox = sandbox
            provider = sandbox
            webhookSecrets = [secret]
        case .stripe:
            if config.mode == .production && seller.isPlaceholder {
                throw ConfigurationError.invalid(
                    key: "LESOCIAL_SELLER_NAME", value: "", expected: "les coordonnées du vendeur avant de vendre")
            }
            let stripe = try config.stripeConfiguration()
            sandbox = nil
            provider = StripeProvider(configuration: stripe, transport: CurlHTTPTransport())
            webhookSecrets = stripe.webhookSecrets
        case .none:
            sandbox = nil
            provider = nil
            webhookSecrets = []
        }

        (ring, ringStamp) = try Self.openKeyRing(at: keyRingPath, logger: logger)

        let db = try Database(path: config.databasePath)
        defer { db.close() }
        let created = try DefaultPlans.seed(db, now: Date())
        if created > 0 { logger.info("billing.plans.seeded", [("count", "\(created)")]) }
        logger.info(
            "billing.ready",
            [("provider", providerChoice.rawValue), ("test_mode", "\(provider?.isTestMode ?? false)")])
    }

    /// Whether orders can be taken.
    public var isSelling: Bool { provider != nil }

    /// Whether no real money moves (sandbox, or a Stripe test key).
    public var isTestMode: Bool { provider?.isTestMode ?? false }

    /// A checkout service on `db`, or `nil` when ordering is closed.
    public func checkout(db: Database, logger: Logger) -> CheckoutService? {
        provider.map { CheckoutService(db: db, provider: $0, logger: logger) }
    }

    /// The webhook processor on `db`.
    public func webhooks(db: Database, logger: Logger) -> WebhookProcessor {
        WebhookProcessor(db: db, secrets: webhookSecrets, seller: seller, logger: logger)
    }

    // MARK: - Access tokens

    /// The key ring as its file holds it now.
    public func keyRing() throws -> SigningKeyRing {
        lock.lock()
        defer { lock.unlock() }
        let stamp = FileStamp(path: keyRingPath)
        if stamp != ringStamp {
            ring = try SigningKeyRing.load(from: keyRingPath)
            ringStamp = stamp
        }
        return ring
    }

    /// The public keys served at `/.well-known/jwks.json`.
    public func jwks(now: Date) throws -> JSONWebKeySet {
        try keyRing().jwks(now: now)
    }

    /// A signed access token for `userID` carrying `entitlements`, issued at `now`.
    public func issueAccessToken(userID: Int64, entitlements: [EntitlementClaim], now: Date) throws -> String {
        let issuer = TokenIssuer(
            key: try keyRing().activeKey, issuer: issuer, audience: Self.audience, lifetime: Self.tokenLifetime,
            now: { now })
        return try issuer.issue(subject: "\(userID)", entitlements: entitlements)
    }

    /// The claims of a bearer token after every check, at `now` (the server clock, test clock aware).
    public func verifyAccessToken(_ token: String, now: Date) throws -> AccessClaims {
        let verifier = TokenVerifier(
            keys: try keyRing().publishedKeys(now: now), issuer: issuer, audience: Self.audience, now: { now })
        return try verifier.verify(token)
    }

    /// The claims of a bearer token after every check, at the current time.
    public func verifyAccessToken(_ token: String) throws -> AccessClaims {
        try verifyAccessToken(token, now: Date())
    }

    /// Reads the ring file, creating it with a fresh key on first start.
    private static func openKeyRing(at path: String, logger: Logger) throws -> (SigningKeyRing, FileStamp?) {
        if !FileManager.default.fileExists(atPath: path) {
            let ring = try SigningKeyRing.generate()
            try ring.save(to: path)
            logger.info("billing.keys.created", [("kid", ring.activeKey.publicKey.thumbprint)])
        }
        return (try SigningKeyRing.load(from: path), FileStamp(path: path))
    }
}

/// What tells a file was replaced or rewritten: its inode and modification time.
struct FileStamp: Equatable {
    var inode: UInt64
    var seconds: Int
    var nanoseconds: Int

    /// The stamp of `path`, or `nil` when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
