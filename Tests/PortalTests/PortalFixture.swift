import Foundation
import Logging
import Portal
import Web

/// A portal on a fresh data folder, driven in process through its router like a browser would.
final class PortalFixture {
    let dataDirectory: URL
    let app: App
    let logLines = LogLines()

    /// The repository root, found from this file's path.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    init(environment extra: [String: String] = [:]) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)")
        var environment = [
            "LESOCIAL_ENV": "test",
            "LESOCIAL_DATA": dataDirectory.path,
            "LESOCIAL_ROOT": PortalFixture.root.path,
            "LESOCIAL_FAST_HASHING": "1",
            "LESOCIAL_BASE_URL": "http://lesocial.test",
        ]
        environment.merge(extra) { _, new in new }
        let sink = logLines
        app = try App(
            config: try Configuration(environment: environment),
            logger: Logger(label: "portal", minimumLevel: .debug, sink: { sink.append($0) }))
    }

    deinit {
        app.pool.closeAll()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// A new browser with an empty cookie jar.
    func browser(address: String = "127.0.0.1") -> Browser {
        Browser(app: app, address: address)
    }

    /// The token of the last link mailed to `email` for `path`, read from the outbox.
    func mailedToken(to email: String, path: String) throws -> String? {
        let db = try app.pool.connection()
        let rows = try db.query("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", email)
        guard let body = rows.first?.string("body"), let range = body.range(of: path + "?jeton=") else { return nil }
        return String(body[range.upperBound...].prefix { !$0.isWhitespace })
    }
}

/// A cookie-keeping client that sends requests through the app's router.
final class Browser {
    let app: App
    let address: String
    var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    var csrf: String?

    init(app: App, address: String) {
        self.app = app
        self.address = address
    }

    @discardableResult
    func get(_ target: String, headers: [(String, String)] = []) throws -> Response {
        try send(.get, target, headers: headers)
    }

    /// Posts a form, adding the CSRF token of the last page unless `csrf` is given (use "" for none).
    @discardableResult
    func post(_ target: String, _ fields: [(String, String)], csrf: String? = nil) throws -> Response {
        var all = fields
        let token = csrf ?? self.csrf ?? ""
        if !token.isEmpty { all.append(("csrf", token)) }
        let body = all.map { "\(URLEncoding.encode($0.0))=\(URLEncoding.encode($0.1))" }.joined(separator: "&")
        return try send(
            .post, target, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [])
        throws -> Response
    {
        var all = HTTPHeaders(headers)
        if !cookies.isEmpty {
            all.add("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        all.add("User-Agent", "PortalTests")
        let request = try Request(method: method, target: target, headers: all, body: body, remoteAddress: address)
        let response = app.handle(request)
        for header in response.headers.values("Set-Cookie") { remember(header) }
        if let token = Browser.csrfToken(in: response.bodyText) { csrf = token }
        return response
    }

    private func remember(_ header: String) {
        let pair = header.split(separator: ";", maxSplits: 1)[0]
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        if header.contains("Max-Age=0") || parts[1].isEmpty {
            cookies[parts[0]] = nil
        } else {
            cookies[parts[0]] = parts[1]
        }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Log lines kept in memory.
final class LogLines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    func contains(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return lines.contains { $0.contains(text) }
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
