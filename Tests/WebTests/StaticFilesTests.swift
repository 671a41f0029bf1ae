import Foundation
import Testing

@testable import Web

@Suite struct StaticFilesTests {
    /// A fresh directory with a stylesheet, a script in a subfolder and a hidden file.
    private func makeDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("web-static-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/js", withIntermediateDirectories: true)
        try Data("body { color: black; }\n".utf8).write(to: URL(fileURLWithPath: directory + "/app.css"))
        try Data("console.log(1)\n".utf8).write(to: URL(fileURLWithPath: directory + "/js/app.js"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: directory + "/logo.png"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: directory + "/.env"))
        return directory
    }

    private func get(_ router: Router, _ target: String, headers: HTTPHeaders = [:]) throws -> Response {
        router.respond(to: try Request(method: .get, target: target, headers: headers))
    }

    @Test func servesFilesWithTheirTypeAndAStrongETag() throws {
        let files = try StaticFiles(directory: try makeDirectory())
        let router = Router()
        files.register(on: router)

        let css = try get(router, "/static/app.css")
        #expect(css.status == 200)
        #expect(css.bodyText == "body { color: black; }\n")
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.headers["ETag"] == "\"\(ContentHash.hex(of: Array("body { color: black; }\n".utf8)))\"")
        #expect(css.headers["Cache-Control"] == "no-cache")
        #expect(try get(router, "/static/js/app.js").headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(try get(router, "/static/logo.png").headers["Content-Type"] == "image/png")
        #expect(files.count == 3)
    }

    @Test func answers304WhenTheETagMatches() throws {
        let files = try StaticFiles(directory: try makeDirectory())
        let router = Router()
        files.register(on: router)
        let etag = try get(router, "/static/app.css").headers["ETag"] ?? ""

        let revalidated = try get(router, "/static/app.css", headers: ["If-None-Match": "\"autre\", \(etag)"])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.headers["ETag"] == etag)
        #expect(try get(router, "/static/app.css", headers: ["If-None-Match": "\"autre\""]).status == 200)
    }

    @Test func fingerprintedURLsAreCachedForAYear() throws {
        let files = try StaticFiles(directory: try makeDirectory())
        let router = Router()
        files.register(on: router)
        let url = files.assetURL("app.css")
        let hash = ContentHash.hex(of: Array("body { color: black; }\n".utf8))

        #expect(url == "/static/app.css?v=\(hash)")
        #expect(try get(router, url).headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(try get(router, "/static/app.css?v=ancien").headers["Cache-Control"] == "no-cache")
        #expect(files.assetURL("absent.css") == "/static/absent.css")
    }

    @Test func refusesTraversalHiddenAndUnknownFiles() throws {
        let files = try StaticFiles(directory: try makeDirectory())
        let router = Router()
        files.register(on: router)
        #expect(try get(router, "/static/../Package.swift").status == 404)
        #expect(try get(router, "/static/js/%2E%2E/app.css").status == 404)
        #expect(try get(router, "/static/.env").status == 404)
        #expect(try get(router, "/static/nope.css").status == 404)
        #expect(try get(router, "/static/").status == 404)
    }

    @Test func failsOnAMissingDirectory() {
        #expect(
            throws: WebError(operation: "read static directory /nonexistent/public", reason: "not a readable directory")
        ) {
            try StaticFiles(directory: "/nonexistent/public")
        }
    }
}
