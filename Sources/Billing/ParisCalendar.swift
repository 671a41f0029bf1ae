import Foundation

/// Calendar arithmetic in `Europe/Paris`, where plan periods and invoice years are counted.
enum ParisCalendar {
    /// The Gregorian calendar in Paris time.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(identifier: "Europe/Paris") else {
            preconditionFailure("billing: time zone Europe/Paris missing from the system's zone data")
        }
        calendar.timeZone = zone
        return calendar
    }()

    /// The civil year of `date` in Paris: an invoice issued at 00:30 on 1 January belongs to the new year.
    static func year(of date: Date) -> Int {
        calendar.component(.year, from: date)
    }

    /// `date` plus `months` calendar months (31 January + 1 month = 28 or 29 February).
    static func adding(months: Int, to date: Date) -> Date {
        guard let result = calendar.date(byAdding: .month, value: months, to: date) else {
            preconditionFailure("billing: cannot add \(months) months to \(date)")
        }
        return result
    }

    /// Midnight in Paris starting the given day.
    static func startOfDay(year: Int, month: Int, day: Int) -> Date {
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else {
            preconditionFailure("billing: invalid date \(year)-\(month)-\(day)")
        }
        return date
    }

    /// `dd/MM/yyyy` in Paris.
    static func shortDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let day = parts.day ?? 0
        let month = parts.month ?? 0
        return String(format: "%02d/%02d/%04d", day, month, parts.year ?? 0)
    }
}
