/// libFuzzer entry for `Template`: any bytes (invalid UTF-8 replaced) parsed, then rendered.
///
/// The context holds one value of every kind and lists of at most one item, and the partials
/// never include the fuzzed template, so rendering stays linear in the template's size: a hang
/// here is a parser or renderer bug, not a template that asks for exponential output.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? Template(source, name: "fuzz") else { return 0 }

    _ = try? template.render(FuzzFixture.context, partials: FuzzFixture.partials)
    _ = try? template.render(FuzzFixture.context)
    return 0
}

/// The fixed view model and partials every fuzzed template renders against.
enum FuzzFixture {
    /// One value of each kind, escaping-sensitive text, a nested object, an empty and a one-item list.
    static let context: MustacheValue = [
        "name": "Inès <b>&\"'</b>",
        "count": 3,
        "ratio": 2.5,
        "yes": true,
        "no": false,
        "none": nil,
        "empty": [],
        "items": [["name": "un", "price": 1]],
        "user": ["name": "Zoé", "address": ["city": "Lyon", "zip": "69001"]],
    ]

    /// Partials and a parent for `{{>item}}`, `{{>nested}}` and `{{<layout}}` tags.
    static let partials: TemplateLibrary = {
        do {
            return try TemplateLibrary(templates: [
                "item": "- {{name}}\n",
                "nested": "  {{>item}}\n",
                "layout": "<h1>{{$title}}Titre{{/title}}</h1>\n{{$body}}vide{{/body}}\n",
            ])
        } catch {
            fatalError("fuzz partials do not parse: \(error)")
        }
    }()
}
