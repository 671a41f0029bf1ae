import CMicroHTTPD
import Foundation
import Logging

/// What libmicrohttpd's callbacks reach through their `cls` pointer: settings, responder, counters.
///
/// Its methods run on the daemon's threads; everything they share is
/// immutable or guarded by `condition`.
final class ServerCore: @unchecked Sendable {
    /// The server's settings.
    let configuration: ServerConfiguration
    /// Where complete requests go.
    let responder: HTTPResponder
    /// The server's logger; requests get a copy stamped with their id.
    let logger: Logger
    /// Reads peer addresses of connections.
    let clientAddress = ClientAddress()
    /// Runs the requests of deferred routes; `nil` when the configuration asks for no lane.
    let lane: DeferredLane?

    private let condition = NSCondition()
    private var inFlight = 0
    private var lastMessage: String?

    /// Creates the shared state of one server.
    init(configuration: ServerConfiguration, responder: HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        lane = configuration.deferredThreads > 0 ? DeferredLane(threads: configuration.deferredThreads) : nil
    }

    // MARK: - Daemon messages

    /// Logs a message of libmicrohttpd and keeps it as the reason of a failed start.
    func recordDaemonMessage(_ message: String) {
        logger.debug("server.libmicrohttpd", [("detail", message)])
        condition.lock()
        lastMessage = message
        condition.unlock()
    }

    /// The last message libmicrohttpd logged, if any.
    var lastDaemonMessage: String? {
        condition.lock()
        defer { condition.unlock() }
        return lastMessage
    }

    // MARK: - Requests in flight

    /// Requests whose request line has arrived and whose completion has not been reported.
    var requestsInFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return inFlight
    }

    /// Counts a request whose request line has arrived.
    func requestBegan() {
        condition.lock()
        inFlight += 1
        condition.unlock()
    }

    /// Counts a request as completed and wakes `stop()` when none is left.
    func requestEnded() {
        condition.lock()
        inFlight -= 1
        if inFlight == 0 {
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Waits until no request is in flight or `deadline` passes; returns whether all finished.
    func waitUntilIdle(before deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while inFlight > 0 {
            guard condition.wait(until: deadline) else { return inFlight == 0 }
        }
        return true
    }

    // MARK: - Access handler

    /// One call of the access handler: headers first, then body chunks, then the final call that answers.
    func handle(
        _ connection: OpaquePointer?, method: UnsafePointer<CChar>?, data: UnsafePointer<CChar>?,
        size: UnsafeMutablePointer<Int>, exchange: Exchange
    ) -> MHD_Result {
        if !exchange.headersRead {
            return readHeaders(connection, method: method, exchange: exchange)
        }
        if size.pointee > 0 {
            let chunk = UnsafeRawBufferPointer(
                start: data.map { UnsafeRawPointer($0) }, count: data == nil ? 0 : size.pointee)
            size.pointee = 0
            return receive(chunk, exchange: exchange)
        }
        if exchange.answered {
            return .YES
        }
        if let response = exchange.deferredResponse {
            exchange.deferredResponse = nil
            return queue(response, connection, exchange: exchange)
        }
        if exchange.bodyRefused {
            return refuse(connection, exchange: exchange, with: HTTPError(status: 413))
        }
        return answer(connection, exchange: exchange)
    }

    private func readHeaders(_ connection: OpaquePointer?, method: UnsafePointer<CChar>?, exchange: Exchange)
        -> MHD_Result
    {
        exchange.headersRead = true
        exchange.method = HTTPMethod(rawValue: method.map { String(cString: $0) } ?? "GET")
        exchange.headers = HeaderReader.read(connection)
        let mediaType = exchange.headers["Content-Type"]?.lowercased() ?? ""
        exchange.bodyLimit =
            mediaType.hasPrefix("multipart/form-data")
            ? configuration.maxUploadBodyBytes : configuration.maxFormBodyBytes

        if let declared = exchange.headers["Content-Length"].flatMap({ Int(HTTPSpace.trimmed($0)) }),
            declared > exchange.bodyLimit
        {
            return refuse(connection, exchange: exchange, with: HTTPError(status: 413))
        }
        return .YES
    }

    /// Buffers a body chunk; past the limit, discards the rest so the final call can answer 413.
    ///
    /// libmicrohttpd cannot queue a response while it hands over body data,
    /// so the refusal waits for the end of the body; a client that keeps
    /// sending far past the limit is disconnected instead.
    private func receive(_ chunk: UnsafeRawBufferPointer, exchange: Exchange) -> MHD_Result {
        exchange.bytesReceived += chunk.count
        if exchange.bodyRefused {
            return exchange.bytesReceived <= exchange.bodyLimit + ServerCore.discardAllowance ? .YES : .NO
        }
        guard exchange.body.count + chunk.count <= exchange.bodyLimit else {
            exchange.bodyRefused = true
            exchange.body = []
            return .YES
        }
        exchange.body.append(contentsOf: chunk)
        return .YES
    }

    /// Body bytes read and thrown away past the limit before the connection is dropped.
    private static let discardAllowance = 1024 * 1024

    /// Builds the request, parses a multipart body, asks the responder and queues its answer.
    private func answer(_ connection: OpaquePointer?, exchange: Exchange) -> MHD_Result {
        let malformedForm = HTTPError(status: 400, message: "Le formulaire envoyé est mal formé.")
        guard let target = String(validating: exchange.target, as: UTF8.self) else {
            return refuse(connection, exchange: exchange, with: HTTPError(status: 400))
        }
        var request: Request
        do {
            let (remoteAddress, isSecure) = peer(of: exchange)
            request = try Request(
                method: exchange.method, target: target, headers: exchange.headers, body: exchange.body,
                remoteAddress: remoteAddress, isSecure: isSecure, logger: logger)
        } catch let error as HTTPError {
            return refuse(connection, exchange: exchange, with: error)
        } catch {
            return refuse(connection, exchange: exchange, with: HTTPError(status: 400))
        }

        if request.mediaType == "multipart/form-data" {
            guard let form = MultipartReader.read(exchange.body, connection: connection) else {
                return refuse(connection, exchange: exchange, with: malformedForm)
            }
            request.form = form
        }
        if let lane, responder.defers(request) {
            return runDeferred(request, on: lane, connection, exchange: exchange)
        }
        return queue(responder.respond(to: request), connection, exchange: exchange)
    }

    /// Suspends the connection and answers `request` on the lane; the response is queued when
    /// libmicrohttpd calls the access handler again after the lane resumes the connection.
    private func runDeferred(
        _ request: Request, on lane: DeferredLane, _ connection: OpaquePointer?, exchange: Exchange
    ) -> MHD_Result {
        guard let connection else { return .NO }
        let responder = self.responder
        let suspended = SuspendedConnection(connection: connection, exchange: exchange)
        let job = {
            suspended.exchange.deferredResponse = responder.respond(to: request)
            MHD_resume_connection(suspended.connection)
        }
        MHD_suspend_connection(connection)
        // A stopping lane takes no more jobs: this thread answers (resuming is allowed from the handler).
        if !lane.submit(job) { job() }
        return .YES
    }

    /// Answers with `error` through the responder's refusal path, without routing.
    private func refuse(_ connection: OpaquePointer?, exchange: Exchange, with error: HTTPError) -> MHD_Result {
        let rawPath = exchange.target.split(separator: UInt8(ascii: "?"), maxSplits: 1).first ?? []
        let path = URLEncoding.decode(rawPath, plusAsSpace: false) ?? String(decoding: rawPath, as: UTF8.self)
        let requestID = Request.requestID(from: exchange.headers["X-Request-Id"])
        let (remoteAddress, isSecure) = peer(of: exchange)
        let request = Request(
            method: exchange.method, path: path, queryString: "", headers: exchange.headers, body: [],
            remoteAddress: remoteAddress, requestID: requestID, isSecure: isSecure,
            logger: logger.with([("request_id", requestID)]))
        return queue(responder.respond(to: request, refusing: error), connection, exchange: exchange)
    }

    /// The client address and scheme, from the proxy's headers when they are trusted.
    private func peer(of exchange: Exchange) -> (address: String, isSecure: Bool) {
        guard configuration.trustProxyHeaders else { return (exchange.remoteAddress, false) }
        let forwardedFor = exchange.headers["X-Forwarded-For"]?.split(separator: ",").last
        let address = forwardedFor.map { HTTPSpace.trimmed($0) } ?? exchange.remoteAddress
        let isSecure = exchange.headers["X-Forwarded-Proto"]?.lowercased() == "https"
        return (address.isEmpty ? exchange.remoteAddress : address, isSecure)
    }

    /// Hands `response` to libmicrohttpd; `MHD_NO` makes it close the connection.
    private func queue(_ response: Response, _ connection: OpaquePointer?, exchange: Exchange) -> MHD_Result {
        exchange.answered = true
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let created else {
            logger.error("response.create_failed", [("status", String(response.status))])
            return .NO
        }
        defer { MHD_destroy_response(created) }

        for (name, value) in response.headers where !ServerCore.managedHeaders.contains(name.lowercased()) {
            if MHD_add_response_header(created, name, value) != .YES {
                logger.warning("response.header_rejected", [("header", name)])
            }
        }
        let queued = MHD_queue_response(connection, UInt32(clamping: response.status), created)
        if queued != .YES {
            logger.warning("response.queue_failed", [("status", String(response.status))])
        }
        return queued
    }

    /// Headers libmicrohttpd computes itself and refuses from the application.
    private static let managedHeaders: Set<String> = ["content-length", "transfer-encoding"]
}

/// A suspended connection and its exchange, handed to the lane thread that resumes it.
private struct SuspendedConnection: @unchecked Sendable {
    let connection: OpaquePointer
    let exchange: Exchange
}
