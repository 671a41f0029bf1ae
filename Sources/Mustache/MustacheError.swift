/// Every failure of the Mustache module: parsing, loading, encoding, rendering.
///
/// The description names the template, the line when there is one, and the
/// reason, e.g. `mustache: pages/home.mustache line 12: unclosed section 'items'`.
public struct MustacheError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// An opening delimiter without its closing delimiter.
        case unclosedTag(expected: String)
        /// A section, block or parent never closed before the end of the template.
        case unclosedSection(String)
        /// A closing tag with no open section.
        case unexpectedClose(String)
        /// A closing tag whose name differs from the innermost open section.
        case mismatchedClose(expected: String, found: String)
        /// A set-delimiters tag that is not two words without `=` and whitespace.
        case invalidDelimiters(String)
        /// A tag without a name, or with whitespace inside its name.
        case invalidName(String)
        /// `render` asked for a template the library does not hold.
        case unknownTemplate(String)
        /// Partials or parents nested deeper than the limit (likely endless recursion).
        case recursionTooDeep(limit: Int)
        /// A template file that could not be read as UTF-8 text.
        case unreadableFile(String)
        /// A view model that the encoder could not turn into a value.
        case unencodable(String)
    }

    /// The template name (or file path when loading a directory).
    public let template: String
    /// The 1-based line of the faulty tag, when the failure has a place.
    public let line: Int?
    /// What went wrong.
    public let reason: Reason

    /// Creates an error for `template`, at `line` when known.
    public init(template: String, line: Int?, reason: Reason) {
        self.template = template
        self.line = line
        self.reason = reason
    }

    /// One line: `mustache: <template> line <n>: <reason>`.
    public var description: String {
        let place = line.map { "\(template) line \($0)" } ?? template
        return "mustache: \(place): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .unclosedTag(let expected): return "unclosed tag, expected '\(expected)'"
        case .unclosedSection(let name): return "unclosed section '\(name)'"
        case .unexpectedClose(let name): return "closing tag '\(name)' without an open section"
        case .mismatchedClose(let expected, let found):
            return "closing tag '\(found)' does not match open section '\(expected)'"
        case .invalidDelimiters(let text): return "invalid set-delimiters tag '\(text)'"
        case .invalidName(let text): return "invalid tag name '\(text)'"
        case .unknownTemplate(let name): return "unknown template '\(name)'"
        case .recursionTooDeep(let limit): return "partials nested deeper than \(limit) levels"
        case .unreadableFile(let detail): return "unreadable template file: \(detail)"
        case .unencodable(let detail): return "cannot encode view model: \(detail)"
        }
    }
}
