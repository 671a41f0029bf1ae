import Foundation
import Web

/// Serves the OpenAPI 3.1 description of the exam API (`Public/api/openapi.json`).
enum OpenAPIDocument {
    static func serve(_ app: App) -> (Request) throws -> Response {
        let url = app.config.publicDirectory.appendingPathComponent("api/openapi.json")
        let bytes = (try? Data(contentsOf: url)).map(Array.init) ?? Array("{}".utf8)
        return { _ in
            var response = Response.json(bytes: bytes)
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
    }
}
