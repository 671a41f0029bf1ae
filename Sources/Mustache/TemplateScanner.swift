/// A tag as written in the source, before standalone lines are resolved.
struct RawTag {
    /// What the sigil after the opening delimiter says the tag is.
    enum Kind {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters

        /// Tags that print nothing where they stand, so a line holding only them is removed.
        var canStandAlone: Bool { self != .variable && self != .unescaped }
    }

    /// What the tag does.
    let kind: Kind
    /// The trimmed name; empty for comments and set-delimiters tags.
    let name: String
    /// The 1-based line of the opening delimiter.
    let line: Int
}

/// A piece of a source line: text (never spanning a line break) or a tag.
enum RawToken {
    /// Literal bytes, ending with `\n` when they end a line.
    case text([UInt8])
    /// A tag.
    case tag(RawTag)
}

/// Splits a template source into lines of raw tokens, following set-delimiter tags.
struct TemplateScanner {
    private let source: [UInt8]
    private let templateName: String
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)
    private var position = 0
    private var line = 1
    private var lines: [[RawToken]] = []
    private var currentLine: [RawToken] = []

    /// Prepares to scan `source`; errors name `templateName`.
    init(source: String, templateName: String) {
        self.source = Array(source.utf8)
        self.templateName = templateName
    }

    /// The source as lines; each line but the last ends with a text token ending in `\n`.
    mutating func scan() throws -> [[RawToken]] {
        while position < source.count {
            let tagStart = find(openDelimiter, from: position) ?? source.count
            appendText(source[position..<tagStart])
            position = tagStart
            if tagStart < source.count {
                try scanTag()
            }
        }
        if !currentLine.isEmpty {
            lines.append(currentLine)
        }
        return lines
    }

    private mutating func appendText(_ text: ArraySlice<UInt8>) {
        var start = text.startIndex
        while let newline = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
            currentLine.append(.text(Array(text[start...newline])))
            lines.append(currentLine)
            currentLine = []
            line += 1
            start = newline + 1
        }
        if start < text.endIndex {
            currentLine.append(.text(Array(text[start...])))
        }
    }

    private mutating func scanTag() throws {
        let tagLine = line
        var contentStart = position + openDelimiter.count
        let sigil = contentStart < source.count ? source[contentStart] : 0
        var closing = closeDelimiter
        let kind: RawTag.Kind
        switch sigil {
        case UInt8(ascii: "{"):
            kind = .unescaped
            closing = Array("}".utf8) + closeDelimiter
        case UInt8(ascii: "="):
            kind = .delimiters
            closing = Array("=".utf8) + closeDelimiter
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        default: kind = .variable
        }
        if kind != .variable {
            contentStart += 1
        }
        guard let contentEnd = find(closing, from: contentStart) else {
            throw error(.unclosedTag(expected: String(decoding: closing, as: UTF8.self)), line: tagLine)
        }
        let content = String(decoding: source[contentStart..<contentEnd], as: UTF8.self)
        line += source[position..<contentEnd].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        position = contentEnd + closing.count
        switch kind {
        case .comment:
            currentLine.append(.tag(RawTag(kind: kind, name: "", line: tagLine)))
        case .delimiters:
            try setDelimiters(content, line: tagLine)
            currentLine.append(.tag(RawTag(kind: kind, name: "", line: tagLine)))
        default:
            currentLine.append(.tag(RawTag(kind: kind, name: try validName(content, line: tagLine), line: tagLine)))
        }
    }

    private func validName(_ content: String, line: Int) throws -> String {
        var name = content.trimmingMustacheWhitespace()
        if name.hasPrefix("*") {
            name = "*" + name.dropFirst().trimmingMustacheWhitespace()
        }
        let isBlank = name.isEmpty || name == "*"
        if isBlank || name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw error(.invalidName(content), line: line)
        }
        return name
    }

    private mutating func setDelimiters(_ content: String, line: Int) throws {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(.invalidDelimiters(content), line: line)
        }
        openDelimiter = Array(parts[0].utf8)
        closeDelimiter = Array(parts[1].utf8)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= source.count - needle.count else { return nil }
        var index = start
        let last = source.count - needle.count
        while index <= last {
            if source[index] == first, source[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    private func error(_ reason: MustacheError.Reason, line: Int) -> MustacheError {
        MustacheError(template: templateName, line: line, reason: reason)
    }
}
