import Billing
import Web

/// "Mon abonnement": access per preparation, orders, subscriptions with "Résilier", invoices and credit notes.
enum SubscriptionPage {
    struct View: Encodable {
        var layout: LayoutView
        var access: [TrackAccess]
        var subscriptions: [SubscriptionRow]
        var orders: [OrderRow]
        var invoices: [DocumentRow]
        var creditNotes: [DocumentRow]
        var formErrors: FormErrors?
        var hasSubscriptions: Bool
        var hasOrders: Bool
        var hasInvoices: Bool
        var hasCreditNotes: Bool
    }

    /// Whether one preparation is open, and until when.
    struct TrackAccess: Encodable {
        var name: String
        var until: String?
    }

    /// A paid period and whether it can still be cancelled.
    struct SubscriptionRow: Encodable {
        var id: Int64
        var planName: String
        var scope: String
        var stateLabel: String
        var start: String
        var end: String
        var accessUntil: String?
        var cancellable: Bool
    }

    /// An order line.
    struct OrderRow: Encodable {
        var id: Int64
        var date: String
        var planName: String
        var ttc: String
        var statusLabel: String
    }

    /// An invoice or a credit note.
    struct DocumentRow: Encodable {
        var number: String
        var href: String
        var date: String
        var ttc: String
        var detail: String?
    }

    static func show(_ context: inout Context) throws -> Response {
        try render(context, errors: [])
    }

    /// The page, with the reason a cancellation was refused when there is one.
    static func render(_ context: Context, errors: [String], status: Int = 200) throws -> Response {
        let user = try context.requireUser()
        let db = context.db
        let now = context.now

        let entitlements = EntitlementService(db: db, logger: context.logger)
        let access = try Track.allCases.map { track in
            TrackAccess(
                name: track.displayName,
                until: try entitlements.check(userID: user.id, track: track, now: now).map {
                    BillingFormat.until($0.validUntil)
                })
        }
        let subscriptions = try SubscriptionStore(db).subscriptions(userID: user.id).map { subscription in
            SubscriptionRow(
                id: subscription.id, planName: subscription.planName, scope: subscription.scope.displayName,
                stateLabel: subscription.state.label, start: FrenchFormat.date(subscription.periodStart),
                end: BillingFormat.until(subscription.periodEnd),
                accessUntil: subscription.grantsAccess(at: now) ? subscription.accessEnd.map(BillingFormat.until) : nil,
                cancellable: [.active, .trialing, .pastDue].contains(subscription.state))
        }
        let orders = try OrderStore(db).orders(userID: user.id).map {
            OrderRow(
                id: $0.id, date: FrenchFormat.date($0.createdAt), planName: $0.planName,
                ttc: BillingFormat.euros($0.price.ttcCents), statusLabel: BillingFormat.label($0.status))
        }
        let invoices = try InvoiceStore(db).invoices(userID: user.id).map {
            DocumentRow(
                number: $0.number, href: "/compte/factures/\($0.number)", date: FrenchFormat.date($0.issuedAt),
                ttc: BillingFormat.euros($0.total.ttcCents), detail: $0.lines.first?.description)
        }
        let notes = try InvoiceStore(db).creditNotes(userID: user.id).map {
            DocumentRow(
                number: $0.number, href: "/compte/avoirs/\($0.number)", date: FrenchFormat.date($0.issuedAt),
                ttc: BillingFormat.euros($0.total.ttcCents), detail: "Facture \($0.invoiceNumber)")
        }

        let view = View(
            layout: context.layout(notice: BillingNotice.from(context.request)), access: access,
            subscriptions: subscriptions, orders: orders, invoices: invoices, creditNotes: notes,
            formErrors: FormErrors(errors), hasSubscriptions: !subscriptions.isEmpty, hasOrders: !orders.isEmpty,
            hasInvoices: !invoices.isEmpty, hasCreditNotes: !notes.isEmpty)
        return try context.render("pages/billing/subscription", view, status: status)
    }
}
