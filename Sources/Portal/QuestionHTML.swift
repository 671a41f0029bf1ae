import Exams
import Foundation
import Web

/// Turns question texts into HTML that is safe to insert unescaped.
///
/// Markdown goes through cmark-gfm in safe mode; every other format (GIFT's
/// moodle, plain and html) is escaped, with line breaks kept. Trainer input
/// never reaches the page as raw markup.
public enum QuestionHTML {
    /// The HTML of a question text.
    public static func render(_ text: QuestionText) -> String {
        switch text.format {
        case .markdown:
            return Markdown.html(text.text)
        default:
            return paragraphs(text.text)
        }
    }

    /// Escaped text with blank lines as paragraphs and single line breaks as `<br>`.
    public static func paragraphs(_ text: String) -> String {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return blocks.map { "<p>" + escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined()
    }

    /// Escaped text on one line, for option labels.
    public static func inline(_ text: QuestionText) -> String {
        if text.format == .markdown {
            let html = Markdown.html(text.text).trimmingCharacters(in: .whitespacesAndNewlines)
            if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
                return String(html.dropFirst(3).dropLast(4))
            }
            return html
        }
        return escape(text.text.trimmingCharacters(in: .whitespacesAndNewlines))
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// HTML-escapes `& < > " '`.
    public static func escape(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}
