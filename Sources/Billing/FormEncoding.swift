/// `application/x-www-form-urlencoded` bodies, as Stripe's API reads them.
enum FormEncoding {
    /// Joins `key=value` pairs with `&`, in order, percent-encoding both sides.
    ///
    /// Square brackets in keys stay literal (`line_items[0][quantity]`), as
    /// Stripe's own libraries send them; spaces become `%20`.
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0, keepBrackets: true))=\(escape($0.1, keepBrackets: false))" }
            .joined(separator: "&")
    }

    private static func escape(_ text: String, keepBrackets: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(UnicodeScalar(byte))
            case UInt8(ascii: "["),
                UInt8(ascii: "]") where keepBrackets:
                output.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                output += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
            }
        }
        return output
    }
}
