import Foundation
import Web

/// Operations endpoints: health, metrics, and the test clock.
enum SystemEndpoints {
    /// `/healthz`: 200 when the database answers, 503 otherwise.
    static func health(_ app: App) -> (Request) throws -> Response {
        { _ in
            do {
                _ = try app.pool.connection().queryOne("SELECT 1 AS ok")
                return Response.text("ok\n")
            } catch {
                app.logger.error("portal.health.database_failed", [("error", "\(error)")])
                return Response.text("base de données indisponible\n", status: 503)
            }
        }
    }

    /// `/metrics` in Prometheus text format, for loopback and allowed addresses only.
    static func metrics(_ app: App) -> (Request) throws -> Response {
        { request in
            let address = request.remoteAddress
            let isLocal = address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
            guard isLocal || app.config.metricsAllowedAddresses.contains(address) else {
                app.logger.warning("portal.metrics.refused", [("remote", address)])
                return Response.text("Accès refusé.\n", status: 403)
            }
            let commits = app.pool.commitGroup.counts
            app.metrics.setGauge(
                "lesocial_commit_groups", help: "Group commits of answer saves and exam starts since start.",
                to: Double(commits.groups))
            app.metrics.setGauge(
                "lesocial_commit_group_units", help: "Answer saves and exam starts committed in groups since start.",
                to: Double(commits.units))
            var response = Response.text(app.metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }

    /// `POST /__test/horloge?secondes=N`: moves server time forward (test clock only).
    static func advanceClock(_ app: App) -> (Request) throws -> Response {
        { request in
            guard let raw = request.query("secondes") ?? request.form.value("secondes"),
                let seconds = Double(raw.replacingOccurrences(of: ",", with: ".")), seconds >= 0
            else { return Response.text("Paramètre « secondes » manquant ou invalide.\n", status: 400) }
            guard app.clock.advance(by: seconds) else { return Response.text("Horloge non réglable.\n", status: 404) }
            let now = ISO8601DateFormatter().string(from: app.clock.now())
            return Response.text("\(now)\n")
        }
    }
}
