/// Renders a node tree into UTF-8 bytes: one buffer, one context stack, no re-parsing.
struct TemplateRenderer {
    /// Partials nested deeper than this are taken for endless recursion.
    static let depthLimit = 100

    private let library: TemplateLibrary?
    private var output: [UInt8] = []
    private var contexts: [MustacheValue]
    private var templateName: String
    private var depth = 0
    /// Written in front of each line; grows inside standalone partials and blocks.
    private var indentation: [UInt8] = []
    /// A line just ended and its indentation has not been written yet.
    private var atLineStart = true
    /// Block overrides of the parents being rendered, outermost first; the outermost wins.
    private var overrides: [[String: [Node]]] = []

    /// Prepares to render `templateName` against `value`, reserving `capacity` bytes.
    init(value: MustacheValue, templateName: String, library: TemplateLibrary?, capacity: Int) {
        self.contexts = [value]
        self.templateName = templateName
        self.library = library
        output.reserveCapacity(capacity)
    }

    /// Renders `nodes` and returns the UTF-8 bytes: the templates and every value are valid UTF-8,
    /// so the output is too and needs no second validation.
    mutating func render(_ nodes: [Node]) throws -> [UInt8] {
        try renderNodes(nodes)
        return output
    }

    private mutating func renderNodes(_ nodes: [Node]) throws {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let bytes):
                writeText(bytes)
            case .variable(let path, let escaped):
                writeIndentation()
                let text = lookup(path).renderedText
                if escaped { writeEscaped(text) } else { output.append(contentsOf: text.utf8) }
            case .section(let path, let children, let inverted, let standalone):
                if !standalone { writeIndentation() }
                try renderSection(lookup(path), children, inverted: inverted)
            case .partial(let reference, let placement):
                try renderPartial(reference, placement, overriding: nil)
            case .parent(let reference, let blocks, let placement):
                try renderPartial(reference, placement, overriding: blocks)
            case .block(let name, let defaultContent, let placement):
                try renderBlock(name, defaultContent, placement)
            }
        }
    }

    private mutating func renderSection(_ value: MustacheValue, _ children: [Node], inverted: Bool) throws {
        if inverted {
            if !value.isTruthy { try renderNodes(children) }
            return
        }
        if case .array(let items) = value {
            for item in items {
                contexts.append(item)
                try renderNodes(children)
                contexts.removeLast()
            }
        } else if value.isTruthy {
            contexts.append(value)
            try renderNodes(children)
            contexts.removeLast()
        }
    }

    private mutating func renderPartial(
        _ reference: TemplateReference, _ placement: Placement, overriding blocks: [String: [Node]]?
    ) throws {
        guard let template = resolve(reference) else { return }
        guard depth < Self.depthLimit else {
            let reason = MustacheError.Reason.recursionTooDeep(limit: Self.depthLimit)
            throw MustacheError(template: templateName, line: placement.line, reason: reason)
        }
        let saved = (indentation, templateName)
        if placement.standalone {
            indentation += placement.indentation
            atLineStart = true
        } else {
            writeIndentation()
        }
        if let blocks { overrides.append(blocks) }
        depth += 1
        templateName = template.name
        try renderNodes(template.nodes)
        depth -= 1
        if blocks != nil { overrides.removeLast() }
        (indentation, templateName) = saved
    }

    private mutating func renderBlock(_ name: String, _ defaultContent: [Node], _ placement: Placement) throws {
        if placement.standalone {
            atLineStart = true
        } else {
            writeIndentation()
        }
        let savedIndentation = indentation
        indentation += placement.indentation
        if let level = overrides.firstIndex(where: { $0[name] != nil }), let content = overrides[level][name] {
            // The override renders with the overrides in force where it was written.
            let savedOverrides = overrides
            overrides.removeSubrange(level...)
            try renderNodes(content)
            overrides = savedOverrides
        } else {
            try renderNodes(defaultContent)
        }
        indentation = savedIndentation
    }

    private func resolve(_ reference: TemplateReference) -> Template? {
        switch reference {
        case .fixed(let name):
            return library?.template(named: name)
        case .dynamic(let path):
            guard case .string(let name) = lookup(path) else { return nil }
            return library?.template(named: name)
        }
    }

    private func lookup(_ path: ValuePath) -> MustacheValue {
        guard let first = path.components.first else { return contexts[contexts.count - 1] }
        var found: MustacheValue?
        var index = contexts.count - 1
        while index >= 0, found == nil {
            if case .object(let fields) = contexts[index] {
                found = fields[first]
            }
            index -= 1
        }
        guard var value = found else { return .null }
        for component in path.components.dropFirst() {
            guard case .object(let fields) = value, let next = fields[component] else { return .null }
            value = next
        }
        return value
    }

    // MARK: - Output

    private mutating func writeIndentation() {
        if atLineStart {
            output.append(contentsOf: indentation)
            atLineStart = false
        }
    }

    private mutating func writeText(_ bytes: [UInt8]) {
        guard let last = bytes.last else { return }
        writeIndentation()
        if indentation.isEmpty {
            output.append(contentsOf: bytes)
        } else {
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")), newline < bytes.count - 1 {
                output.append(contentsOf: bytes[start...newline])
                output.append(contentsOf: indentation)
                start = newline + 1
            }
            output.append(contentsOf: bytes[start...])
        }
        atLineStart = last == UInt8(ascii: "\n")
    }

    private mutating func writeEscaped(_ text: String) {
        let escapedInPlace: Void? = text.utf8.withContiguousStorageIfAvailable { writeEscaped(bytes: $0) }
        if escapedInPlace == nil {
            Array(text.utf8).withUnsafeBufferPointer { writeEscaped(bytes: $0) }
        }
    }

    private mutating func writeEscaped(bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: [UInt8]
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = HTMLEntity.ampersand
            case UInt8(ascii: "<"): replacement = HTMLEntity.lessThan
            case UInt8(ascii: ">"): replacement = HTMLEntity.greaterThan
            case UInt8(ascii: "\""): replacement = HTMLEntity.quote
            case UInt8(ascii: "'"): replacement = HTMLEntity.apostrophe
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: replacement)
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

/// The replacements `{{name}}` writes for the five characters that matter in HTML.
private enum HTMLEntity {
    static let ampersand = Array("&amp;".utf8)
    static let lessThan = Array("&lt;".utf8)
    static let greaterThan = Array("&gt;".utf8)
    static let quote = Array("&quot;".utf8)
    static let apostrophe = Array("&#39;".utf8)
}
