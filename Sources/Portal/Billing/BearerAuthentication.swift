import Foundation
import Security
import Web

/// Reads `Authorization: Bearer <token>` and verifies the token against the published keys.
///
/// For the API: any server holding the JWKS can do the same without a
/// session store. Exam API handlers call `claims(of:app:now:)` and then
/// `AccessClaims.grantsAccess(toTrack:at:)`.
enum BearerAuthentication {
    /// The verified claims of the request's bearer token; `nil` when it carries none.
    ///
    /// Throws `TokenError` (logged as a warning) when a token is present but refused.
    static func claims(of request: Request, app: App, now: Date) throws -> AccessClaims? {
        guard let header = request.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }

        do {
            return try app.billing.verifyAccessToken(parts[1].trimmingCharacters(in: .whitespaces), now: now)
        } catch let error as TokenError {
            app.logger.warning(
                "portal.token.refused",
                [("request_id", request.requestID), ("path", request.path), ("reason", error.description)])
            throw error
        }
    }
}

extension AccessClaims {
    /// Whether the token opens the premium content of the track with this code (`es`, `ifsi`…) at `now`.
    public func grantsAccess(toTrack code: String, at now: Date) -> Bool {
        let seconds = Int(now.timeIntervalSince1970)
        return ent.contains { ($0.scope == "all" || $0.scope == code) && $0.until > seconds }
    }
}

extension Context {
    /// The verified claims of this request's bearer token, at the request's time; `nil` without a token.
    public func bearerClaims() throws -> AccessClaims? {
        try BearerAuthentication.claims(of: request, app: app, now: now)
    }
}
