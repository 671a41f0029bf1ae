/// HTML escaping for text placed in markup outside templates (error pages, rendered question text).
public enum HTMLText {
    /// `text` with `& < > " '` replaced by entities.
    ///
    /// Works on UTF-8 bytes, not characters: a quote followed by a combining mark is one `Character`
    /// that is not `"`, yet the browser still reads the quote.
    public static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text.unicodeScalars, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `scalars` to `bytes` as escaped UTF-8; with `lineBreaks`, each `\n` becomes `<br>`.
    ///
    /// Inlinable, so that callers in other modules get it specialized for their sequence type: called
    /// generically, each scalar went through the sequence's witness table (4 % of a question page).
    @inlinable
    public static func append<Scalars: Sequence<Unicode.Scalar>>(
        _ scalars: Scalars, to bytes: inout [UInt8], lineBreaks: Bool = false
    ) {
        for scalar in scalars {
            switch scalar {
            case "&": bytes += entityAmpersand
            case "<": bytes += entityLessThan
            case ">": bytes += entityGreaterThan
            case "\"": bytes += entityQuote
            case "'": bytes += entityApostrophe
            case "\n" where lineBreaks: bytes += lineBreak
            default: UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    @usableFromInline static let entityAmpersand = Array("&amp;".utf8)
    @usableFromInline static let entityLessThan = Array("&lt;".utf8)
    @usableFromInline static let entityGreaterThan = Array("&gt;".utf8)
    @usableFromInline static let entityQuote = Array("&quot;".utf8)
    @usableFromInline static let entityApostrophe = Array("&#39;".utf8)
    @usableFromInline static let lineBreak = Array("<br>".utf8)
}

/// JSON string quoting without an encoder, for error bodies.
enum JSONText {
    /// `text` as a quoted JSON string, in UTF-8.
    static func quoted(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): output += Array("\\\\".utf8)
            case UInt8(ascii: "\n"): output += Array("\\n".utf8)
            case UInt8(ascii: "\r"): output += Array("\\r".utf8)
            case UInt8(ascii: "\t"): output += Array("\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += Array(("\\u00" + (hex.count == 1 ? "0" + hex : hex)).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }
}

/// The optional white space of HTTP fields: spaces and tabs (RFC 9110, section 5.6.3).
enum HTTPSpace {
    /// `text` without spaces and tabs at either end.
    static func trimmed<Text: StringProtocol>(_ text: Text) -> String {
        // Space and tab are single bytes in UTF-8: trimming bytes never splits a character.
        let bytes = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        while start != bytes.endIndex, isSpace(bytes[start]) { bytes.formIndex(after: &start) }
        var end = start
        var index = start
        while index != bytes.endIndex {
            if !isSpace(bytes[index]) { end = bytes.index(after: index) }
            bytes.formIndex(after: &index)
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
