import Foundation
import Logging
import Testing

@testable import Web

/// The middleware a real application installs, exercised over a socket.
@Suite struct FullStackTests {
    private func makeFiles() throws -> StaticFiles {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("web-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("svg".utf8).write(to: URL(fileURLWithPath: directory + "/logo.svg"))
        return try StaticFiles(directory: directory)
    }

    private func configure(_ router: Router, metrics: Metrics, files: StaticFiles) {
        router.use(RequestLogMiddleware(logger: Logger(label: "web", minimumLevel: .error)))
        router.use(MetricsMiddleware(metrics: metrics))
        router.use(SecurityHeadersMiddleware())
        files.register(on: router)
        router.get("/metrics") { _ in .text(metrics.render()) }
    }

    @Test func servesStaticFilesWithETagsAnd304OverASocket() throws {
        let metrics = Metrics()
        let files = try makeFiles()
        try withServer({ configure($0, metrics: metrics, files: files) }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/static/logo.svg"))
            let first = try client.readReply()
            let etag = first.header("ETag") ?? ""
            client.send(getRequest("/static/logo.svg", headers: "If-None-Match: \(etag)\r\n"))
            let second = try client.readReply()
            client.send("HEAD /static/logo.svg HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readReply(expectBody: false)

            #expect(first.status == 200)
            #expect(first.text == "svg")
            #expect(first.header("Content-Type") == "image/svg+xml")
            #expect(etag.count == 18)
            #expect(second.status == 304)
            #expect(second.header("ETag") == etag)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "3")
        }
    }

    @Test func everyResponseCarriesSecurityHeadersAndARequestID() throws {
        let metrics = Metrics()
        let files = try makeFiles()
        try withServer({ configure($0, metrics: metrics, files: files) }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/absent", headers: "X-Request-Id: trace-77\r\n"))
            let reply = try client.readReply()
            #expect(reply.status == 404)
            #expect(reply.header("X-Request-Id") == "trace-77")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(reply.header("X-Frame-Options") == "DENY")
            #expect(
                reply.header("Content-Security-Policy")?.hasPrefix("default-src 'self'; script-src 'self';") == true)

            let refused = try RawHTTPClient(port: server.port)
            refused.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 999999\r\n\r\n")
            let tooLarge = try refused.readReply()
            #expect(tooLarge.status == 413)
            #expect(tooLarge.header("X-Frame-Options") == "DENY")
        }
    }

    @Test func metricsShowACounterLineAfterARequest() throws {
        let metrics = Metrics()
        let files = try makeFiles()
        try withServer({ configure($0, metrics: metrics, files: files) }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/static/logo.svg"))
            _ = try client.readReply()
            client.send(getRequest("/metrics"))
            let reply = try client.readReply()
            #expect(reply.text.contains("http_requests_total{route=\"static\",method=\"GET\",status=\"200\"} 1\n"))
            #expect(reply.text.contains("http_requests_in_flight 1\n"))
        }
    }
}
