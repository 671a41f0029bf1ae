/// Turns scanned lines into the node tree: removes standalone lines, records
/// indentation for partials, parents and blocks, and matches sections.
struct TemplateParser {
    /// A token once its line has been judged standalone or not.
    private enum Token {
        case text([UInt8], atLineStart: Bool)
        /// `indentation` is the line's leading whitespace for a standalone partial or
        /// parent; for a block, the indentation its content is written at.
        case tag(RawTag, standalone: Bool, indentation: [UInt8])
    }

    /// An open section, block or parent (or the template itself) collecting its children.
    private struct Frame {
        let tag: RawTag?
        let standalone: Bool
        let indentation: [UInt8]
        /// Whitespace removed from the start of each line inside (the innermost block's indentation).
        let strip: [UInt8]
        var nodes: [Node] = []
    }

    private let templateName: String

    /// Prepares a parser whose errors name `templateName`.
    init(templateName: String) {
        self.templateName = templateName
    }

    /// Parses `source` into nodes.
    func parse(_ source: String) throws -> [Node] {
        var scanner = TemplateScanner(source: source, templateName: templateName)
        let lines = try scanner.scan()
        return try buildTree(resolveStandalone(lines))
    }

    // MARK: - Standalone lines

    private func resolveStandalone(_ lines: [[RawToken]]) -> [Token] {
        var tokens: [Token] = []
        for (index, line) in lines.enumerated() {
            let nextIndentation = index + 1 < lines.count ? leadingWhitespace(lines[index + 1]) : []
            if isStandalone(line) {
                let indentation = leadingWhitespace(line)
                for case .tag(let tag) in line {
                    let tagIndentation = tag.kind == .block ? nextIndentation : indentation
                    tokens.append(.tag(tag, standalone: true, indentation: tagIndentation))
                }
                continue
            }
            var onlyWhitespaceBefore: [UInt8]? = []
            for (position, token) in line.enumerated() {
                switch token {
                case .text(let bytes):
                    tokens.append(.text(bytes, atLineStart: position == 0))
                    onlyWhitespaceBefore = position == 0 && isBlank(bytes) ? bytes : nil
                case .tag(let tag):
                    let indentation = tag.kind == .block ? onlyWhitespaceBefore ?? [] : []
                    tokens.append(.tag(tag, standalone: false, indentation: indentation))
                    onlyWhitespaceBefore = nil
                }
            }
        }
        return tokens
    }

    /// A line of whitespace and tags that print nothing, with at most one partial or parent.
    ///
    /// `{{$name}}{{/name}}` alone on a line is not standalone: the block expands
    /// inline there, keeping the line's indentation and line break.
    private func isStandalone(_ line: [RawToken]) -> Bool {
        var tags: [RawTag] = []
        for token in line {
            switch token {
            case .text(let bytes): if !isBlank(bytes) { return false }
            case .tag(let tag): tags.append(tag)
            }
        }
        guard !tags.isEmpty, tags.allSatisfy(\.kind.canStandAlone) else { return false }
        if tags.filter({ $0.kind == .partial || $0.kind == .parent }).count > 1 { return false }
        let isInlineBlock = tags.count == 2 && tags[0].kind == .block && tags[1].kind == .close
        return !isInlineBlock
    }

    private func leadingWhitespace(_ line: [RawToken]) -> [UInt8] {
        guard case .text(let bytes)? = line.first else { return [] }
        return Array(bytes.prefix(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }))
    }

    /// Spaces and tabs, optionally ended by `\n` or `\r\n`.
    private func isBlank(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.last == UInt8(ascii: "\n") {
            body = body.dropLast()
            if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
        }
        return body.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: - Tree

    private func buildTree(_ tokens: [Token]) throws -> [Node] {
        var stack = [Frame(tag: nil, standalone: false, indentation: [], strip: [])]
        for token in tokens {
            switch token {
            case .text(var bytes, let atLineStart):
                if atLineStart {
                    bytes.removeFirst(commonPrefixLength(bytes, stack[stack.count - 1].strip))
                }
                appendText(bytes, to: &stack[stack.count - 1])
            case .tag(let tag, let standalone, let indentation):
                try handle(tag, standalone: standalone, indentation: indentation, stack: &stack)
            }
        }
        if stack.count > 1, let open = stack.last?.tag {
            throw MustacheError(template: templateName, line: open.line, reason: .unclosedSection(open.name))
        }
        return stack[0].nodes
    }

    private func handle(_ tag: RawTag, standalone: Bool, indentation: [UInt8], stack: inout [Frame]) throws {
        let strip = stack[stack.count - 1].strip
        let relative = Array(indentation.dropFirst(commonPrefixLength(indentation, strip)))
        let placement = Placement(standalone: standalone, indentation: relative, line: tag.line)
        switch tag.kind {
        case .comment, .delimiters:
            return
        case .variable, .unescaped:
            stack[stack.count - 1].nodes.append(.variable(ValuePath(tag.name), escaped: tag.kind == .variable))
        case .partial:
            stack[stack.count - 1].nodes.append(.partial(TemplateReference(tag.name), placement))
        case .section, .inverted, .parent:
            stack.append(Frame(tag: tag, standalone: standalone, indentation: relative, strip: strip))
        case .block:
            stack.append(Frame(tag: tag, standalone: standalone, indentation: relative, strip: indentation))
        case .close:
            try close(tag, stack: &stack)
        }
    }

    private func close(_ tag: RawTag, stack: inout [Frame]) throws {
        guard stack.count > 1, let frame = stack.popLast(), let open = frame.tag else {
            throw MustacheError(template: templateName, line: tag.line, reason: .unexpectedClose(tag.name))
        }
        guard open.name == tag.name else {
            let reason = MustacheError.Reason.mismatchedClose(expected: open.name, found: tag.name)
            throw MustacheError(template: templateName, line: tag.line, reason: reason)
        }
        let placement = Placement(standalone: frame.standalone, indentation: frame.indentation, line: open.line)
        let node: Node
        switch open.kind {
        case .section, .inverted:
            let path = ValuePath(open.name)
            node = .section(path, frame.nodes, inverted: open.kind == .inverted, standalone: frame.standalone)
        case .block:
            node = .block(open.name, frame.nodes, placement)
        default:
            var overrides: [String: [Node]] = [:]
            for case .block(let name, let content, _) in frame.nodes where overrides[name] == nil {
                overrides[name] = content
            }
            node = .parent(TemplateReference(open.name), overrides: overrides, placement)
        }
        stack[stack.count - 1].nodes.append(node)
    }

    private func appendText(_ bytes: [UInt8], to frame: inout Frame) {
        guard !bytes.isEmpty else { return }
        if case .text(var previous)? = frame.nodes.last {
            frame.nodes.removeLast()
            previous.append(contentsOf: bytes)
            frame.nodes.append(.text(previous))
        } else {
            frame.nodes.append(.text(bytes))
        }
    }

    private func commonPrefixLength(_ bytes: [UInt8], _ prefix: [UInt8]) -> Int {
        var length = 0
        while length < bytes.count, length < prefix.count, bytes[length] == prefix[length] {
            length += 1
        }
        return length
    }
}
