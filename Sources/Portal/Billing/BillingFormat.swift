import Billing
import Foundation

/// How billing values read on pages and how admins type them: euros, Paris dates, statuses.
enum BillingFormat {
    /// `19,90 €`.
    static func euros(_ cents: Int) -> String {
        PriceBreakdown.euros(cents)
    }

    /// The last day of an exclusive end, `30 juin 2027`, for ends at midnight; date and time otherwise.
    static func until(_ end: Date) -> String {
        let calendar = parisCalendar
        let parts = calendar.dateComponents([.hour, .minute, .second], from: end)
        if parts.hour == 0 && parts.minute == 0 && parts.second == 0 {
            return FrenchFormat.date(end.addingTimeInterval(-1)) + " inclus"
        }
        return FrenchFormat.dateTime(end)
    }

    /// Euros as typed by an admin (`19,90`, `19.9`, `129`, `1 290,00 €`) in cents; `nil` when unreadable.
    static func cents(from text: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: "€", with: "")
        for space in [" ", "\u{00A0}", "\u{202F}"] { cleaned = cleaned.replacingOccurrences(of: space, with: "") }
        cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, !parts[0].isEmpty else {
            return nil
        }
        guard parts.count == 2 else { return whole * 100 }
        let fraction = String(parts[1])
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), let value = Int(fraction) else {
            return nil
        }
        return whole * 100 + (fraction.count == 1 ? value * 10 : value)
    }

    /// The moment a day typed as `2027-06-30` or `30/06/2027` ends in Paris (midnight after it); `nil` when unreadable.
    static func endOfDay(_ text: String) -> Date? {
        let isFrench = text.contains("/")
        var parts = text.split(separator: isFrench ? "/" : "-").compactMap { Int($0) }
        if isFrench { parts.reverse() }
        guard parts.count == 3, parts[0] >= 2000, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            return nil
        }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: parisCalendar), let start = parisCalendar.date(from: components) else {
            return nil
        }
        return parisCalendar.date(byAdding: .day, value: 1, to: start)
    }

    /// The French label of an order status.
    static func label(_ status: OrderStatus) -> String {
        switch status {
        case .pending: "En attente de paiement"
        case .paid: "Payée"
        case .failed: "Paiement refusé"
        case .refunded: "Remboursée"
        }
    }

    private static let parisCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = FrenchFormat.parisTimeZone
        return calendar
    }()
}

extension BillingError {
    /// The status a page or API answers with when this error is shown.
    var httpStatus: Int {
        switch self {
        case .planNotFound, .orderNotFound, .subscriptionNotFound, .invoiceNotFound, .voucherBatchNotFound: 404
        case .voucherAlreadyUsed, .subscriptionNotCancellable: 409
        case .planArchived, .planEnded, .voucherExpired: 410
        case .providerFailed: 502
        case .badSignature, .malformedEvent: 400
        default: 422
        }
    }
}
