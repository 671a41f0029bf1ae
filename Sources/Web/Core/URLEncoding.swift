/// Strict percent-encoding: decoding refuses what a lenient decoder would guess at.
///
/// A `%` not followed by two hex digits, or bytes that are not UTF-8 after
/// decoding, make the whole input malformed (the server answers 400).
public enum URLEncoding {
    /// Decodes one component; `nil` when an escape is broken or the result is not UTF-8.
    ///
    /// With `plusAsSpace`, `+` means a space, as in query strings and form bodies.
    public static func decode(_ component: some Collection<UInt8>, plusAsSpace: Bool) -> String? {
        guard let bytes = decodeBytes(component, plusAsSpace: plusAsSpace) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Decodes `name=value&...` pairs in order; `nil` when any pair is malformed.
    ///
    /// Empty pairs (`a=1&&b=2`) are skipped; a pair without `=` has an empty value.
    public static func decodeForm(_ bytes: some Collection<UInt8>) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0], plusAsSpace: true) else { return nil }
            let rawValue = parts.count > 1 ? parts[1] : pair[pair.endIndex...]
            guard let value = decode(rawValue, plusAsSpace: true) else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986 §2.3), for query values.
    public static func encode(_ text: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    /// Decodes escapes into raw bytes; `nil` when an escape is broken.
    static func decodeBytes(_ component: some Collection<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(component.count)
        var index = component.startIndex
        while index != component.endIndex {
            let byte = component[index]
            if byte == UInt8(ascii: "%") {
                let high = component.index(after: index)
                guard high != component.endIndex else { return nil }
                let low = component.index(after: high)
                guard low != component.endIndex,
                    let highValue = hexValue(component[high]), let lowValue = hexValue(component[low])
                else { return nil }
                output.append(highValue << 4 | lowValue)
                index = component.index(after: low)
                continue
            }
            output.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = component.index(after: index)
        }
        return output
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
