import Accounts
import Exams
import Foundation
import Storage
import Testing
import Web

@testable import Portal

/// A mock exam through the router, with the test clock moving server time.
@Suite struct ExamFlowTests {
    /// Starts the free IFSI sample as a visitor and returns the attempt's token.
    func startSample(_ browser: Browser, exam: String = "ifsi-echantillon") throws -> String {
        try browser.get("/examens/\(exam)")
        let started = try browser.post("/examens/\(exam)/commencer", [])
        let location = try #require(started.headers["Location"])
        #expect(location.hasPrefix("/epreuves/"))
        return String(location.dropFirst("/epreuves/".count))
    }

    /// Saves an answer through the JSON API, as the exam script does.
    @discardableResult
    func save(_ browser: Browser, _ token: String, position: Int, _ json: String) throws -> Response {
        try browser.send(
            .put, "/api/v1/attempts/\(token)/items/\(position)/answer",
            headers: [("Content-Type", "application/json"), ("X-CSRF-Token", browser.csrf ?? "")],
            body: Array(json.utf8))
    }

    func attemptJSON(_ browser: Browser, _ token: String) throws -> [String: Any] {
        let response = try browser.get("/api/v1/attempts/\(token)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func preparationPageListsTheSampleAndPremiumExams() throws {
        let fixture = try PortalFixture()
        let page = try fixture.browser().get("/preparations/ifsi")

        #expect(page.bodyText.contains("/examens/ifsi-echantillon"))
        #expect(page.bodyText.contains("/examens/ifsi-blanc-1"))
        #expect(page.bodyText.contains("Gratuit"))
    }

    @Test func aVisitorTakesTheSampleToItsResultsAndReview() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)

        let page = try browser.get("/epreuves/\(token)")
        #expect(page.status == 200)
        #expect(page.bodyText.contains("question 1 sur 10"))
        #expect(page.bodyText.contains("id=\"chrono\""))
        let state = try attemptJSON(browser, token)
        let items = try #require(state["items"] as? [[String: Any]])
        #expect(items.count == 10)

        try browser.get("/epreuves/\(token)/terminer")
        let finish = try browser.post("/epreuves/\(token)/terminer", [])
        #expect(finish.headers["Location"] == "/epreuves/\(token)/resultats")
        let results = try browser.get("/epreuves/\(token)/resultats")
        #expect(results.bodyText.contains("0/10"))
        #expect(results.bodyText.contains("Non réussi"))
        #expect(try browser.get("/epreuves/\(token)/correction").bodyText.contains("Explication"))
    }

    @Test func startsAndSavesAreCommittedThroughTheCommitGroupWhoseCountsAreInTheMetrics() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")

        let before = fixture.app.pool.commitGroup.counts
        #expect(before.units == 1, "the start went through the commit group")
        for seq in 1...3 {
            let saved = try save(browser, token, position: 1, #"{"flagged": true, "seq": \#(seq)}"#)
            #expect(saved.status == 200)
            #expect(saved.bodyText.contains("\"saved\""))
        }
        #expect(fixture.app.pool.commitGroup.counts.units == 4)
        let metrics = try browser.get("/metrics").bodyText
        #expect(metrics.contains("lesocial_commit_group_units 4"))
        #expect(metrics.contains("lesocial_commit_groups 4"))
    }

    @Test func aSavedAnswerIsThereAfterReloadAndOnAnotherDevice() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")

        let saved = try save(browser, token, position: 0, #"{"response": {"text": "12"}, "seq": 1, "flagged": true}"#)
        #expect(saved.status == 200 || saved.status == 422)
        let state = try attemptJSON(browser, token)
        let items = try #require(state["items"] as? [[String: Any]])
        if saved.status == 200 {
            #expect(items[0]["flagged"] as? Bool == true)
            #expect(items[0]["seq"] as? Int == 1)
        }
    }

    @Test func savesAreIdempotentAndOrderedBySequenceNumber() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")

        let first = try save(browser, token, position: 0, #"{"flagged": true, "seq": 5}"#)
        #expect(first.bodyText.contains(#""outcome":"saved""#))
        let replay = try save(browser, token, position: 0, #"{"flagged": false, "seq": 5}"#)
        #expect(replay.bodyText.contains(#""outcome":"duplicate""#))
        let stale = try save(browser, token, position: 0, #"{"flagged": false, "seq": 3}"#)
        #expect(stale.bodyText.contains(#""outcome":"stale""#))
        let items = try #require(try attemptJSON(browser, token)["items"] as? [[String: Any]])
        #expect(items[0]["flagged"] as? Bool == true)
    }

    @Test func aSaveAfterTheDeadlineAndGraceIsRefused() throws {
        let fixture = try PortalFixture(environment: ["LESOCIAL_TEST_CLOCK": "1"])
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")

        #expect(fixture.app.clock.advance(by: 15 * 60 + 5))
        let withinGrace = try save(browser, token, position: 1, #"{"flagged": true, "seq": 1}"#)
        #expect(withinGrace.status == 200)

        #expect(fixture.app.clock.advance(by: 10))
        let late = try save(browser, token, position: 2, #"{"flagged": true, "seq": 1}"#)
        #expect(late.status == 409)
        #expect(late.bodyText.contains("deadline_passed") || late.bodyText.contains("attempt_closed"))
    }

    @Test func anOverdueAttemptIsClosedAtItsDeadlineWithTheAnswersSavedInTime() throws {
        let fixture = try PortalFixture(environment: ["LESOCIAL_TEST_CLOCK": "1"])
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")
        let started = try #require(try attemptJSON(browser, token)["deadline"] as? String)
        try save(browser, token, position: 0, #"{"flagged": true, "seq": 1}"#)

        #expect(fixture.app.clock.advance(by: 3600))
        let db = try fixture.app.pool.connection()
        #expect(try AttemptService(db: db).sweepOverdue(now: fixture.app.clock.now()) == 1)

        let result = try browser.get("/api/v1/attempts/\(token)/result")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.body)) as? [String: Any])
        #expect(json["status"] as? String == "expired")
        #expect(json["finishedAt"] as? String == started)
        let items = try #require(try attemptJSON(browser, token)["items"] as? [[String: Any]])
        #expect(items[0]["flagged"] as? Bool == true)
        #expect(try browser.get("/epreuves/\(token)").headers["Location"] == "/epreuves/\(token)/resultats")
    }

    @Test func tiersTempsStretchesTheDeadline() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        try browser.get("/inscription")
        try browser.post(
            "/inscription", [("email", "tt@exemple.fr"), ("display_name", "TT"), ("password", "une phrase longue")])
        let db = try fixture.app.pool.connection()
        let user = try #require(try UserStore(db).findWithHash(email: "tt@exemple.fr")?.user)
        try UserStore(db).setTimeFactor(userID: user.id, 4.0 / 3.0)

        let intro = try browser.get("/examens/ifsi-echantillon")
        #expect(intro.bodyText.contains("tiers-temps"))
        #expect(intro.bodyText.contains("20 min"))
        let token = try startSample(browser)
        let remaining = try #require(try attemptJSON(browser, token)["remainingMs"] as? Int)
        #expect(remaining > 19 * 60 * 1000 && remaining <= 20 * 60 * 1000)
    }

    @Test func someoneElsesAttemptIsNotFound() throws {
        let fixture = try PortalFixture()
        let owner = fixture.browser()
        let token = try startSample(owner)

        let stranger = fixture.browser()
        #expect(try stranger.get("/epreuves/\(token)").status == 404)
        #expect(try stranger.get("/api/v1/attempts/\(token)").status == 404)
        #expect(try stranger.get("/epreuves/\(token)/resultats").status == 404)
    }

    @Test func premiumExamsAreClosedToVisitorsAndFreeMembers() throws {
        let fixture = try PortalFixture()
        let visitor = fixture.browser()
        let intro = try visitor.get("/examens/ifsi-blanc-1")
        #expect(intro.bodyText.contains("préparation complète"))
        #expect(!intro.bodyText.contains("Commencer l'épreuve</button>"))
        try visitor.get("/inscription")
        let refused = try visitor.post("/examens/ifsi-blanc-1/commencer", [])
        #expect(refused.headers["Location"] == "/examens/ifsi-blanc-1")

        let apiRefusal = try visitor.send(
            .post, "/api/v1/exams/ifsi-blanc-1/attempts", headers: [("X-CSRF-Token", visitor.csrf ?? "")])
        #expect(apiRefusal.status == 401)
        #expect(apiRefusal.bodyText.contains("login_required"))
    }

    @Test func theAnswerFormWorksWithoutJavaScript() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)
        let page = try browser.get("/epreuves/\(token)")
        let position = try #require(
            page.bodyText.range(of: "/questions/").map { range in
                Int(page.bodyText[range.upperBound...].prefix { $0.isNumber })
            } ?? nil)

        let saved = try browser.post(
            "/epreuves/\(token)/questions/\(position)", [("marquer", "1"), ("aller", "\(position)")])
        #expect(saved.status == 303)
        let items = try #require(try attemptJSON(browser, token)["items"] as? [[String: Any]])
        #expect(items.first { $0["position"] as? Int == position }?["flagged"] as? Bool == true)
    }

    @Test func ambiguousNumbersAreRefusedWithAFrenchMessage() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        let token = try startSample(browser)
        try browser.get("/epreuves/\(token)")
        let items = try #require(try attemptJSON(browser, token)["items"] as? [[String: Any]])

        for item in items {
            let position = try #require(item["position"] as? Int)
            let detail = try browser.get("/api/v1/attempts/\(token)/items/\(position)")
            guard detail.bodyText.contains(#""kind":"numerical""#) else { continue }
            let refused = try save(browser, token, position: position, #"{"response": {"text": "2,500"}, "seq": 1}"#)
            #expect(refused.status == 422)
            #expect(refused.bodyText.contains("invalid_response"))
            let accepted = try save(browser, token, position: position, #"{"response": {"text": "2,5"}, "seq": 2}"#)
            #expect(accepted.status == 200)

            let withoutScript = try browser.post(
                "/epreuves/\(token)/questions/\(position)", [("reponse", "2,500"), ("aller", "\(position)")])
            #expect(withoutScript.status == 422)
            #expect(withoutScript.bodyText.contains("value=\"2,500\""))
            return
        }
        Issue.record("the IFSI sample drew no numerical question")
    }

    @Test func theOpenAPIDocumentIsServed() throws {
        let fixture = try PortalFixture()
        let response = try fixture.browser().get("/api/v1/openapi.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: Any])
        #expect(paths["/api/v1/attempts/{token}/items/{position}/answer"] != nil)
    }
}

/// The exam API used with a bearer token instead of the session cookie.
@Suite struct ExamBearerTests {
    @Test func aBearerTokenStartsAndSavesWithoutCookieOrCSRF() throws {
        let fixture = try PortalFixture()
        let browser = fixture.browser()
        try browser.get("/inscription")
        try browser.post(
            "/inscription", [("email", "api@exemple.fr"), ("display_name", "API"), ("password", "une phrase longue")])
        try browser.get("/compte")
        let issued = try browser.send(.post, "/api/v1/token", headers: [("X-CSRF-Token", browser.csrf ?? "")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(issued.body)) as? [String: Any])
        let token = try #require(json["access_token"] as? String)

        let client = fixture.browser()
        let auth = [("Authorization", "Bearer \(token)")]
        let started = try client.send(.post, "/api/v1/exams/as-echantillon/attempts", headers: auth)
        #expect(started.status == 201)
        let attempt = try #require(try JSONSerialization.jsonObject(with: Data(started.body)) as? [String: Any])
        let attemptToken = try #require(attempt["token"] as? String)
        // Starting again resumes the open attempt: 200, the same token.
        let again = try client.send(.post, "/api/v1/exams/as-echantillon/attempts", headers: auth)
        #expect(again.status == 200)
        let resumed = try #require(try JSONSerialization.jsonObject(with: Data(again.body)) as? [String: Any])
        #expect(resumed["token"] as? String == attemptToken)
        let saved = try client.send(
            .put, "/api/v1/attempts/\(attemptToken)/items/0/answer",
            headers: auth + [("Content-Type", "application/json")], body: Array(#"{"flagged": true, "seq": 1}"#.utf8))
        #expect(saved.status == 200)

        let forged = try client.send(
            .get, "/api/v1/attempts/\(attemptToken)", headers: [("Authorization", "Bearer \(token.dropLast(2))xx")])
        #expect(forged.status == 401)
        #expect(forged.bodyText.contains("invalid_token"))
    }
}

/// The trainers' statistics pages.
@Suite struct TrainerPagesTests {
    @Test func statisticsAreForTrainersOnly() throws {
        let fixture = try PortalFixture()
        let member = fixture.browser()
        try member.get("/inscription")
        try member.post(
            "/inscription", [("email", "m@exemple.fr"), ("display_name", "M"), ("password", "une phrase longue")])
        #expect(try member.get("/formateurs").status == 403)

        let db = try fixture.app.pool.connection()
        let user = try #require(try UserStore(db).findWithHash(email: "m@exemple.fr")?.user)
        try UserStore(db).setRole(userID: user.id, .trainer)
        let home = try member.get("/formateurs")
        #expect(home.status == 200)
        #expect(home.bodyText.contains("/formateurs/statistiques/ifsi-blanc-1"))

        let visitor = fixture.browser()
        try visitor.get("/examens/ifsi-echantillon")
        let started = try visitor.post("/examens/ifsi-echantillon/commencer", [])
        let token = try #require(started.headers["Location"]).dropFirst("/epreuves/".count)
        try visitor.get("/epreuves/\(token)/terminer")
        try visitor.post("/epreuves/\(token)/terminer", [])

        let statistics = try member.get("/formateurs/statistiques/ifsi-echantillon")
        #expect(statistics.status == 200)
        #expect(statistics.bodyText.contains("<code>ifsi-"))
        #expect(try member.get("/formateurs/statistiques/inconnue").status == 404)
    }
}
