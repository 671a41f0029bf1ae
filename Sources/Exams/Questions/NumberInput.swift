/// Reads numbers as candidates type them: decimal comma or point, spaces between thousands.
///
/// `2,5`, `2.5`, `-0,75`, `1 000`, `1 000,5` and `,5` are read; `2,500` and `1.000` are refused as
/// ambiguous (one separator followed by exactly three digits, integer part not zero), as is any string
/// with both a comma and a point. A trailing unit is dropped when it is the question's (`12 mL`, `12mL`).
public enum NumberInput {
    /// The number typed in `input`.
    ///
    /// - Parameter unit: the question's unit; when given, a trailing copy of it (any case) is ignored.
    /// - Throws: `NumberInputError`, whose `message` explains what to type instead.
    public static func parse(_ input: String, unit: String? = nil) throws(NumberInputError) -> Double {
        var text = Substring(input.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { throw .empty }
        if let unit = unit?.trimmingCharacters(in: .whitespaces), !unit.isEmpty,
            text.lowercased().hasSuffix(unit.lowercased())
        {
            text = text.dropLast(unit.count)
            while let last = text.last, last.isWhitespace { text.removeLast() }
        }

        var negative = false
        if let sign = text.first, "+-−".contains(sign) {
            negative = sign != "+"
            text = text.dropFirst()
            while let first = text.first, first.isWhitespace { text.removeFirst() }
        }

        let separators = text.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { throw .invalid(input: input) }
        let parts = text.split(separator: separators.first ?? ",", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fraction = parts.count > 1 ? String(parts[1]) : nil
        guard let integerDigits = digits(ofGrouped: integerPart) else { throw .invalid(input: input) }
        if let fraction, fraction.isEmpty || !fraction.allSatisfy(\.isASCIIDigit) { throw .invalid(input: input) }
        if integerDigits.isEmpty && fraction == nil { throw .invalid(input: input) }

        let grouped = integerPart.contains(where: \.isWhitespace)
        if let fraction, fraction.count == 3, !grouped, integerDigits.contains(where: { $0 != "0" }) {
            var decimal = fraction
            while decimal.hasSuffix("0") { decimal.removeLast() }
            let sign = negative ? "-" : ""
            let decimalSpelling =
                sign + integerDigits + (decimal.isEmpty ? "" : "," + (decimal == fraction ? fraction + "0" : decimal))
            throw .ambiguous(input: input, decimal: decimalSpelling, integer: sign + integerDigits + fraction)
        }

        let literal = (integerDigits.isEmpty ? "0" : integerDigits) + (fraction.map { "." + $0 } ?? "")
        guard let magnitude = Double(literal) else { throw .invalid(input: input) }
        return negative ? -magnitude : magnitude
    }

    /// The digits of an integer part, spaces allowed only between groups of three (`12 345`); nil otherwise.
    private static func digits(ofGrouped text: Substring) -> String? {
        let groups = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        guard text.allSatisfy({ $0.isASCIIDigit || $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }) else {
            return nil
        }
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        return groups.joined()
    }
}

extension Character {
    /// Whether the character is one of `0`...`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
