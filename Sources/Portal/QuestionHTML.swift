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
    ///
    /// Blocks are split at each `\n\n` (after `\r\n` became `\n`) and trimmed of white space; empty
    /// blocks are left out.
    public static func paragraphs(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n", scalars.last == "\r" {
                scalars[scalars.count - 1] = "\n"
            } else {
                scalars.append(scalar)
            }
        }
        var html: [UInt8] = []
        html.reserveCapacity(text.utf8.count + 32)
        var start = 0
        var index = 0
        func closeBlock(at end: Int) {
            let block = trimmed(scalars[start..<end])
            guard !block.isEmpty else { return }
            html += paragraphOpen
            HTMLText.append(block, to: &html, lineBreaks: true)
            html += paragraphClose
        }
        while index < scalars.count {
            if scalars[index] == "\n", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                closeBlock(at: index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        closeBlock(at: scalars.count)
        return String(decoding: html, as: UTF8.self)
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
        var html: [UInt8] = []
        html.reserveCapacity(text.text.utf8.count + 16)
        HTMLText.append(trimmed(Array(text.text.unicodeScalars)[...]), to: &html, lineBreaks: true)
        return String(decoding: html, as: UTF8.self)
    }

    /// `scalars` without the white space (Unicode `White_Space`, as Foundation's
    /// `whitespacesAndNewlines`) at either end.
    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = scalars
        while let first = slice.first, first.properties.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.properties.isWhitespace { slice = slice.dropLast() }
        return slice
    }

    private static let paragraphOpen = Array("<p>".utf8)
    private static let paragraphClose = Array("</p>".utf8)

    /// HTML-escapes `& < > " '`.
    public static func escape(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}
