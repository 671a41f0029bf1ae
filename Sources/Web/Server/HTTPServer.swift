import CMicroHTTPD
import Foundation
import Logging

/// The HTTP/1.1 server: libmicrohttpd with a thread pool polling with poll(2), keep-alive and body limits,
/// and a deferred lane for long requests.
///
/// ```swift
/// let server = HTTPServer(configuration: ServerConfiguration(port: 8080), responder: router)
/// try server.start()
/// SignalWaiter.wait(for: [SIGTERM, SIGINT])
/// server.stop()
/// ```
public final class HTTPServer: @unchecked Sendable {
    /// The settings the server was created with.
    public let configuration: ServerConfiguration

    private let core: ServerCore
    private let lock = NSLock()
    private var daemon: OpaquePointer?
    private var listening: ListeningSocket?
    private var retainedCore: Unmanaged<ServerCore>?
    private var accepting = false

    /// Creates a stopped server handing requests to `responder`.
    public init(configuration: ServerConfiguration, responder: HTTPResponder, logger: Logger = Logger(label: "web")) {
        self.configuration = configuration
        self.core = ServerCore(configuration: configuration, responder: responder, logger: logger)
    }

    /// The bound port while started (the chosen one when the configuration says 0); 0 once stopping.
    public var port: UInt16 {
        lock.lock()
        defer { lock.unlock() }
        return listening?.port ?? 0
    }

    /// Whether the server accepts new connections (started and not stopping).
    public var isAcceptingConnections: Bool {
        lock.lock()
        defer { lock.unlock() }
        return accepting
    }

    /// Requests received and not yet completed.
    public var requestsInFlight: Int {
        core.requestsInFlight
    }

    /// Binds the socket and starts the worker threads; throws `WebError` when the port is busy.
    public func start() throws {
        lock.lock()
        defer { lock.unlock() }
        guard daemon == nil else { throw WebError(operation: "start server", reason: "already started") }

        let socket = try ListeningSocket.open(
            host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        let retained = Unmanaged.passRetained(core)
        guard let started = startDaemon(socket, context: retained.toOpaque()) else {
            close(socket.descriptor)
            retained.release()
            let reason = core.lastDaemonMessage ?? "MHD_start_daemon returned NULL"
            throw WebError(operation: "start libmicrohttpd on port \(socket.port)", reason: reason)
        }

        core.lane?.start()
        daemon = started
        listening = socket
        retainedCore = retained
        accepting = true
        core.logger.info(
            "server.started",
            [("host", configuration.host), ("port", String(socket.port)), ("threads", String(configuration.threads))])
    }

    /// Stops gracefully: stops accepting, waits for requests in flight (up to the grace period), then closes.
    ///
    /// Returns once every worker thread has ended. Does nothing when not started.
    public func stop() {
        lock.lock()
        guard let daemon, let socket = listening else {
            lock.unlock()
            return
        }
        let retained = retainedCore
        self.daemon = nil
        listening = nil
        retainedCore = nil
        accepting = false
        lock.unlock()

        if MHD_quiesce_daemon(daemon) < 0 {
            core.logger.warning("server.quiesce_failed", [("port", String(socket.port))])
        }
        let drained = core.waitUntilIdle(before: Date(timeIntervalSinceNow: configuration.shutdownGraceSeconds))
        // Stopping the daemon with a suspended connection is undefined: the lane finishes its jobs first,
        // each resuming its connection.
        core.lane?.stop()
        MHD_stop_daemon(daemon)
        close(socket.descriptor)
        retained?.release()
        core.logger.info("server.stopped", [("port", String(socket.port)), ("drained", drained ? "true" : "false")])
    }

    deinit {
        stop()
    }

    /// Calls `MHD_start_daemon_va` with every option passed in one `MHD_OPTION_ARRAY`.
    private func startDaemon(_ socket: ListeningSocket, context: UnsafeMutableRawPointer) -> OpaquePointer? {
        var options = [
            MHD_OptionItem(
                option: .EXTERNAL_LOGGER, value: unsafeBitCast(DaemonCallbacks.log, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(socket.descriptor), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: max(1, configuration.connectionLimit), ptr_value: nil),
            MHD_OptionItem(
                option: .CONNECTION_TIMEOUT, value: max(0, configuration.connectionTimeoutSeconds), ptr_value: nil),
            MHD_OptionItem(
                option: .URI_LOG_CALLBACK, value: unsafeBitCast(DaemonCallbacks.uriLog, to: Int.self),
                ptr_value: context),
            MHD_OptionItem(
                option: .NOTIFY_COMPLETED, value: unsafeBitCast(DaemonCallbacks.completed, to: Int.self),
                ptr_value: context),
        ]
        if configuration.threads > 1 {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threads, ptr_value: nil))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        // poll(2) rather than epoll: under 2,000 connections the epoll mode left a few idle until MHD's
        // connection timeout closed them (docs/DECISIONS.md); poll showed none at the same throughput.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_POLL.rawValue | MHD_USE_ITC.rawValue
        if core.lane != nil {
            flags |= MHD_ALLOW_SUSPEND_RESUME.rawValue
        }
        flags |= MHD_USE_ERROR_LOG.rawValue
        if socket.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }
        return options.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            guard let array = buffer.baseAddress else { return nil }
            return withVaList([MHD_OPTION.ARRAY.rawValue, array, MHD_OPTION.END.rawValue]) { arguments in
                MHD_start_daemon_va(flags, 0, nil, nil, DaemonCallbacks.access, context, arguments)
            }
        }
    }
}
