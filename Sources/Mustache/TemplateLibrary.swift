import Foundation

/// Every template of a site, parsed at load and immutable afterwards, so any
/// number of threads may render from it at once.
///
/// Names are paths relative to the loaded directory without the `.mustache`
/// extension (`layouts/base`, `pages/home`); partials (`{{>partials/nav}}`) and
/// parents (`{{<layouts/base}}`) are resolved by those names.
public final class TemplateLibrary: Sendable {
    /// The extension of template files.
    public static let fileExtension = "mustache"

    private let templates: [String: Template]

    /// Loads every `*.mustache` file under `directory`, recursively.
    ///
    /// A template that does not parse throws, naming its file (relative path) and line.
    public convenience init(directory: URL) throws {
        let root = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory)
        guard exists, isDirectory.boolValue, let relativePaths = FileManager.default.enumerator(atPath: root.path)
        else {
            throw MustacheError(template: root.path, line: nil, reason: .unreadableFile("not a directory"))
        }
        var sources: [String: (file: String, source: String)] = [:]
        for case let relativePath as String in relativePaths
        where relativePath.hasSuffix("." + Self.fileExtension) {
            let file = root.appendingPathComponent(relativePath)
            guard let data = FileManager.default.contents(atPath: file.path),
                let source = String(data: data, encoding: .utf8)
            else {
                throw MustacheError(template: relativePath, line: nil, reason: .unreadableFile("not UTF-8 text"))
            }
            let name = String(relativePath.dropLast(Self.fileExtension.count + 1))
            sources[name] = (relativePath, source)
        }
        var templates: [String: Template] = [:]
        for (name, entry) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try Template(entry.source, name: name)
            } catch let error as MustacheError {
                throw MustacheError(template: entry.file, line: error.line, reason: error.reason)
            }
        }
        self.init(parsed: templates)
    }

    /// Parses templates given as name → source (tests, embedded templates).
    public convenience init(templates sources: [String: String]) throws {
        var templates: [String: Template] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            templates[name] = try Template(source, name: name)
        }
        self.init(parsed: templates)
    }

    private init(parsed templates: [String: Template]) {
        self.templates = templates
    }

    /// The names of all templates, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// The template called `name`, if loaded.
    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// Renders the template `name` against `value`.
    public func render(_ name: String, _ value: MustacheValue) throws -> String {
        String(decoding: try renderBytes(name, value), as: UTF8.self)
    }

    /// Renders the template `name` against `value` into UTF-8 bytes, ready for a response body.
    public func renderBytes(_ name: String, _ value: MustacheValue) throws -> [UInt8] {
        guard let template = templates[name] else {
            throw MustacheError(template: name, line: nil, reason: .unknownTemplate(name))
        }
        return try template.renderBytes(value, partials: self)
    }

    /// Renders the template `name` from a typed view model into UTF-8 bytes.
    public func renderBytes<Model: Encodable>(_ name: String, _ model: Model) throws -> [UInt8] {
        try renderBytes(name, MustacheEncoder().encode(model))
    }

    /// Renders the template `name` from a typed view model.
    public func render<Model: Encodable>(_ name: String, _ model: Model) throws -> String {
        try render(name, MustacheEncoder().encode(model))
    }
}
