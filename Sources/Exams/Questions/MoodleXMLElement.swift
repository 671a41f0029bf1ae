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
