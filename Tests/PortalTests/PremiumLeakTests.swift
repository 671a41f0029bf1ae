import Billing
import Exams
import Foundation
import Storage
import Testing
import Web

@testable import Portal

/// Premium question text never reaches someone without access: a marker is written into every
/// question only premium exams can draw, then the site is crawled as a visitor and as a free member.
@Suite struct PremiumLeakTests {
    static let marker = "ZQXPREMIUMLEAKMARKER"

    /// Writes the marker into the stem, choices and feedback of every premium-only question; returns their ids.
    ///
    /// Premium-only: no draw rule of any free exam admits its category and difficulty.
    func markPremiumQuestions(_ db: Database) throws -> [String] {
        let exams = ExamStore(db)
        let freeRules = try exams.activeExams().filter { $0.access == .free }
            .compactMap { try exams.blueprint(id: $0.id) }
            .flatMap { $0.sections.flatMap(\.draw) }
        let premiumOnly = try db.query("SELECT id, category, difficulty FROM current_questions").filter { row in
            !freeRules.contains { $0.admits(category: row.string("category"), difficulty: row.int("difficulty")) }
        }.map { $0.string("id") }

        for id in premiumOnly {
            try db.run(
                "UPDATE questions SET body_json = replace(body_json, ?, ?) WHERE id = ?",
                #""text":""#, #""text":"\#(Self.marker) "#, id)
        }
        return premiumOnly
    }

    /// Visits every GET page reachable from `seeds` through links.
    ///
    /// Returns the paths visited and those whose body or headers show the marker.
    func crawl(_ browser: Browser, from seeds: [String], limit: Int = 600) throws -> (
        visited: Set<String>, leaks: [String]
    ) {
        var queue = seeds
        var visited = Set<String>()
        var leaks: [String] = []
        while let path = queue.first, visited.count < limit {
            queue.removeFirst()
            guard !visited.contains(path) else { continue }
            visited.insert(path)

            let response = try browser.get(path)
            let headers = response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            if response.bodyText.contains(Self.marker) || headers.contains(Self.marker) { leaks.append(path) }
            if let location = response.headers["Location"], let next = Self.sitePath(location) { queue.append(next) }
            queue += Self.links(in: response.bodyText).filter { !visited.contains($0) }
        }
        return (visited, leaks)
    }

    /// Site paths named in a page: `href`, `src` and `action` attributes, and JSON strings that look like paths.
    static func links(in text: String) -> [String] {
        let pattern = #"(?:href|src|action)="([^"]+)"|"(/[A-Za-z0-9._~%/?=&;:-]*)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            for group in 1...2 {
                if let found = Range(match.range(at: group), in: text) {
                    return sitePath(String(text[found]).replacingOccurrences(of: "&amp;", with: "&"))
                }
            }
            return nil
        }
    }

    /// A same-site path worth visiting, or nil (other sites, static files, fragments only).
    static func sitePath(_ link: String) -> String? {
        var path = link
        if path.hasPrefix("http://lesocial.test") { path.removeFirst("http://lesocial.test".count) }
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/static/"), !path.contains("{") else {
            return nil
        }
        return path
    }

    /// Every GET route of the table, with `:track` and `:exam` filled with every value.
    func seeds(_ fixture: PortalFixture, db: Database) throws -> [String] {
        let exams = try ExamStore(db).activeExams().map(\.id) + ["es-blanc-1", "inconnu"]
        let tracks = Exams.Track.allCases.map(\.rawValue)
        var paths = ["/", "/tarifs", "/sitemap.xml", "/robots.txt"]
        for route in fixture.app.router.routes where route.method == .get {
            let pattern = route.pattern
            if !pattern.contains(":") && !pattern.contains("*") {
                paths.append(pattern)
            } else if pattern.contains(":exam") && pattern.split(separator: ":").count == 2 {
                paths += exams.map { pattern.replacingOccurrences(of: ":exam", with: $0) }
            } else if pattern.contains(":track") && pattern.split(separator: ":").count == 2 {
                paths += tracks.map { pattern.replacingOccurrences(of: ":track", with: $0) }
            }
        }
        return paths.filter { $0 != "/metrics" }
    }

    /// Starts each exam through its form and hands in the free ones, as a curious user would.
    func tryEveryExam(_ browser: Browser, db: Database, hasAccess: Bool = false) throws -> [String] {
        var extra: [String] = []
        for exam in try ExamStore(db).activeExams() {
            try browser.get("/examens/\(exam.id)")
            let started = try browser.post("/examens/\(exam.id)/commencer", [])
            #expect(hasAccess || !started.bodyText.contains(Self.marker))
            guard let location = started.headers["Location"] else { continue }
            extra.append(location)
            if location.hasPrefix("/epreuves/") {
                try browser.get(location)
                let finish = try browser.post(location + "/terminer", [])
                if let results = finish.headers["Location"] { extra.append(results) }
                extra += [location + "/correction"]
            }
            let api = try browser.send(
                .post, "/api/v1/exams/\(exam.id)/attempts", headers: [("X-CSRF-Token", browser.csrf ?? "")])
            #expect(hasAccess || !api.bodyText.contains(Self.marker))
            extra += Self.links(in: api.bodyText)
        }
        return extra
    }

    @Test func premiumQuestionTextAppearsNowhereForVisitorsAndFreeMembers() throws {
        let fixture = try PortalFixture()
        let db = try fixture.app.pool.connection()
        let marked = try markPremiumQuestions(db)
        #expect(!marked.isEmpty)
        let firstID = try #require(marked.first)
        let stored = try #require(try QuestionStore(db).latest(id: firstID))
        #expect(stored.question.stem.text.hasPrefix(Self.marker))
        let seeds = try seeds(fixture, db: db)

        let visitor = fixture.browser()
        let visitorExtra = try tryEveryExam(visitor, db: db)
        let asVisitor = try crawl(visitor, from: seeds + visitorExtra)

        let member = try BillingShopper(fixture: fixture).member("gratuit@exemple.fr")
        let memberExtra = try tryEveryExam(member, db: db)
        let asMember = try crawl(member, from: seeds + memberExtra + ["/compte", "/compte/abonnement", "/bons"])

        #expect(asVisitor.leaks == [])
        #expect(asMember.leaks == [])
        #expect(asVisitor.visited.count > 20)
        #expect(asMember.visited.contains("/compte/abonnement"))
        #expect(asMember.visited.contains { $0.hasPrefix("/epreuves/") })
        print(
            "premium leak crawl: \(marked.count) marked questions, visitor \(asVisitor.visited.count) paths, "
                + "member \(asMember.visited.count) paths, 0 markers")
    }

    @Test func theCrawlerFindsTheMarkerWhenAccessIsPaid() throws {
        let fixture = try PortalFixture()
        let db = try fixture.app.pool.connection()
        _ = try markPremiumQuestions(db)
        let shopper = BillingShopper(fixture: fixture)
        let member = try shopper.member("payant@exemple.fr")
        try shopper.buy(member, "toutes-3-mois")

        let extra = try tryEveryExam(member, db: db, hasAccess: true)
        let crawled = try crawl(member, from: extra)

        #expect(crawled.leaks.contains { $0.hasPrefix("/epreuves/") })
    }
}
