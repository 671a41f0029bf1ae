/// A parsed Mustache template: parse once, render many times from any thread.
///
/// ```swift
/// let template = try Template("Bonjour {{name}} !", name: "greeting")
/// let html = try template.render(["name": "Inès"])
/// ```
public struct Template: Sendable {
    /// The name partials and errors refer to (a library uses the relative path).
    public let name: String
    /// The parsed tree the renderer walks.
    let nodes: [Node]
    /// Bytes reserved for the output up front: the literal text plus room for values.
    private let capacityHint: Int

    /// Parses `source`, throwing a `MustacheError` with the line of the first faulty tag.
    public init(_ source: String, name: String = "template") throws {
        self.name = name
        self.nodes = try TemplateParser(templateName: name).parse(source)
        self.capacityHint = max(256, source.utf8.count * 2)
    }

    /// Renders against `value`; partials and parents are looked up in `partials`
    /// and render as the empty string when missing, as the specification says.
    public func render(_ value: MustacheValue, partials: TemplateLibrary? = nil) throws -> String {
        String(decoding: try renderBytes(value, partials: partials), as: UTF8.self)
    }

    /// Renders against `value` into UTF-8 bytes, ready for a response body.
    public func renderBytes(_ value: MustacheValue, partials: TemplateLibrary? = nil) throws -> [UInt8] {
        var renderer = TemplateRenderer(value: value, templateName: name, library: partials, capacity: capacityHint)
        return try renderer.render(nodes)
    }

    /// Renders a typed view model, converted by `MustacheEncoder`.
    public func render<Model: Encodable>(_ model: Model, partials: TemplateLibrary? = nil) throws -> String {
        try render(MustacheEncoder().encode(model), partials: partials)
    }
}
