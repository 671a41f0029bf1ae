/// A piece of question text (stem, option, feedback) with the markup it is written in.
public struct QuestionText: Codable, Equatable, Hashable, Sendable {
    /// The markup of a text, as GIFT's `[html]` prefixes and Moodle's `format` attribute name it.
    public enum Format: String, Codable, CaseIterable, Sendable {
        /// Moodle's auto-format: plain text whose line breaks are kept; GIFT's default.
        case moodle
        /// HTML, to be sanitised before display.
        case html
        /// Markdown, rendered through the safe Markdown renderer.
        case markdown
        /// Plain text, shown as is.
        case plain
    }

    /// The text itself, escapes already decoded.
    public var text: String
    /// How `text` is to be rendered.
    public var format: Format

    /// Makes a text in the given format (GIFT's default, `moodle`, when omitted).
    public init(_ text: String, format: Format = .moodle) {
        self.text = text
        self.format = format
    }
}
