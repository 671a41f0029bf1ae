import Foundation
import Testing

@testable import Web

@Suite struct URLEncodingTests {
    @Test func decodesEscapesAndPlusSigns() {
        #expect(URLEncoding.decode(Array("caf%C3%A9+cr%C3%A8me".utf8), plusAsSpace: true) == "café crème")
        #expect(URLEncoding.decode(Array("a+b".utf8), plusAsSpace: false) == "a+b")
    }

    @Test func refusesBrokenEscapesAndInvalidUTF8() {
        #expect(URLEncoding.decode(Array("100%".utf8), plusAsSpace: true) == nil)
        #expect(URLEncoding.decode(Array("%4".utf8), plusAsSpace: true) == nil)
        #expect(URLEncoding.decode(Array("%zz".utf8), plusAsSpace: true) == nil)
        #expect(URLEncoding.decode(Array("%C3%28".utf8), plusAsSpace: true) == nil)
    }

    @Test func decodesFormPairsInOrder() {
        let pairs = URLEncoding.decodeForm(Array("a=1&&b=&c&a=2".utf8))?.map { "\($0.0):\($0.1)" }
        #expect(pairs == ["a:1", "b:", "c:", "a:2"])
    }

    @Test func encodesAllButUnreservedCharacters() {
        #expect(URLEncoding.encode("/examens?x=1 é") == "%2Fexamens%3Fx%3D1%20%C3%A9")
        #expect(URLEncoding.encode("a-b_c.d~e") == "a-b_c.d~e")
    }
}

@Suite struct RequestTests {
    @Test func parsesPathQueryCookiesAndUrlencodedBody() throws {
        let request = try Request(
            method: .post, target: "/recherche/ann%C3%A9e?q=aide+soignant&tag=a&tag=b&vide=",
            headers: [
                "content-type": "application/x-www-form-urlencoded; charset=UTF-8", "Cookie": "sid=42; lang=fr",
            ],
            body: Array("nom=L%C3%A9a&ok=on".utf8))
        #expect(request.path == "/recherche/année")
        #expect(request.queryString == "q=aide+soignant&tag=a&tag=b&vide=")
        #expect(request.query("q") == "aide soignant")
        #expect(request.query["tag"] == ["a", "b"])
        #expect(request.query("vide") == "")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=UTF-8")
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(request.cookies == ["sid": "42", "lang": "fr"])
        #expect(request.form.value("nom") == "Léa")
        #expect(request.form.values("ok") == ["on"])
        #expect(request.body == Array("nom=L%C3%A9a&ok=on".utf8))
    }

    @Test func refusesMalformedTargetsWithAFrenchMessage() {
        #expect(throws: HTTPError(status: 400, message: "L’adresse demandée est mal formée.")) {
            try Request(method: .get, target: "/a%00b")
        }
        #expect(throws: HTTPError(status: 400, message: "L’adresse demandée est mal formée.")) {
            try Request(method: .get, target: "pas-de-slash")
        }
        #expect(throws: HTTPError(status: 400, message: "Le formulaire envoyé est mal formé.")) {
            try Request(
                method: .post, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Array("a=%".utf8))
        }
    }

    @Test func keepsASaneRequestIDAndReplacesOthers() throws {
        #expect(try Request(method: .get, target: "/", headers: ["X-Request-Id": "req-1.a_B"]).requestID == "req-1.a_B")
        let replaced = try Request(method: .get, target: "/", headers: ["X-Request-Id": "bad id\n"]).requestID
        #expect(replaced.count == 32)
        #expect(replaced.allSatisfy { $0.isHexDigit })
    }

    @Test func knowsWhenTheClientWantsJSON() throws {
        #expect(try Request(method: .get, target: "/", headers: ["Accept": "application/json"]).wantsJSON)
        #expect(try !Request(method: .get, target: "/", headers: ["Accept": "text/html,application/json"]).wantsJSON)
        #expect(try !Request(method: .get, target: "/").wantsJSON)
    }
}

@Suite struct ResponseAndCookieTests {
    @Test func rendersASessionCookieWithSafeDefaults() {
        let cookie = Cookie(name: "sid", value: "abc", maxAge: 3600, secure: true)
        #expect(cookie.headerValue == "sid=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax")
    }

    @Test func rendersADeletionCookieThatExpiresAtOnce() {
        #expect(
            Cookie.deletion(name: "sid").headerValue
                == "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax")
    }

    @Test func dropsCharactersThatWouldBreakTheHeader() {
        let cookie = Cookie(name: "a;b", value: "x; Path=/evil\r\n", path: nil, httpOnly: false, sameSite: nil)
        #expect(cookie.headerValue == "ab=xPath=/evil")
    }

    @Test func keepsSeveralSetCookieHeaders() {
        let response = Response.redirect(to: "/tableau-de-bord")
            .settingCookie(Cookie(name: "a", value: "1"))
            .settingCookie(Cookie(name: "b", value: "2", sameSite: .strict))
        #expect(response.status == 303)
        #expect(response.headers["location"] == "/tableau-de-bord")
        #expect(
            response.headers.values("Set-Cookie") == [
                "a=1; Path=/; HttpOnly; SameSite=Lax", "b=2; Path=/; HttpOnly; SameSite=Strict",
            ])
    }

    @Test func encodesJSONWithSortedKeys() throws {
        struct Score: Encodable {
            let total: Double
            let section: String
        }
        let response = try Response.json(Score(total: 12.5, section: "calculs"), status: 201)
        #expect(response.status == 201)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.bodyText == "{\"section\":\"calculs\",\"total\":12.5}")
    }

    @Test func headersAreCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["A": "1", "b": "2"]
        headers.add("a", "3")
        #expect(headers["a"] == "1")
        #expect(headers.values("A") == ["1", "3"])
        headers.set("A", "4")
        #expect(headers.fields.map { "\($0.name)=\($0.value)" } == ["b=2", "A=4"])
        headers.setIfAbsent("B", "5")
        #expect(headers["b"] == "2")
    }
}

@Suite struct MetricsTests {
    @Test func rendersCountersGaugesAndHistogramsInExpositionFormat() {
        let metrics = Metrics(buckets: [0.1, 1])
        metrics.incrementCounter("jobs_total", help: "Jobs run.", labels: [("job", "sweep")])
        metrics.incrementCounter("jobs_total", help: "Jobs run.", labels: [("job", "sweep")], by: 2)
        metrics.setGauge("attempts_open", help: "Open attempts.", to: 7)
        metrics.observe("latency_seconds", help: "Latency.", value: 0.05)
        metrics.observe("latency_seconds", help: "Latency.", value: 0.5)
        metrics.observe("latency_seconds", help: "Latency.", value: 3)

        #expect(
            metrics.render() == """
                # HELP attempts_open Open attempts.
                # TYPE attempts_open gauge
                attempts_open 7
                # HELP jobs_total Jobs run.
                # TYPE jobs_total counter
                jobs_total{job="sweep"} 3
                # HELP latency_seconds Latency.
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 1
                latency_seconds_bucket{le="1"} 2
                latency_seconds_bucket{le="+Inf"} 3
                latency_seconds_sum 3.55
                latency_seconds_count 3

                """)
        #expect(metrics.value("jobs_total", labels: [("job", "sweep")]) == 3)
    }

    @Test func escapesLabelValues() {
        let metrics = Metrics()
        metrics.incrementCounter("c", help: "C.", labels: [("path", "a\"b\\c\nd")])
        #expect(metrics.render().contains("c{path=\"a\\\"b\\\\c\\nd\"} 1\n"))
    }
}

@Suite struct SignalWaiterTests {
    @Test func returnsTheSignalThatArrived() throws {
        let waiter = try SignalWaiter(signals: [SIGUSR2])
        kill(getpid(), SIGUSR2)
        #expect(waiter.wait() == SIGUSR2)
    }
}

@Suite struct HTTPSpaceTests {
    @Test(arguments: [
        ("  a  ", "a"), ("\ta b\t", "a b"), ("", ""), ("   ", ""), ("\t \t", ""), ("é", "é"),
        (" ñ\u{301} ", "ñ\u{301}"),
        ("x\u{00A0}", "x\u{00A0}"), ("\u{00A0} y", "\u{00A0} y"), ("a\n", "a\n"),
    ])
    func trimsOnlySpacesAndTabsAtEitherEnd(text: String, expected: String) {
        #expect(HTTPSpace.trimmed(text) == expected)
        #expect(HTTPSpace.trimmed(text[...]) == expected)
    }

    @Test func cookiesKeepTheirFirstValueAndLoseTheirQuotes() {
        let cookies = Cookie.parse(" a = 1 ; b=\"deux\";a=3; c=été ;=x; d")
        #expect(cookies == ["a": "1", "b": "deux", "c": "été"])
    }
}
