import Foundation

/// Formats dates as IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), without a shared formatter.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate text of `date`.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let bounded = interval.isFinite ? min(max(interval, -62_135_596_800), 253_402_300_799) : 0
        var seconds = time_t(bounded.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let weekday = weekdays[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        let time = "\(padded(parts.tm_hour)):\(padded(parts.tm_min)):\(padded(parts.tm_sec))"
        return "\(weekday), \(padded(parts.tm_mday)) \(month) \(Int(parts.tm_year) + 1900) \(time) GMT"
    }

    private static func padded(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
