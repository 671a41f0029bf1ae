import Foundation

/// Dates and numbers as French readers expect them, in `Europe/Paris`.
public enum FrenchFormat {
    static let parisTimeZone = TimeZone(identifier: "Europe/Paris") ?? .current

    /// "3 décembre 2026".
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = parisTimeZone
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }

    /// "3 décembre 2026 à 14:05".
    public static func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = parisTimeZone
        formatter.dateFormat = "d MMMM yyyy 'à' HH:mm"
        return formatter.string(from: date)
    }

    /// "tiers-temps (temps × 4/3)" or "temps × 1,5".
    public static func timeFactor(_ factor: Double) -> String {
        if abs(factor - 4.0 / 3.0) < 0.001 { return "tiers-temps (temps × 4/3)" }
        return "temps × " + decimal(factor, digits: 2)
    }

    /// A number with a decimal comma and at most `digits` decimals ("12,5").
    public static func decimal(_ value: Double, digits: Int = 2) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
