import Billing
import Foundation
import Security
import Web

/// Signed access tokens: the public keys, issuing to a logged-in user, and a bearer-authenticated "who am I".
enum TokenEndpoints {
    /// What `/api/v1/token` answers.
    struct Issued: Encodable {
        var accessToken: String
        var tokenType = "Bearer"
        var expiresIn: Int

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
        }
    }

    /// What `/api/v1/me` answers: the token's subject and entitlements.
    struct Identity: Encodable {
        var sub: String
        var ent: [EntitlementClaim]
        var exp: Int
    }

    /// `GET /.well-known/jwks.json`: the active key and retired keys still published; cached briefly.
    static func jwks(_ app: App) -> (Request) throws -> Response {
        { _ in
            var response = Response.json(bytes: try app.billing.jwks(now: app.clock.now()).jsonBytes())
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
    }

    /// `POST /api/v1/token`: a 10-minute token for the session's user (CSRF header checked by the route wrapper).
    static func issue(_ context: inout Context) throws -> Response {
        guard let user = context.user else { return APIError.tokenLoginRequired.bearerResponse }

        let claims = try EntitlementService(db: context.db, logger: context.logger)
            .claims(userID: user.id, now: context.now)
        let token = try context.app.billing.issueAccessToken(userID: user.id, entitlements: claims, now: context.now)

        context.logger.info("portal.token.issued", [("user_id", "\(user.id)"), ("scopes", "\(claims.count)")])
        var response = try Response.json(Issued(accessToken: token, expiresIn: BillingSetup.tokenLifetime))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// `GET /api/v1/me`: the bearer token's subject and entitlements; 401 with a reason otherwise.
    static func me(_ app: App) -> (Request) throws -> Response {
        { request in
            let claims: AccessClaims
            do {
                guard let found = try BearerAuthentication.claims(of: request, app: app, now: app.clock.now()) else {
                    return APIError.bearerMissing.bearerResponse
                }
                claims = found
            } catch let error as TokenError {
                return APIError(error).bearerResponse
            }
            var response = try Response.json(Identity(sub: claims.sub, ent: claims.ent, exp: claims.exp))
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
