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

    /// A number with a decimal comma and at most `digits` decimals ("12,5"), rounded half away from zero.
    ///
    /// Built from integers rather than `String(format:)`: catalogue and result pages call it for every
    /// score, and the Foundation formatter was a tenth of the catalogue page's time.
    public static func decimal(_ value: Double, digits: Int = 2) -> String {
        let digits = min(max(digits, 0), 6)
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, scaled < 1e15 else { return String(value).replacingOccurrences(of: ".", with: ",") }
        let units = Int(scaled)
        var text = units == 0 || value > 0 ? "" : "-"
        text += String(units / scale)
        var fraction = units % scale
        var width = digits
        while width > 0, fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        if width > 0 {
            let figures = String(fraction)
            text += "," + String(repeating: "0", count: width - figures.count) + figures
        }
        return text
    }
}
