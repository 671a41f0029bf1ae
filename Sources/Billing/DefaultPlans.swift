import Foundation
import Storage

/// The plans a fresh installation sells, so the pricing page is never empty.
///
/// Prices are TTC at 20 % VAT: 19,90 € a month for one preparation, 49,90 €
/// for three months, 79,90 € for three months of every preparation, and
/// 129 € for every preparation until the end of the 2027 selections
/// (30 June 2027 inclusive, Paris time). Admins change them afterwards.
public enum DefaultPlans {
    /// End of the "jusqu'au concours" plan: 1 July 2027 at 00:00 Paris, exclusive.
    public static let concours2027End = ParisCalendar.startOfDay(year: 2027, month: 7, day: 1)

    /// Creates each default plan whose slug is missing; returns how many were created.
    ///
    /// Running it again changes nothing, and never touches a plan an admin
    /// edited or archived. The dated plan is skipped once its end has passed.
    @discardableResult
    public static func seed(_ db: Database, now: Date) throws -> Int {
        let store = PlanStore(db)
        return try db.transaction {
            var created = 0
            for plan in plans where try store.plan(slug: plan.slug) == nil {
                if case .untilDate(let end) = plan.duration, end <= now { continue }
                try store.create(
                    slug: plan.slug, name: plan.name, scope: plan.scope, duration: plan.duration,
                    priceTTCCents: plan.priceTTCCents, now: now)
                created += 1
            }
            return created
        }
    }

    /// One plan of the default offer.
    public struct Entry: Sendable {
        /// Stable slug, the key that makes seeding idempotent.
        public let slug: String
        /// French name.
        public let name: String
        /// What it unlocks.
        public let scope: AccessScope
        /// How long it lasts.
        public let duration: PlanDuration
        /// Price VAT included.
        public let priceTTCCents: Int
    }

    /// The default offer, in the order the pricing page shows it.
    public static var plans: [Entry] {
        let oneMonth = Track.allCases.map {
            Entry(
                slug: "\($0.rawValue)-1-mois", name: "Préparation \($0.displayName) — 1 mois", scope: .track($0),
                duration: .months(1), priceTTCCents: 1990)
        }
        let threeMonths = Track.allCases.map {
            Entry(
                slug: "\($0.rawValue)-3-mois", name: "Préparation \($0.displayName) — 3 mois", scope: .track($0),
                duration: .months(3), priceTTCCents: 4990)
        }
        let everything = [
            Entry(
                slug: "toutes-3-mois", name: "Toutes les préparations — 3 mois", scope: .all,
                duration: .months(3), priceTTCCents: 7990),
            Entry(
                slug: "toutes-concours-2027", name: "Toutes les préparations — jusqu'aux sélections 2027",
                scope: .all,
                duration: .untilDate(concours2027End), priceTTCCents: 12900),
        ]
        return oneMonth + threeMonths + everything
    }
}
