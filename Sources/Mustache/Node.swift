/// A dotted name split once at parse time; no components means `.` (the top of the stack).
struct ValuePath: Sendable, Equatable {
    /// The names to resolve in turn; empty for `.`.
    let components: [String]

    /// Splits `name` on dots.
    init(_ name: String) {
        components = name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The name of a partial or parent: fixed, or read from the context (`{{>*name}}`).
enum TemplateReference: Sendable {
    /// A template name written in the tag.
    case fixed(String)
    /// A path whose string value is the template name.
    case dynamic(ValuePath)

    /// Reads a tag name; a leading `*` makes it dynamic.
    init(_ name: String) {
        if name.hasPrefix("*") {
            let path = name.dropFirst().trimmingMustacheWhitespace()
            self = .dynamic(ValuePath(path))
        } else {
            self = .fixed(name)
        }
    }
}

/// Where an expanded partial, parent or block sits on its line.
struct Placement: Sendable {
    /// The tag is alone on its line: its whitespace is indentation for every line it expands to.
    let standalone: Bool
    /// Added in front of each expanded line (for a block, every line after the first when inline).
    let indentation: [UInt8]
    /// 1-based line of the tag, for errors.
    let line: Int
}

/// One element of a parsed template; rendering walks these, never the source.
enum Node: Sendable {
    /// Literal text, already stripped of standalone lines.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(ValuePath, escaped: Bool)
    /// `{{#name}}` or `{{^name}}`; `standalone` says whether the opening tag was alone on its line.
    case section(ValuePath, [Node], inverted: Bool, standalone: Bool)
    /// `{{>name}}`.
    case partial(TemplateReference, Placement)
    /// `{{<name}}` with the blocks it overrides.
    case parent(TemplateReference, overrides: [String: [Node]], Placement)
    /// `{{$name}}`: a place a child template may fill, with its default content.
    case block(String, [Node], Placement)
}

extension StringProtocol {
    /// The text without the spaces, tabs and line breaks Mustache ignores around names.
    func trimmingMustacheWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
