import Web

/// The paywall's pages and endpoints in one table: method, path, handler.
enum BillingRoutes {
    static func install(on app: App) {
        app.route(.get, "/tarifs", PricingPage.show)
        app.route(.get, "/paiement/confirmer", OrderConfirmPage.show)
        app.route(.post, "/paiement/commander", CheckoutAction.start)
        app.route(.get, "/paiement/bac-a-sable/:session", SandboxCheckoutPage.show)
        app.route(.post, "/paiement/bac-a-sable/:session", SandboxCheckoutPage.submit)
        app.route(.get, "/paiement/retour", CheckoutReturnPage.show)
        app.bare(.post, "/paiement/webhook", WebhookEndpoint.receive(app))

        app.route(.get, "/compte/abonnement", SubscriptionPage.show)
        app.route(.post, "/compte/abonnement/:id/resilier", SubscriptionCancelAction.cancel)
        app.route(.get, "/compte/factures/:number", InvoicePage.show)
        app.route(.get, "/compte/avoirs/:number", CreditNotePage.show)
        app.route(.get, "/bons", VoucherRedeemPage.show)
        app.route(.post, "/bons", VoucherRedeemPage.submit)

        app.route(.get, "/admin/bons", VoucherBatchAdminPage.show)
        app.route(.post, "/admin/bons", VoucherBatchAdminPage.create)
        app.route(.get, "/admin/bons/:id", VoucherBatchReportPage.show)
        app.route(.get, "/admin/tarifs", PlanAdminPage.show)
        app.route(.post, "/admin/tarifs", PlanAdminPage.create)
        app.route(.post, "/admin/tarifs/:id/prix", PlanAdminPage.changePrice)
        app.route(.post, "/admin/tarifs/:id/archiver", PlanAdminPage.archive)

        app.bare(.get, "/.well-known/jwks.json", TokenEndpoints.jwks(app))
        app.route(.post, "/api/v1/token", TokenEndpoints.issue)
        app.bare(.get, "/api/v1/me", TokenEndpoints.me(app))
    }
}
