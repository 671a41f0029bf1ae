import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML tree with source lines, built with `XMLParser` for the Moodle XML importer.
final class MoodleXMLElement {
    /// Tag name.
    let name: String
    /// Attributes as written.
    let attributes: [String: String]
    /// Line where the element starts.
    let line: Int
    /// Child elements in order.
    var children: [MoodleXMLElement] = []
    /// Character data directly inside the element (CDATA included), untrimmed.
    var text = ""

    /// An element with no children yet.
    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The first child named `name`.
    func child(_ name: String) -> MoodleXMLElement? { children.first { $0.name == name } }

    /// All children named `name`.
    func children(_ name: String) -> [MoodleXMLElement] { children.filter { $0.name == name } }

    /// The `<text>` of the child named `name` (or of this element when `name` is nil), untrimmed.
    func textChild(_ name: String? = nil) -> String? {
        let holder = name.map { child($0) } ?? self
        return holder?.child("text")?.text
    }

    /// Parses a document; throws the parser's line and message when the XML is malformed.
    static func parse(_ data: Data) throws(MoodleXMLSyntaxError) -> MoodleXMLElement {
        try refuseUnsafeInput([UInt8](data))
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let message = parser.parserError.map { String(describing: $0.localizedDescription) } ?? "document vide"
            throw MoodleXMLSyntaxError(line: max(parser.lineNumber, 1), message: message)
        }
        if let open = builder.stack.last {
            throw MoodleXMLSyntaxError(line: open.line, message: "balise <\(open.name)> jamais fermée")
        }
        return root
    }

    /// Refuses what `XMLParser` on Linux traps on instead of failing: swift-corelibs-foundation
    /// force-unwraps names as UTF-8 and reads the data of any processing instruction, even a
    /// missing one (`<?a?>`). Moodle XML is UTF-8 and has no processing instruction, so any `<?`
    /// but the XML declaration is refused, even in a comment (libxml2 recovers from broken ones);
    /// and so is any other encoding, in which `<?` would not be spelled with these two bytes.
    /// A document type is refused too: `XMLParser` leaves the references to its entities out of the
    /// text without a word, so a question would lose words silently; Moodle never writes one.
    private static func refuseUnsafeInput(_ bytes: [UInt8]) throws(MoodleXMLSyntaxError) {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar) where scalar == "\0": throw notUTF8(line: line)
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: break decoding
            case .error: throw notUTF8(line: line)
            }
        }

        line = 1
        let declarationStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            if bytes[(index + 1)...].starts(with: doctype) {
                throw MoodleXMLSyntaxError(
                    line: line,
                    message: "déclaration <!DOCTYPE> non prise en charge (Moodle n'en écrit pas) : retirez-la")
            }
            guard bytes[(index + 1)...].first == UInt8(ascii: "?") else { continue }
            if index == declarationStart, let encoding = declaredEncoding(bytes[index...]) {
                guard ["utf-8", "utf8", ""].contains(encoding.lowercased()) else { throw notUTF8(line: line) }
                continue
            }
            throw MoodleXMLSyntaxError(line: line, message: "instruction de traitement <?...?> non prise en charge")
        }
    }

    private static let doctype = Array("!DOCTYPE".utf8)

    private static func notUTF8(line: Int) -> MoodleXMLSyntaxError {
        MoodleXMLSyntaxError(line: line, message: "le fichier doit être enregistré en UTF-8")
    }

    /// The `encoding` of the XML declaration `bytes` open with (empty when not given);
    /// nil when they do not open with a declaration (`<?xml` then a space).
    private static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
        let spaces: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        guard bytes.starts(with: Array("<?xml".utf8)), let sixth = bytes.dropFirst(5).first, spaces.contains(sixth)
        else { return nil }
        let end = bytes.firstRange(of: Array("?>".utf8))?.lowerBound ?? bytes.endIndex
        var rest = bytes[..<end]
        guard let name = rest.firstRange(of: Array("encoding".utf8)) else { return "" }
        rest = rest[name.upperBound...].drop { spaces.contains($0) || $0 == UInt8(ascii: "=") }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return "?" }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    /// Where and why `XMLParser` refused a document.
    struct MoodleXMLSyntaxError: Error {
        /// Line where parsing stopped.
        let line: Int
        /// What the parser or the tree check reported.
        let message: String
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: MoodleXMLElement?
        var stack: [MoodleXMLElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let element = MoodleXMLElement(name: elementName, attributes: attributeDict, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
