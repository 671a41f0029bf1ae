import Foundation
import Testing

@testable import Web

@Suite struct HTTPServerTests {
    private func echoRoutes(_ router: Router) {
        router.get("/hello/:name") { request in
            .text("bonjour \(request.parameters["name"] ?? "?") depuis \(request.remoteAddress)")
        }
        router.post("/form") { request in
            .text(request.form.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
        }
        router.post("/upload") { request in
            let files = request.form.files.map {
                "\($0.name):\($0.filename):\($0.contentType ?? "-"):\(String(decoding: $0.bytes, as: UTF8.self))"
            }
            let fields = request.form.fields.map { "\($0.name)=\($0.value)" }
            return .text((fields + files).joined(separator: "|"))
        }
        router.post("/json") { request in
            .json(bytes: request.body)
        }
        router.get("/cookies") { request in
            .text(request.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"))
        }
    }

    @Test func answersAGetRequestWithRouteParametersAndTheClientAddress() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/hello/Lou%C3%AFse"))
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "bonjour Louïse depuis 127.0.0.1")
            #expect(reply.header("Content-Type") == "text/plain; charset=utf-8")
        }
    }

    @Test func passesAUrlencodedFormToTheHandler() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            let body = Array("nom=Dupont+Jean&ville=S%C3%A8te&choix=a&choix=b".utf8)
            client.send(requestWithBody("POST", "/form", contentType: "application/x-www-form-urlencoded", body: body))
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "nom=Dupont Jean&ville=Sète&choix=a&choix=b")
        }
    }

    @Test func passesMultipartFieldsAndFilesToTheHandler() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            let body = Array(
                ("--XyZ\r\nContent-Disposition: form-data; name=\"titre\"\r\n\r\nÉpreuve blanche\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"vide\"\r\n\r\n\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"notes.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nligne 1\nligne 2\r\n--XyZ--\r\n").utf8)
            client.send(
                requestWithBody("POST", "/upload", contentType: "multipart/form-data; boundary=XyZ", body: body))
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "titre=Épreuve blanche|vide=|fichier:notes.txt:text/plain:ligne 1\nligne 2")
        }
    }

    @Test func keepsTheRawBodyOfAJsonRequest() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(
                requestWithBody("POST", "/json", contentType: "application/json", body: Array("{\"a\":1}".utf8)))
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "{\"a\":1}")
        }
    }

    @Test func refusesAFormWhoseContentLengthIsOverTheLimitWithoutReadingIt() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(
                "POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 70000\r\n\r\n")
            let reply = try client.readReply()
            #expect(reply.status == 413)
            #expect(reply.text.contains("Le contenu envoyé est trop volumineux."))
        }
    }

    @Test func refusesAChunkedBodyThatGrowsOverTheLimit() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(
                "POST /json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n")
            let chunk = String(repeating: "a", count: 16 * 1024)
            for _ in 0..<5 {
                client.send("4000\r\n\(chunk)\r\n")
            }
            client.send("0\r\n\r\n")
            let reply = try client.readReply()
            #expect(reply.status == 413)
        }
    }

    @Test func acceptsAnUploadUnderTheUploadLimitThatIsOverTheFormLimit() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            let content = String(repeating: "x", count: 100_000)
            let head = "--bound\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n"
            let body = Array((head + content + "\r\n--bound--\r\n").utf8)
            client.send(
                requestWithBody("POST", "/upload", contentType: "multipart/form-data; boundary=bound", body: body))
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.body.count == 12 + content.utf8.count)
            #expect(reply.text.hasPrefix("f:big.bin:-:xxx"))
        }
    }

    @Test func refusesBrokenPercentEncodingWith400() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/hello/a%zz"))
            #expect(try client.readReply().status == 400)
            client.send(getRequest("/hello/a?x=%E"))
            #expect(try client.readReply().status == 400)
            client.send(
                requestWithBody(
                    "POST", "/form", contentType: "application/x-www-form-urlencoded", body: Array("a=%G1".utf8)))
            let reply = try client.readReply()
            #expect(reply.status == 400)
            #expect(reply.text.contains("Le formulaire envoyé est mal formé."))
        }
    }

    @Test func refusesPathsWithNulOrInvalidUTF8() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/hello/a%00b"))
            #expect(try client.readReply().status == 400)
            client.send(getRequest("/hello/%FF%FE"))
            #expect(try client.readReply().status == 400)
            client.send(Array("GET /hello/".utf8) + [0xC3, 0x28] + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            #expect(try client.readReply().status == 400)
        }
    }

    @Test func refusesBrokenMultipartWith400() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            let truncated = Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvaleur".utf8)
            client.send(
                requestWithBody("POST", "/upload", contentType: "multipart/form-data; boundary=XyZ", body: truncated))
            #expect(try client.readReply().status == 400)

            let second = try RawHTTPClient(port: server.port)
            second.send(requestWithBody("POST", "/upload", contentType: "multipart/form-data", body: Array("x".utf8)))
            #expect(try second.readReply().status == 400)

            let third = try RawHTTPClient(port: server.port)
            let invalidUTF8 =
                Array("--zzzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n".utf8) + [0xFF, 0xFE]
                + Array("\r\n--zzzz--\r\n".utf8)
            third.send(
                requestWithBody("POST", "/upload", contentType: "multipart/form-data; boundary=zzzz", body: invalidUTF8)
            )
            #expect(try third.readReply().status == 400)

            let fourth = try RawHTTPClient(port: server.port)
            let withoutBoundary = Array("titre=Épreuve&csrf=abc".utf8)
            fourth.send(
                requestWithBody(
                    "POST", "/upload", contentType: "multipart/form-data; boundary=XyZ", body: withoutBoundary))
            let reply = try fourth.readReply()
            #expect(reply.status == 400)
            #expect(reply.text.contains("mal formé"))
        }
    }

    @Test func parsesCookiesFromTheCookieHeader() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/cookies", headers: "Cookie: session=abc123; theme=\"sombre\"; vide=\r\n"))
            let reply = try client.readReply()
            #expect(reply.text == "session=abc123;theme=sombre;vide=")
        }
    }

    @Test func servesTwoRequestsOnOneKeptAliveConnection() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/hello/un"))
            let first = try client.readReply()
            client.send(getRequest("/hello/deux"))
            let second = try client.readReply()
            #expect(first.text == "bonjour un depuis 127.0.0.1")
            #expect(second.text == "bonjour deux depuis 127.0.0.1")
        }
    }

    @Test func answersHeadWithTheGetHeadersAndNoBody() throws {
        try withServer(echoRoutes) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("HEAD /hello/x HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let head = try client.readReply(expectBody: false)
            client.send(getRequest("/hello/y"))
            let next = try client.readReply()
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "26")
            #expect(next.text == "bonjour y depuis 127.0.0.1")
        }
    }

    @Test func failsToStartOnABusyPort() throws {
        try withServer(echoRoutes) { server in
            let second = HTTPServer(
                configuration: ServerConfiguration(port: server.port, threads: 1), responder: Router(),
                logger: quietLogger)
            #expect(throws: WebError(operation: "bind 127.0.0.1:\(server.port)", reason: "Address already in use")) {
                try second.start()
            }
        }
    }

    @Test func stopFinishesARequestInFlightBeforeClosing() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let router = Router()
        router.get("/slow") { _ in
            entered.signal()
            release.wait()
            return .text("terminé")
        }
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 2), responder: router, logger: quietLogger)
        try server.start()
        let port = server.port
        let client = try RawHTTPClient(port: port)
        client.send(getRequest("/slow"))
        entered.wait()

        let stopped = beginStopping(server)
        #expect(server.requestsInFlight == 1)
        release.signal()

        let reply = try client.readReply()
        stopped.wait()
        #expect(reply.status == 200)
        #expect(reply.text == "terminé")
        #expect(server.requestsInFlight == 0)
        #expect(throws: RawHTTPClient.Failure.self) { try RawHTTPClient(port: port) }
    }
}

@Suite struct HTTPServerDisconnectTests {
    @Test func forgetsRequestsWhoseClientLeavesMidway() throws {
        let router = Router()
        router.post("/form") { _ in .text("ok") }
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 1, shutdownGraceSeconds: 2), responder: router,
            logger: quietLogger)
        try server.start()
        do {
            let headersOnly = try RawHTTPClient(port: server.port)
            headersOnly.send("GET /form HTTP/1.1\r\nHost: loc")
            let halfBody = try RawHTTPClient(port: server.port)
            halfBody.send(
                "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\na=1")
            let complete = try RawHTTPClient(port: server.port)
            complete.send(getRequest("/form"))
            #expect(try complete.readReply().status == 405)
        }
        server.stop()
        #expect(server.requestsInFlight == 0)
    }
}

@Suite struct HTTPServerRobustnessTests {
    /// Inputs a careless or hostile client may send, with the status expected (nil: no answer, the server waits).
    private static let hostileInputs: [(input: String, status: Int?)] = [
        ("\r\n\r\n", nil),
        ("GET / HTTP/9.9\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("GET /\u{7F}%%%?%%=%% HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET http://example.org/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (
            "GET / HTTP/1.1\r\nHost: x\r\nCookie: ;;==;a\r\n"
                + "X-Request-Id: \(String(repeating: "é", count: 300))\r\n\r\n",
            200
        ),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-Long: \(String(repeating: "a", count: 70_000))\r\n\r\n", 431),
        ("\u{0}\u{FF}\u{16}\u{3}\u{1}\r\n\r\n", nil),
        (
            "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=\"\"\r\n"
                + "Content-Length: 4\r\n\r\n----", 400
        ),
    ]

    @Test func answersMalformedRequestsAndKeepsServing() throws {
        let router = Router()
        router.get("/") { _ in .text("toujours là") }
        router.post("/form") { _ in .text("accepté") }
        try withServer({ _ in }, router: router) { server in
            var statuses: [Int?] = []
            for (input, expected) in HTTPServerRobustnessTests.hostileInputs {
                let client = try RawHTTPClient(port: server.port)
                client.send(input)
                statuses.append(expected == nil ? nil : try client.readReply().status)
            }
            let client = try RawHTTPClient(port: server.port)
            client.send(getRequest("/"))
            #expect(statuses == HTTPServerRobustnessTests.hostileInputs.map(\.status))
            #expect(try client.readReply().text == "toujours là")
        }
    }
}
