import Foundation

/// Serves a small directory (`Public/`) from memory under a prefix (`/static/`), with ETags and fingerprints.
///
/// Files are read once at creation. A URL carrying the file's fingerprint
/// (`assetURL(_:)`, `?v=<hash>`) is cached for a year as immutable; other
/// URLs are revalidated with `If-None-Match`.
public final class StaticFiles: @unchecked Sendable {
    private struct File {
        let bytes: [UInt8]
        let contentType: String
        let hash: String
        var etag: String { "\"\(hash)\"" }
    }

    /// The URL prefix, with leading and trailing slash.
    public let prefix: String
    private let files: [String: File]

    /// Loads every non-hidden file under `directory`; throws `WebError` when it cannot be read.
    public init(directory: String, prefix: String = "/static/") throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw WebError(operation: "read static directory \(directory)", reason: "not a readable directory")
        }

        var files: [String: File] = [:]
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard let data = manager.contents(atPath: url.path) else {
                throw WebError(operation: "read static file \(relative)", reason: "unreadable")
            }
            let bytes = Array(data)
            files[relative] = File(
                bytes: bytes, contentType: MediaTypes.forFile(relative), hash: ContentHash.hex(of: bytes))
        }
        self.files = files
        self.prefix = "/" + prefix.split(separator: "/").joined(separator: "/") + "/"
    }

    /// Number of files loaded.
    public var count: Int { files.count }

    /// The fingerprinted URL of a file (`/static/app.css?v=<hash>`); without `?v=` when the file is unknown.
    public func assetURL(_ path: String) -> String {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let file = files[relative] else { return prefix + relative }
        return prefix + relative + "?v=" + file.hash
    }

    /// Registers `GET` (and so `HEAD`) `<prefix>*path` on `router`, named `static`.
    public func register(on router: Router) {
        router.get(prefix + "*path", name: "static", respond)
    }

    /// Answers a request for `parameters["path"]`: the file, 304 when the ETag matches, or 404.
    public func respond(to request: Request) throws -> Response {
        let path = request.parameters["path"] ?? ""
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
            let file = files[path]
        else { throw HTTPError(status: 404) }

        let fingerprinted = request.query("v") == file.hash
        var headers: HTTPHeaders = [
            "ETag": file.etag,
            "Cache-Control": fingerprinted ? "public, max-age=31536000, immutable" : "no-cache",
        ]
        if let ifNoneMatch = request.header("If-None-Match"), StaticFiles.matches(ifNoneMatch, etag: file.etag) {
            return Response(status: 304, headers: headers)
        }
        headers.add("Content-Type", file.contentType)
        return Response(status: 200, headers: headers, body: file.bytes)
    }

    /// Whether an `If-None-Match` list names `etag` (weak comparison, `*` matches all).
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == etag || trimmed == "W/" + etag
        }
    }
}
