import CMicroHTTPD
import Foundation

/// Drives `MultipartReader` the way the server does, through a real libmicrohttpd connection.
///
/// libmicrohttpd's POST processor reads the boundary from its connection, so the harness runs a
/// daemon without a listening socket, in the fuzzer's own thread: each input is written as a
/// whole HTTP request into one end of a socket pair, the other end is handed to the daemon with
/// `MHD_add_connection`, and `MHD_run` is called until the daemon has answered and closed.
final class MultipartHarness {
    /// The one daemon of the fuzzing process.
    static let shared = MultipartHarness()

    private var daemon: OpaquePointer?
    private var body: [UInt8] = []
    /// Forms read from the last request, for the access handler to report.
    private(set) var lastForm: FormData?

    private init() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let flags = MHD_USE_NO_LISTEN_SOCKET.rawValue
        daemon = withVaList([MHD_OPTION.END.rawValue]) { arguments in
            MHD_start_daemon_va(flags, 0, nil, nil, MultipartHarness.access, context, arguments)
        }
        if daemon == nil { fatalError("fuzz harness: MHD_start_daemon_va returned NULL") }
    }

    /// Sends one `multipart/form-data` POST with `boundary` and `body`, and waits for the answer.
    func submit(boundary: [UInt8], body: [UInt8]) {
        let cleanBoundary = boundary.filter { $0 != UInt8(ascii: "\r") && $0 != 0 }
        var request = Array("POST /upload HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n".utf8)
        request += Array("Content-Type: multipart/form-data; boundary=".utf8) + cleanBoundary
        request += Array("\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body

        var sockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0 else {
            fatalError("fuzz harness: socketpair failed, errno \(errno)")
        }
        let client = sockets[0]
        defer { close(client) }
        guard fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK) == 0 else {
            fatalError("fuzz harness: fcntl failed, errno \(errno)")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let added = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                MHD_add_connection(daemon, sockets[1], $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard added == .YES else { fatalError("fuzz harness: MHD_add_connection failed") }

        self.body = []
        lastForm = nil
        exchange(request, over: client)
    }

    /// Writes `request` and runs the daemon until it closes the connection.
    private func exchange(_ request: [UInt8], over client: Int32) {
        var sent = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<100_000 {
            if sent < request.count {
                let written = request[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                if written > 0 { sent += written }
            }
            guard MHD_run(daemon) == .YES else { fatalError("fuzz harness: MHD_run failed") }
            let received = read(client, &buffer, buffer.count)
            if received == 0 || (received < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                return
            }
        }
        fatalError("fuzz harness: no answer after 100000 daemon runs")
    }

    /// Headers first (nothing to do), then body chunks, then the final call that reads the form.
    private static let access: MHD_AccessHandlerCallback = {
        context, connection, _, _, _, data, size, slot in
        guard let context, let size, let slot else { return .NO }
        let harness = Unmanaged<MultipartHarness>.fromOpaque(context).takeUnretainedValue()
        if slot.pointee == nil {
            slot.pointee = context
            return .YES
        }
        if size.pointee > 0, let data {
            harness.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size.pointee))
            size.pointee = 0
            return .YES
        }
        harness.lastForm = MultipartReader.read(harness.body, connection: connection)
        let status: UInt32 = harness.lastForm == nil ? 400 : 200
        guard let response = MHD_create_response_from_buffer(0, nil, .RESPMEM_PERSISTENT) else { return .NO }
        defer { MHD_destroy_response(response) }
        return MHD_queue_response(connection, status, response)
    }
}
