import Web

/// The whole site in one table: method, path, handler.
///
/// `deferred` routes are the long ones, exam starts and submissions (drawing, scoring) and password
/// checks (scrypt): they run on the server's deferred lane, so that the answer saves and pages sharing
/// a server thread with them are not kept waiting (`DeferredLane`).
enum Routes {
    static func install(on app: App) {
        app.route(.get, "/", HomePage.show)
        app.route(.get, "/preparations/:track", PreparationPage.show)
        app.route(.get, "/examens/:exam", ExamIntroPage.show)
        app.route(.post, "/examens/:exam/commencer", deferred: true, ExamStartAction.start)
        app.route(.get, "/epreuves/:token", AttemptPage.show)
        app.route(.post, "/epreuves/:token/questions/:position", AnswerFormAction.save)
        app.route(.post, "/epreuves/:token/section-suivante", SectionAction.next)
        app.route(.get, "/epreuves/:token/terminer", FinishPage.show)
        app.route(.post, "/epreuves/:token/terminer", deferred: true, FinishPage.submit)
        app.route(.get, "/epreuves/:token/resultats", ResultPage.show)
        app.route(.get, "/epreuves/:token/correction", ReviewPage.show)
        app.route(.get, "/compte/progression", HistoryPage.show)
        app.route(.get, "/formateurs", TrainerPages.home)
        app.route(.get, "/formateurs/statistiques/:exam", TrainerPages.statistics)

        app.route(.get, "/api/v1/exams", ExamAPI.catalogue)
        app.route(.post, "/api/v1/exams/:exam/attempts", deferred: true, ExamAPI.start)
        app.route(.get, "/api/v1/attempts/:token", ExamAPI.attempt)
        app.route(.get, "/api/v1/attempts/:token/items/:position", ExamAPI.item)
        app.route(.put, "/api/v1/attempts/:token/items/:position/answer", ExamAPI.save)
        app.route(.post, "/api/v1/attempts/:token/next-section", ExamAPI.nextSection)
        app.route(.post, "/api/v1/attempts/:token/submit", deferred: true, ExamAPI.submit)
        app.route(.get, "/api/v1/attempts/:token/result", ExamAPI.result)
        app.bare(.get, "/api/v1/openapi.json", OpenAPIDocument.serve(app))

        app.route(.get, "/inscription", RegistrationPage.show)
        app.route(.post, "/inscription", deferred: true, RegistrationPage.submit)
        app.route(.get, "/compte/confirmer", EmailConfirmation.confirm)
        app.route(.post, "/compte/confirmation/renvoyer", EmailConfirmation.resend)
        app.route(.get, "/connexion", LoginPage.show)
        app.route(.post, "/connexion", deferred: true, LoginPage.submit)
        app.route(.post, "/deconnexion", LogoutAction.logout)
        app.route(.post, "/compte/deconnexion-partout", LogoutAction.logoutEverywhere)
        app.route(.get, "/compte/mot-de-passe/oubli", PasswordResetPage.showRequest)
        app.route(.post, "/compte/mot-de-passe/oubli", PasswordResetPage.submitRequest)
        app.route(.get, "/compte/mot-de-passe/nouveau", PasswordResetPage.showForm)
        app.route(.post, "/compte/mot-de-passe/nouveau", deferred: true, PasswordResetPage.submitForm)

        app.route(.get, "/compte", AccountPage.show)
        app.route(.post, "/compte/profil", AccountPage.updateProfile)
        app.route(.post, "/compte/mot-de-passe", deferred: true, AccountPage.changePassword)
        app.route(.get, "/compte/export", AccountExportAction.download)
        app.route(.get, "/compte/suppression", AccountDeletionPage.show)
        app.route(.post, "/compte/suppression", deferred: true, AccountDeletionPage.submit)

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

        app.bare(.get, "/healthz", SystemEndpoints.health(app))
        app.bare(.get, "/metrics", SystemEndpoints.metrics(app))
        if app.config.testClock {
            app.bare(.post, "/__test/horloge", SystemEndpoints.advanceClock(app))
        }
        app.staticFiles.register(on: app.router)
    }
}
