import Foundation
import Mustache
import Testing

/// The official Mustache specification, read from `../shared/conformance/mustache`
/// beside the package root (or `$LESOCIAL_SHARED/conformance/mustache`).
struct SpecConformanceTests {
    /// One case of a spec file.
    struct SpecCase {
        let name: String
        let data: MustacheValue
        let template: String
        let partials: [String: String]
        let expected: String
    }

    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~inheritance", "~dynamic-names",
    ]

    @Test(arguments: files)
    func everyCaseOfTheSpecFilePasses(_ file: String) throws {
        let cases = try Self.load(file)
        #expect(!cases.isEmpty)
        var failures: [String] = []
        for specCase in cases {
            do {
                let library = try TemplateLibrary(templates: specCase.partials)
                let output = try Template(specCase.template, name: "spec").render(specCase.data, partials: library)
                if output != specCase.expected {
                    failures.append(
                        "\(specCase.name): expected \(specCase.expected.debugDescription), "
                            + "got \(output.debugDescription)")
                }
            } catch {
                failures.append("\(specCase.name): threw \(error)")
            }
        }
        for failure in failures {
            Issue.record("\(file).json — \(failure)")
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) cases of \(file).json fail")
    }

    static func load(_ file: String) throws -> [SpecCase] {
        let url = try specDirectory().appendingPathComponent(file + ".json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let tests = root?["tests"] as? [[String: Any]] ?? []
        return tests.map { test in
            SpecCase(
                name: test["name"] as? String ?? "?",
                data: MustacheValue(json: test["data"] ?? NSNull()),
                template: test["template"] as? String ?? "",
                partials: test["partials"] as? [String: String] ?? [:],
                expected: test["expected"] as? String ?? ""
            )
        }
    }

    /// Finds the spec beside the package root, whether `#filePath` is the
    /// symlinked path of a development package or the real one.
    static func specDirectory(filePath: String = #filePath) throws -> URL {
        let file = URL(fileURLWithPath: filePath)
        var candidates = [file, file.resolvingSymlinksInPath()].compactMap { packageRoot(containing: $0) }
            .map { $0.deletingLastPathComponent().appendingPathComponent("shared/conformance/mustache") }
        if let shared = ProcessInfo.processInfo.environment["LESOCIAL_SHARED"] {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("conformance/mustache"))
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw SpecMissing(searched: candidates.map(\.path))
        }
        return found
    }

    private static func packageRoot(containing file: URL) -> URL? {
        var directory = file.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    struct SpecMissing: Error, CustomStringConvertible {
        let searched: [String]
        var description: String { "Mustache spec not found; searched: \(searched.joined(separator: ", "))" }
    }
}
