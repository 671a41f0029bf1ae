import Foundation

/// Settings of the HTTP server; the defaults suit production on one machine.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1`, `0.0.0.0`, `::`, `localhost`).
    public var host: String
    /// The port; 0 picks a free one (read it back from `HTTPServer.port`).
    public var port: UInt16
    /// Worker threads, each polling its share of connections with poll(2).
    public var threads: Int
    /// Threads of the deferred lane, which runs the requests of deferred routes (`DeferredLane`).
    public var deferredThreads: Int
    /// Most connections open at once; more are refused by the server.
    public var connectionLimit: Int
    /// Seconds an idle connection stays open.
    public var connectionTimeoutSeconds: Int
    /// Largest body for urlencoded forms, JSON and any non-multipart type.
    public var maxFormBodyBytes: Int
    /// Largest body for `multipart/form-data` uploads.
    public var maxUploadBodyBytes: Int
    /// How long `stop()` waits for requests in flight before closing connections.
    public var shutdownGraceSeconds: Double
    /// Whether a reverse proxy in front sets `X-Forwarded-For` and `X-Forwarded-Proto`, to be believed.
    public var trustProxyHeaders: Bool
    /// Length of the kernel queue of connections not yet accepted.
    public var listenBacklog: Int32

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8080,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        deferredThreads: Int = 2,
        connectionLimit: Int = 1024,
        connectionTimeoutSeconds: Int = 30,
        maxFormBodyBytes: Int = 64 * 1024,
        maxUploadBodyBytes: Int = 10 * 1024 * 1024,
        shutdownGraceSeconds: Double = 10,
        trustProxyHeaders: Bool = false,
        listenBacklog: Int32 = 4096
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.deferredThreads = deferredThreads
        self.connectionLimit = connectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxFormBodyBytes = maxFormBodyBytes
        self.maxUploadBodyBytes = maxUploadBodyBytes
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.trustProxyHeaders = trustProxyHeaders
        self.listenBacklog = listenBacklog
    }
}
