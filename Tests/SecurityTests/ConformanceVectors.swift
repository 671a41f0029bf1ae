import Foundation

/// Reads `shared/conformance/tokens/vectors.json`: beside the package root
/// (found from this file's real path), or under `LESOCIAL_SHARED`.
enum ConformanceVectors {
    static func tokens() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path()))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VectorError.notAnObject
        }
        return object
    }

    enum VectorError: Error {
        case notFound
        case notAnObject
    }

    private static func path() throws -> String {
        let relative = "conformance/tokens/vectors.json"
        if let root = packageRoot() {
            let candidate = root.deletingLastPathComponent().appendingPathComponent("shared/\(relative)").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        if let shared = ProcessInfo.processInfo.environment["LESOCIAL_SHARED"] {
            let candidate = URL(fileURLWithPath: shared).appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw VectorError.notFound
    }

    private static func packageRoot() -> URL? {
        guard let real = realpath(#filePath, nil) else { return nil }
        defer { free(real) }

        var directory = URL(fileURLWithPath: String(cString: real)).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
