import Foundation

/// Numbers written the French way for messages: `7,5`, `10`, `13,25`.
enum FrenchNumber {
    /// `value` with at most two decimals, a decimal comma and no trailing zeros.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
