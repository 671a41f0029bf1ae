import Foundation
import Testing
import Web

@testable import Portal

/// The portal served by the real libmicrohttpd server on a loopback port.
@Suite struct RealSocketTests {
    /// Sends raw bytes and reads the whole answer (the server closes: `Connection: close`).
    static func exchange(port: UInt16, _ text: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if count <= 0 { break }
            answer.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// The portal of a fresh fixture on a free loopback port, started; the caller keeps the fixture (its
    /// data folder goes with it) and stops the server.
    static func startedServer() throws -> (PortalFixture, HTTPServer) {
        let fixture = try PortalFixture()
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 2), responder: fixture.app.router)
        try server.start()
        return (fixture, server)
    }

    @Test func healthHomeAndOversizedFormOverARealSocket() throws {
        let (fixture, server) = try Self.startedServer()
        defer { withExtendedLifetime(fixture) { server.stop() } }

        let health = try Self.exchange(
            port: server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(health.hasPrefix("HTTP/1.1 200"))
        #expect(health.hasSuffix("ok\n"))

        let home = try Self.exchange(port: server.port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(home.contains("Content-Security-Policy:"))
        #expect(home.contains("<html lang=\"fr\">"))

        let oversized = try Self.exchange(
            port: server.port,
            "POST /connexion HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\n\r\n")
        #expect(oversized.hasPrefix("HTTP/1.1 413"))
        #expect(oversized.contains("Envoi trop volumineux"))

        let malformed = try Self.exchange(
            port: server.port,
            "POST /connexion HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n\r\nemail=%ZZ")
        #expect(malformed.hasPrefix("HTTP/1.1 400"))
    }

    /// A browser's headers with many cookies (other sites' tools on the same domain add theirs) still get a
    /// whole page. With 16 KiB per connection, libmicrohttpd 0.9.75 closed the connection without a byte
    /// from about 7.6 KB of request headers (its response headers no longer fitted), then sent 431 twice.
    @Test func aPageWithTwelveKilobytesOfCookiesArrivesWhole() throws {
        let (fixture, server) = try Self.startedServer()
        defer { withExtendedLifetime(fixture) { server.stop() } }

        for size in [4_000, 8_000, 12_000] {
            let cookies = (0..<(size / 2_000)).map { "outil\($0)=" + String(repeating: "c", count: 1_990) }
            let request =
                "GET /preparations/ifsi HTTP/1.1\r\nHost: lesocial.test\r\nConnection: close\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Language: fr-FR,fr;q=0.9\r\nAccept-Encoding: gzip, deflate, br\r\n"
                + "Cookie: \(cookies.joined(separator: "; "))\r\n\r\n"
            let answer = try Self.exchange(port: server.port, request)
            let parts = answer.components(separatedBy: "\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(size) bytes of cookies: \(answer.prefix(80))")
            let length = parts.first?.components(separatedBy: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
            let body = parts.dropFirst().joined(separator: "\r\n\r\n")
            #expect(length == body.utf8.count, "\(size) bytes of cookies")
            #expect(body.contains("</html>"))
        }
    }
}
