import Accounts
import Exams
import Foundation
import Logging
import Mustache
import Security
import Storage
import Web

/// The LeSocial application: configuration, database, templates and the route table.
///
/// It holds no per-request state; each pool thread uses its own SQLite connection.
public final class App: @unchecked Sendable {
    public let config: Configuration
    public let pool: DatabasePool
    public let templates: TemplateLibrary
    public let staticFiles: StaticFiles
    public let clock: ServerClock
    public let csrf: CSRFTokens
    public let accountSettings: AccountService.Settings
    public let metrics: Metrics
    public let selectionPages: SelectionPages
    /// Payment providers, webhook secrets and token keys (see `Billing/BillingSetup.swift`).
    public let billing: BillingSetup
    public let logger: Logger
    public let router: Router

    static let sessionCookie = "lesocial_session"
    static let visitorCookie = "lesocial_visiteur"

    /// Opens the data folder, migrates the database, loads templates and static files.
    public init(config: Configuration, logger: Logger = Logger(label: "portal")) throws {
        self.config = config
        self.logger = logger
        try DataFolder.prepare(config.dataDirectory)
        let secrets = try Secrets.load(from: config.dataDirectory.appendingPathComponent("secrets.json"))

        let path = config.databasePath
        let setupDB = try Database(path: path)
        let (from, to) = try Schema.migrator.migrate(setupDB)
        if from != to { logger.info("portal.migrated", [("from", "\(from)"), ("to", "\(to)")]) }
        App.syncBanks(setupDB, directory: config.banksDirectory, logger: logger)
        setupDB.close()

        pool = DatabasePool(path: path)
        templates = try TemplateLibrary(directory: config.templatesDirectory)
        staticFiles = try StaticFiles(directory: config.publicDirectory.path, prefix: "/static/")
        clock = ServerClock(adjustable: config.testClock)
        csrf = CSRFTokens(secret: secrets.csrfKey)
        let hasher = PasswordHasher(parameters: config.fastPasswordHashing ? .testing : .owasp)
        accountSettings = AccountService.Settings(hasher: hasher, baseURL: config.baseURL)
        metrics = Metrics()
        selectionPages = SelectionPages(banksDirectory: config.banksDirectory)
        billing = try BillingSetup(config: config, logger: logger)
        router = Router()
        router.use(RequestLogMiddleware(logger: Logger(label: "web")))
        router.use(MetricsMiddleware(metrics: metrics))
        router.use(SecurityHeadersMiddleware())
        router.errorRenderer = { [unowned self] error, request in
            self.plainErrorPage(status: error.status, request: request)
        }
        Routes.install(on: self)
    }

    /// Registers a page handler; the wrapper loads the session and checks CSRF on unsafe methods.
    func route(
        _ method: HTTPMethod, _ pattern: String, deferred: Bool = false,
        _ handler: @escaping (inout Context) throws -> Response
    ) {
        router.add(method, pattern, deferred: deferred) { [unowned self] request in
            try self.run(request, handler)
        }
    }

    /// Registers a handler that needs neither session nor CSRF (health, metrics, static files).
    func bare(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping (Request) throws -> Response) {
        router.add(method, pattern, handler)
    }

    private func run(_ request: Request, _ handler: (inout Context) throws -> Response) throws -> Response {
        let db = try pool.connection()
        let now = clock.now()
        let requestLogger = logger.with([("request_id", request.requestID)])

        var user: User?
        var sessionID = request.cookies[App.sessionCookie]
        var sessionEnded = false
        if let id = sessionID {
            user = try SessionStore(db).user(sessionID: id, now: now)
            if user == nil {
                sessionID = nil
                sessionEnded = true
            }
        }
        // A bearer token replaces the session on the API; it carries no ambient credential, so no CSRF.
        var bearer = false
        if request.path.hasPrefix("/api/"), request.headers["Authorization"] != nil {
            do {
                if let claims = try BearerAuthentication.claims(of: request, app: self, now: now) {
                    guard let id = Int64(claims.sub), let owner = try UserStore(db).find(id: id) else {
                        return APIError(status: 401, code: "invalid_token", message: "Jeton d'accès inconnu.").response
                    }
                    user = owner
                    sessionID = nil
                    bearer = true
                }
            } catch let error as TokenError {
                return APIError(status: 401, code: "invalid_token", message: error.frenchDescription).response
            }
        }
        var newVisitor: String?
        let subject: String
        if let sessionID {
            subject = "s:" + sessionID
        } else if let visitor = request.cookies[App.visitorCookie], visitor.count == 43 {
            subject = "v:" + visitor
        } else {
            let visitor = SecureRandom.token(byteCount: 32)
            newVisitor = visitor
            subject = "v:" + visitor
        }

        // A session that ended (expired, or "se déconnecter partout" elsewhere) while a page was open:
        // say so and send the user to log in again, rather than failing as a stranger would.
        if sessionEnded && !bearer && (request.path.hasPrefix("/epreuves/") || request.path.hasPrefix("/api/")) {
            requestLogger.info("portal.session.ended", [("path", request.path)])
            return sessionEndedResponse(request)
        }

        var context = Context(
            request: request, app: self, db: db, logger: requestLogger, now: now, user: user,
            sessionID: sessionID, csrfSubject: subject)
        var response: Response
        do {
            if !request.method.isSafe && !bearer {
                guard let token = request.form.value("csrf") ?? request.headers["X-CSRF-Token"],
                    csrf.verify(token, sessionID: subject)
                else {
                    requestLogger.warning("portal.csrf.refused", [("path", request.path)])
                    throw PortalError.csrfRejected
                }
            }
            response = try handler(&context)
        } catch let error as PortalError {
            response = try errorPage(error, context: context)
        } catch let error as AttemptError {
            response = try errorPage(error, context: context)
        }

        if let visitor = newVisitor {
            response.setCookie(
                Cookie(
                    name: App.visitorCookie, value: visitor, path: "/", maxAge: 180 * 24 * 3600,
                    httpOnly: true, secure: config.secureCookies, sameSite: .lax))
        }
        if sessionEnded { response.setCookie(Cookie.deletion(name: App.sessionCookie)) }
        for cookie in context.pendingCookies { response.setCookie(cookie) }
        return response
    }

    /// The answer to a request made with a session that has ended: 401 JSON on the API, the login page otherwise.
    func sessionEndedResponse(_ request: Request) -> Response {
        var response: Response
        if request.path.hasPrefix("/api/") {
            response =
                APIError(
                    status: 401, code: "session_expired",
                    message: "Votre session a pris fin : reconnectez-vous pour continuer. "
                        + "Vos réponses enregistrées sont conservées."
                ).response
        } else {
            let referer = request.headers["Referer"].flatMap(URL.init(string:))?.path ?? "/"
            let back = request.method.isSafe ? request.path : referer
            let next = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            response = Response.redirect(to: "/connexion?suite=" + next)
            response.setCookie(Notice.named("session-terminee")!.cookie(secure: config.secureCookies))
        }
        response.setCookie(Cookie.deletion(name: App.sessionCookie))
        return response
    }

    /// The session cookie for a freshly opened session.
    func sessionCookie(_ id: String) -> Cookie {
        Cookie(
            name: App.sessionCookie, value: id, path: "/", maxAge: Int(SessionStore.idleLifetime),
            httpOnly: true, secure: config.secureCookies, sameSite: .lax)
    }

    /// Handles one request end to end (used by the server and by in-process tests).
    public func handle(_ request: Request) -> Response {
        router.respond(to: request)
    }
}

extension App {
    /// Brings the database up to date with `QuestionBanks/`; a broken bank keeps the previous questions.
    static func syncBanks(_ db: Database, directory: URL, logger: Logger) {
        do {
            if let report = try BankSync(db: db, logger: logger).syncIfChanged(root: directory, now: Date()) {
                logger.info("portal.banks.synced", [("summary", report.summary)])
            } else {
                logger.debug("portal.banks.unchanged")
            }
        } catch let error as BankSyncError {
            for problem in error.problems {
                logger.error("portal.banks.refused", [("problem", problem.description)])
            }
        } catch {
            logger.error("portal.banks.failed", [("error", "\(error)")])
        }
    }

    /// The mail transport named by `LESOCIAL_MAIL`.
    func mailTransport() throws -> MailTransport {
        if config.mailTransport == "files" { return FileMailTransport(directory: config.mailDirectory) }
        guard let url = URL(string: config.mailTransport), url.scheme == "smtp" || url.scheme == "smtps",
            url.host != nil
        else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_MAIL", value: "(masqué)", expected: "files ou une adresse smtp://hôte:port")
        }
        return SMTPMailTransport(url: url)
    }
}
