import Foundation
import Logging
import Security
import Storage

/// The account flows: registration, confirmation, login, logout, reset, export, deletion.
///
/// Handlers call it with the request's connection; it holds no connection of its own.
public struct AccountService {
    /// Minimum length of a new password.
    public static let minimumPasswordLength = 10

    /// Settings shared by every call (hasher, limiters, site address).
    public struct Settings: Sendable {
        public var hasher: PasswordHasher
        public var baseURL: String
        /// Login attempts per account (10 per 15 minutes).
        public var loginLimiter: RateLimiter
        /// Login attempts per address, looser: a school's pupils may share one address.
        public var loginAddressLimiter: RateLimiter
        public var registrationLimiter: RateLimiter
        public var resetLimiter: RateLimiter
        /// A hash of a random secret, checked for unknown addresses so they take as long as known ones.
        let decoy = DecoyHash()

        public init(hasher: PasswordHasher, baseURL: String) {
            self.hasher = hasher
            self.baseURL = baseURL
            self.loginLimiter = RateLimiter(limit: 10, window: 15 * 60)
            self.loginAddressLimiter = RateLimiter(limit: 60, window: 15 * 60)
            self.registrationLimiter = RateLimiter(limit: 5, window: 3600)
            self.resetLimiter = RateLimiter(limit: 5, window: 3600)
        }
    }

    let db: Database
    let settings: Settings
    let now: Date
    let logger: Logger

    public init(db: Database, settings: Settings, now: Date, logger: Logger) {
        self.db = db
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    var users: UserStore { UserStore(db) }
    var sessions: SessionStore { SessionStore(db) }
    var tokens: EmailTokenStore { EmailTokenStore(db) }
    var outbox: Outbox { Outbox(db) }

    // MARK: - Registration

    /// Creates an unconfirmed member account and mails the confirmation link.
    public func register(email rawEmail: String, displayName rawName: String, password: String, address: String)
        throws -> User
    {
        let email = try Self.normalizedEmail(rawEmail)
        let name = try Self.cleanDisplayName(rawName)
        try Self.checkNewPassword(password)
        if let wait = settings.registrationLimiter.hit(["register:ip:\(address)"], now: now) {
            logger.warning("accounts.register.rate_limited", [("remote", address)])
            throw AccountError.tooManyAttempts(retryAfterSeconds: wait)
        }

        let hash = try settings.hasher.hash(password)
        let user = try db.transaction {
            let user = try users.create(
                email: email, displayName: name, passwordHash: hash, role: .member, confirmed: false, now: now)
            try sendConfirmation(to: user)
            return user
        }
        logger.info("accounts.registered", [("user_id", "\(user.id)")])
        return user
    }

    /// Mails a fresh confirmation link, voiding older ones.
    public func sendConfirmation(to user: User) throws {
        try tokens.revokeAll(userID: user.id, purpose: .confirmEmail, now: now)
        let token = try tokens.issue(userID: user.id, purpose: .confirmEmail, now: now)
        try outbox.enqueue(
            to: user.email, subject: "Confirmez votre adresse sur LeSocial",
            body: """
                Bonjour \(user.displayName),

                Pour activer votre compte LeSocial, ouvrez ce lien dans les 48 heures :
                \(settings.baseURL)/compte/confirmer?jeton=\(token)

                Si vous n'avez pas créé de compte, ignorez ce message.

                L'équipe LeSocial
                """,
            now: now)
    }

    /// Confirms the address behind a link; returns the user.
    public func confirm(token: String) throws -> User {
        try db.transaction {
            let userID = try tokens.consume(token, purpose: .confirmEmail, now: now)
            try users.confirmEmail(userID: userID, now: now)
            guard let user = try users.find(id: userID) else { throw AccountError.tokenInvalid }
            return user
        }
    }

    // MARK: - Login

    /// Checks the credentials and opens a session; returns the user and the session id.
    ///
    /// The same error covers an unknown address and a wrong password. Unconfirmed
    /// accounts may log in: confirmation gates posting and paying, not reading.
    public func login(email rawEmail: String, password: String, address: String, userAgent: String)
        throws -> (user: User, sessionID: String)
    {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let wait = [
            settings.loginAddressLimiter.hit(["login:ip:\(address)"], now: now),
            settings.loginLimiter.hit(["login:account:\(email)"], now: now),
        ].compactMap { $0 }.max()
        if let wait {
            logger.warning("accounts.login.rate_limited", [("remote", address)])
            throw AccountError.tooManyAttempts(retryAfterSeconds: wait)
        }

        guard let found = try users.findWithHash(email: email),
            settings.hasher.verify(password, against: found.passwordHash)
        else {
            // Spend the same time on unknown addresses so timing does not reveal accounts.
            if (try? users.findWithHash(email: email)) == nil {
                _ = settings.hasher.verify(password, against: settings.decoy.hash(with: settings.hasher))
            }
            logger.warning("accounts.login.refused", [("remote", address)])
            throw AccountError.invalidCredentials
        }

        if settings.hasher.needsRehash(found.passwordHash) {
            try users.setPasswordHash(userID: found.user.id, try settings.hasher.hash(password))
            logger.info("accounts.password.rehashed", [("user_id", "\(found.user.id)")])
        }
        settings.loginLimiter.reset("login:account:\(email)")
        let sessionID = try sessions.create(userID: found.user.id, userAgent: userAgent, now: now)
        logger.info("accounts.login", [("user_id", "\(found.user.id)")])
        return (found.user, sessionID)
    }

    /// Opens a session for a user whose identity was just proven (registration).
    public func openSession(userID: Int64, userAgent: String) throws -> String {
        try sessions.create(userID: userID, userAgent: userAgent, now: now)
    }

    /// Ends one session.
    public func logout(sessionID: String) throws {
        try sessions.delete(sessionID: sessionID)
    }

    /// Ends every session of the user, on every device.
    public func logoutEverywhere(userID: Int64) throws -> Int {
        let count = try sessions.deleteAll(userID: userID)
        logger.info("accounts.logout_everywhere", [("user_id", "\(userID)"), ("sessions", "\(count)")])
        return count
    }

    // MARK: - Password reset

    /// Mails a single-use reset link if the address has an account; silent otherwise.
    public func requestPasswordReset(email rawEmail: String, address: String) throws {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let wait = settings.resetLimiter.hit(["reset:ip:\(address)", "reset:account:\(email)"], now: now) {
            logger.warning("accounts.reset.rate_limited", [("remote", address)])
            throw AccountError.tooManyAttempts(retryAfterSeconds: wait)
        }
        guard let user = try users.findWithHash(email: email)?.user else { return }

        try db.transaction {
            try tokens.revokeAll(userID: user.id, purpose: .resetPassword, now: now)
            let token = try tokens.issue(userID: user.id, purpose: .resetPassword, now: now)
            try outbox.enqueue(
                to: user.email, subject: "Réinitialisation de votre mot de passe LeSocial",
                body: """
                    Bonjour \(user.displayName),

                    Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :
                    \(settings.baseURL)/compte/mot-de-passe/nouveau?jeton=\(token)

                    Le lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message :
                    votre mot de passe actuel reste valable.

                    L'équipe LeSocial
                    """,
                now: now)
        }
        logger.info("accounts.reset.requested", [("user_id", "\(user.id)")])
    }

    /// Sets a new password through a reset link and ends every session of the account.
    public func resetPassword(token: String, newPassword: String) throws -> User {
        try Self.checkNewPassword(newPassword)
        let hash = try settings.hasher.hash(newPassword)
        let user = try db.transaction {
            let userID = try tokens.consume(token, purpose: .resetPassword, now: now)
            try users.setPasswordHash(userID: userID, hash)
            try users.confirmEmail(userID: userID, now: now)
            try sessions.deleteAll(userID: userID)
            guard let user = try users.find(id: userID) else { throw AccountError.tokenInvalid }
            return user
        }
        logger.info("accounts.reset.done", [("user_id", "\(user.id)")])
        return user
    }

    /// Changes the password of a logged-in user who knows the current one.
    public func changePassword(userID: Int64, current: String, new: String) throws {
        guard let stored = try users.passwordHash(userID: userID),
            settings.hasher.verify(current, against: stored)
        else { throw AccountError.wrongPassword }
        try Self.checkNewPassword(new)
        try users.setPasswordHash(userID: userID, try settings.hasher.hash(new))
    }

    // MARK: - RGPD

    /// Deletes the account and everything tied to it, after checking the password.
    public func deleteAccount(userID: Int64, password: String) throws {
        guard let stored = try users.passwordHash(userID: userID),
            settings.hasher.verify(password, against: stored)
        else { throw AccountError.wrongPassword }
        guard let user = try users.find(id: userID) else { return }
        try db.transaction {
            try outbox.deleteAll(recipient: user.email)
            try users.delete(userID: userID)
        }
        logger.info("accounts.deleted", [("user_id", "\(userID)")])
    }

    // MARK: - Rules

    /// Trims, lowercases and checks the shape of an address.
    public static func normalizedEmail(_ raw: String) throws -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { throw AccountError.invalidEmail }
        return email
    }

    /// The name as shown to others: control and direction-override characters removed, spaces collapsed.
    public static func cleanDisplayName(_ raw: String) throws -> String {
        let kept = raw.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.properties.isWhitespace { return " " }
            let category = scalar.properties.generalCategory
            return category == .control || category == .format ? nil : scalar
        }
        let name = String(String.UnicodeScalarView(kept))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if name.isEmpty { throw AccountError.displayNameMissing }
        if name.count > 60 { throw AccountError.displayNameTooLong }
        return name
    }

    /// Refuses passwords shorter than the minimum, made of spaces only, or absurdly long.
    public static func checkNewPassword(_ password: String) throws {
        if password.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !password.isEmpty {
            throw AccountError.passwordBlank
        }
        if password.count < minimumPasswordLength {
            throw AccountError.passwordTooShort(minimum: minimumPasswordLength)
        }
        if password.utf8.count > 256 { throw AccountError.passwordTooLong }
    }

}
