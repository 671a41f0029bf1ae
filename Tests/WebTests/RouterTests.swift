import Testing

@testable import Web

@Suite struct RouterTests {
    private func request(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:]) throws -> Request {
        try Request(method: method, target: target, headers: headers)
    }

    private func sampleRouter() -> Router {
        let router = Router()
        router.get("/") { _ in .text("accueil") }
        router.get("/examens/:id") { request in .text("examen \(request.parameters["id"] ?? "")") }
        router.get("/examens/nouveau") { _ in .text("formulaire") }
        router.post("/examens/:id/reponses/:question") { request in
            .text("\(request.route ?? "") \(request.parameters["id"] ?? "") \(request.parameters["question"] ?? "")")
        }
        router.delete("/examens/:id") { _ in .empty() }
        router.get("/fichiers/*chemin", name: "fichiers") { request in
            .text("chemin=\(request.parameters["chemin"] ?? "")")
        }
        return router
    }

    @Test func matchesLiteralSegmentsBeforeParameters() throws {
        let router = sampleRouter()
        #expect(router.respond(to: try request(.get, "/examens/nouveau")).bodyText == "formulaire")
        #expect(router.respond(to: try request(.get, "/examens/42")).bodyText == "examen 42")
        #expect(router.respond(to: try request(.get, "/")).bodyText == "accueil")
    }

    @Test func capturesSeveralParametersAndNamesTheRouteByItsPattern() throws {
        let response = sampleRouter().respond(to: try request(.post, "/examens/7/reponses/q3"))
        #expect(response.bodyText == "/examens/:id/reponses/:question 7 q3")
    }

    @Test func decodesParametersFromThePath() throws {
        let response = sampleRouter().respond(to: try request(.get, "/examens/%C3%A9t%C3%A9%202024"))
        #expect(response.bodyText == "examen été 2024")
    }

    @Test func aCombiningMarkAfterASlashStillStartsANewSegment() throws {
        let router = sampleRouter()
        #expect(router.respond(to: try request(.get, "/examens/%CC%81")).bodyText == "examen \u{301}")
        #expect(Router.segments(of: "/a/\u{301}b//c/") == ["a", "\u{301}b", "c"])
        #expect(Router.segments(of: "/") == [])
    }

    @Test func wildcardTakesTheRestOfThePath() throws {
        let router = sampleRouter()
        #expect(router.respond(to: try request(.get, "/fichiers/css/app.css")).bodyText == "chemin=css/app.css")
        #expect(router.respond(to: try request(.get, "/fichiers/")).bodyText == "chemin=")
    }

    @Test func unknownPathGets404FromTheNotFoundHandler() throws {
        let router = sampleRouter()
        let response = router.respond(to: try request(.get, "/inconnu"))
        #expect(response.status == 404)
        #expect(response.bodyText.contains("Cette page n’existe pas."))

        router.notFound = { _ in .text("perdu ?", status: 404) }
        #expect(router.respond(to: try request(.get, "/examens/1/autre")).bodyText == "perdu ?")
    }

    @Test func knownPathWithAnotherMethodGets405WithAllow() throws {
        let response = sampleRouter().respond(to: try request(.put, "/examens/3"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
    }

    @Test func headIsServedByTheGetRoute() throws {
        let response = sampleRouter().respond(to: try request(.head, "/examens/5"))
        #expect(response.status == 200)
        #expect(response.bodyText == "examen 5")
    }

    @Test func handlerHTTPErrorsAreRenderedWithTheirMessage() throws {
        let router = Router()
        router.get("/interdit") { _ in throw HTTPError.forbidden("Réservé aux formateurs.") }
        let response = router.respond(to: try request(.get, "/interdit"))
        #expect(response.status == 403)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.bodyText.contains("<p>Réservé aux formateurs.</p>"))
    }

    @Test func otherErrorsBecomeAGeneric500WithoutInternalText() throws {
        struct DatabaseDown: Error {}
        let router = Router()
        router.get("/panne") { _ in throw DatabaseDown() }
        let response = router.respond(to: try Request(method: .get, target: "/panne", logger: quietLogger))
        #expect(response.status == 500)
        #expect(response.bodyText.contains("Une erreur interne est survenue. Réessayez dans quelques instants."))
        #expect(!response.bodyText.contains("DatabaseDown"))
    }

    @Test func errorsAreRenderedAsJSONForClientsThatAskForIt() throws {
        let router = Router()
        let response = router.respond(
            to: try request(.get, "/api/rien", headers: ["Accept": "application/json"]))
        #expect(response.status == 404)
        #expect(response.bodyText == "{\"error\":\"Cette page n’existe pas.\",\"status\":404}")
    }

    @Test func customErrorRendererIsUsed() throws {
        let router = Router()
        router.errorRenderer = { error, _ in .text("page \(error.status)", status: error.status) }
        #expect(router.respond(to: try request(.get, "/x")).bodyText == "page 404")
    }

    @Test func listsRoutesInRegistrationOrder() {
        let routes = sampleRouter().routes.map { "\($0.method) \($0.pattern) \($0.name)" }
        #expect(routes.first == "GET / /")
        #expect(routes.last == "GET /fichiers/*chemin fichiers")
        #expect(routes.count == 6)
    }
}
