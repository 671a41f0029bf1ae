import Foundation

/// How long a plan's access lasts once paid.
public enum PlanDuration: Equatable, Sendable {
    /// A number of calendar months from the start, counted in Paris time.
    case months(Int)
    /// Until a fixed moment ("jusqu'au concours"), whatever the purchase date; the end is exclusive.
    case untilDate(Date)

    /// When access bought at `start` ends.
    public func periodEnd(startingAt start: Date) -> Date {
        switch self {
        case .months(let count): ParisCalendar.adding(months: count, to: start)
        case .untilDate(let end): end
        }
    }

    /// French wording for pricing pages and invoices: `1 mois`, `jusqu'au 30/06/2027`.
    public var displayText: String {
        switch self {
        case .months(let count): "\(count) mois"
        case .untilDate(let end):
            "jusqu'au \(ParisCalendar.shortDate(end.addingTimeInterval(-1)))"
        }
    }
}
