import Accounts
import Billing
import Foundation
import Storage
import Testing
import Web

@testable import Portal

/// Drives the paywall like a member would: register, confirm, buy in the sandbox.
struct BillingShopper {
    static let password = "une phrase de passe solide"

    let fixture: PortalFixture

    /// The fixture's database.
    var db: Database {
        get throws { try fixture.app.pool.connection() }
    }

    /// Registers through the form, confirms the address through the mailed link, returns the logged-in browser.
    func member(_ email: String, confirmed: Bool = true) throws -> Browser {
        let browser = fixture.browser()
        try browser.get("/inscription")
        let response = try browser.post(
            "/inscription", [("email", email), ("display_name", "Camille"), ("password", Self.password)])
        #expect(response.status == 303)
        if confirmed {
            let token = try #require(try fixture.mailedToken(to: email, path: "/compte/confirmer"))
            #expect(try browser.get("/compte/confirmer?jeton=\(token)").status == 303)
        }
        return browser
    }

    /// An admin created directly in the database, then logged in through the form.
    func admin(_ email: String = "admin@exemple.fr") throws -> Browser {
        let hash = try fixture.app.accountSettings.hasher.hash(Self.password)
        _ = try UserStore(try db).create(
            email: email, displayName: "Admin", passwordHash: hash, role: .admin, confirmed: true, now: Date())
        let browser = fixture.browser()
        try browser.get("/connexion")
        #expect(try browser.post("/connexion", [("email", email), ("password", Self.password)]).status == 303)
        return browser
    }

    /// The id of a user.
    func userID(_ email: String) throws -> Int64 {
        try #require(try db.queryOne("SELECT id FROM users WHERE email = ?", email)).int64("id")
    }

    /// The id of a plan.
    func planID(_ slug: String) throws -> Int64 {
        try #require(try PlanStore(try db).plan(slug: slug)).id
    }

    /// Orders `slug` from the pricing page; returns the sandbox checkout path.
    func order(_ browser: Browser, _ slug: String) throws -> String {
        try browser.get("/tarifs")
        let response = try browser.post(
            "/paiement/commander", [("plan", "\(try planID(slug))"), ("renonciation", "1")])
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        #expect(location.hasPrefix("/paiement/bac-a-sable/cs_sandbox_"))
        return location
    }

    /// Chooses an outcome on the sandbox page; returns the return page's path.
    @discardableResult
    func choose(_ browser: Browser, _ checkout: String, _ kind: SandboxEventKind) throws -> String {
        let page = try browser.get(checkout)
        #expect(page.status == 200)
        let response = try browser.post(checkout, [("issue", kind.rawValue)])
        #expect(response.status == 303)
        return try #require(response.headers["Location"])
    }

    /// Orders `slug` and pays it in the sandbox; returns the order.
    @discardableResult
    func buy(_ browser: Browser, _ slug: String) throws -> Order {
        let checkout = try order(browser, slug)
        let back = try choose(browser, checkout, .paymentSucceeded)
        let id = try #require(Int64(back.components(separatedBy: "commande=").last ?? ""))
        return try #require(try OrderStore(try db).order(id: id))
    }

    /// The entitlement of `email` for `track` at `now`.
    func access(_ email: String, _ track: Billing.Track, at now: Date = Date()) throws -> Entitlement? {
        try EntitlementService(db: try db).check(userID: try userID(email), track: track, now: now)
    }

    /// Posts a raw webhook delivery to the endpoint, as the provider would.
    func deliver(_ payload: [UInt8], signature: String?) throws -> Response {
        var headers = [("Content-Type", "application/json")]
        if let signature { headers.append(("Stripe-Signature", signature)) }
        return try fixture.browser().send(.post, "/paiement/webhook", headers: headers, body: payload)
    }

    /// The sandbox signing like this server's sandbox.
    var sandbox: SandboxProvider {
        get throws { try #require(fixture.app.billing.sandbox) }
    }
}

/// The Paris year of now, as invoice numbers start with it.
func currentParisYear() -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
    return calendar.component(.year, from: Date())
}
