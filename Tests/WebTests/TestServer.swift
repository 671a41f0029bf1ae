import Foundation
import Logging

@testable import Web

/// A logger that drops everything below error, to keep test output readable.
let quietLogger = Logger(label: "web", minimumLevel: .error)

/// Starts a server on an ephemeral port for one test and stops it afterwards.
func withServer(
    _ configure: (Router) -> Void, router: Router = Router(),
    configuration: ServerConfiguration = ServerConfiguration(port: 0, threads: 2),
    _ body: (HTTPServer) throws -> Void
) throws {
    configure(router)
    let server = HTTPServer(
        configuration: configuration, responder: router, logger: quietLogger)
    try server.start()
    defer { server.stop() }
    try body(server)
}

/// A plain `GET` request text.
func getRequest(_ target: String, headers: String = "") -> String {
    "GET \(target) HTTP/1.1\r\nHost: localhost\r\n\(headers)\r\n"
}

/// A request with a body and its `Content-Length`.
func requestWithBody(_ method: String, _ target: String, contentType: String, body: [UInt8]) -> [UInt8] {
    let head =
        "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(contentType)\r\n"
        + "Content-Length: \(body.count)\r\n\r\n"
    return Array(head.utf8) + body
}

/// Runs `server.stop()` on another thread and returns once the server no longer accepts connections;
/// the semaphore is signalled when `stop()` returns.
func beginStopping(_ server: HTTPServer) -> DispatchSemaphore {
    let stopped = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        server.stop()
        stopped.signal()
    }
    while server.isAcceptingConnections {
        usleep(1000)
    }
    return stopped
}
