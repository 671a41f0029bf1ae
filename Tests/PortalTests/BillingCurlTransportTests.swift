import Billing
import Foundation
import Logging
import Testing
import Web

@testable import Portal

@Suite struct BillingCurlTransportTests {
    @Test func postSendsMethodHeadersAndBodyAndReadsTheAnswer() throws {
        let server = try LocalHTTPServer { request in
            var response = Response.json(bytes: Array(#"{"echo":"\#(request.form.value("name") ?? "")"}"#.utf8))
            response.status = 201
            return response
        }
        defer { server.stop() }

        let response = try CurlHTTPTransport().send(
            HTTPRequest(
                method: "POST", url: server.base + "/v1/things",
                headers: [
                    HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                    HTTPHeader("Idempotency-Key", "k1"),
                ],
                body: Array("name=caf%C3%A9".utf8)))

        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"echo":"café"}"#)
        let request = try #require(server.lastRequest)
        #expect(request.method == .post)
        #expect(request.path == "/v1/things")
        #expect(request.headers["Idempotency-Key"] == "k1")
    }

    @Test func getWithoutBodyAndErrorStatusesAreNormalResponses() throws {
        let server = try LocalHTTPServer { _ in Response.text("refusé", status: 402) }
        defer { server.stop() }

        let response = try CurlHTTPTransport().send(
            HTTPRequest(method: "GET", url: server.base + "/etat", headers: [], body: []))

        #expect(response.status == 402)
        #expect(String(decoding: response.body, as: UTF8.self) == "refusé")
        #expect(server.lastRequest?.method == .get)
    }

    @Test func unreachableServerThrowsNamingTheFailure() throws {
        let server = try LocalHTTPServer { _ in Response.text("") }
        let base = server.base
        server.stop()

        #expect {
            try CurlHTTPTransport(timeoutSeconds: 5).send(
                HTTPRequest(method: "GET", url: base + "/", headers: [], body: []))
        } throws: { error in
            "\(error)".hasPrefix("http: perform GET failed:")
        }
    }

    @Test func otherSchemesThanHTTPAreRefused() throws {
        #expect(throws: CurlHTTPTransport.Failure.self) {
            try CurlHTTPTransport().send(HTTPRequest(method: "GET", url: "file:///etc/passwd", headers: [], body: []))
        }
    }
}

/// A real HTTP server on a free loopback port answering with `handler`, keeping the requests it saw.
final class LocalHTTPServer: HTTPResponder, @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [Request] = []
    private let handler: @Sendable (Request) -> Response
    private var server: HTTPServer!

    init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        server = HTTPServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, threads: 1), responder: self,
            logger: Logger(label: "local", minimumLevel: .error))
        try server.start()
    }

    /// `http://127.0.0.1:<port>`.
    var base: String { "http://127.0.0.1:\(server.port)" }

    /// The last request received.
    var lastRequest: Request? {
        lock.lock()
        defer { lock.unlock() }
        return requests.last
    }

    func stop() {
        server.stop()
    }

    func respond(to request: Request) -> Response {
        lock.lock()
        requests.append(request)
        lock.unlock()
        return handler(request)
    }

    func respond(to request: Request, refusing error: HTTPError) -> Response {
        Response.text(error.message, status: error.status)
    }
}
