import Accounts
import Foundation
import Logging
import Web

/// `lesocial serve`: migrates, loads everything, serves until SIGTERM or SIGINT.
enum ServeCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let started = Date()
        let logger = Logger(label: "portal")
        // Handlers go in before the port opens: a SIGTERM sent as soon as /healthz answers must stop cleanly.
        let signals = try SignalWaiter(signals: [SIGTERM, SIGINT])
        let config = try Configuration()
        let app = try App(config: config, logger: logger)
        if config.mode == .development { try DemoAccounts.seed(app) }

        let server = HTTPServer(
            configuration: ServerConfiguration(
                host: config.host, port: UInt16(config.port), threads: config.threads,
                deferredThreads: config.deferredThreads, connectionLimit: config.connectionLimit,
                maxUploadBodyBytes: config.uploadLimitBytes),
            responder: app.router, logger: Logger(label: "web"))
        try server.start()
        let jobs = try app.backgroundJobs()
        jobs.forEach { $0.start() }
        logger.info(
            "portal.started",
            [
                ("address", "http://\(config.host):\(server.port)"), ("mode", config.mode.rawValue),
                ("threads", "\(config.threads)"),
                ("startup_ms", "\(Int(Date().timeIntervalSince(started) * 1000))"),
            ])

        let signal = signals.wait()
        logger.info("portal.stopping", [("signal", "\(signal)")])
        server.stop()
        jobs.forEach { $0.stop() }
        app.pool.closeAll()
        logger.info("portal.stopped")
        return 0
    }
}
