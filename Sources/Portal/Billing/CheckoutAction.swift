import Billing
import Web

/// `POST /paiement/commander`: records the order and sends the buyer to the provider's checkout.
///
/// Only a logged-in member with a confirmed address may order: the invoice
/// goes to that address. Access opens when the provider's webhook confirms
/// the payment, never on the return to the site.
enum CheckoutAction {
    static func start(_ context: inout Context) throws -> Response {
        guard let user = context.user else {
            return try BillingMessage.render(
                context, status: 401, heading: "Connexion nécessaire",
                [
                    "Connectez-vous ou créez un compte pour choisir une formule : "
                        + "l'accès et la facture y seront liés."
                ],
                link: ("/connexion?suite=%2Ftarifs", "Se connecter"))
        }
        guard user.isConfirmed else {
            return try BillingMessage.render(
                context, status: 403, heading: "Adresse e-mail à confirmer",
                [
                    "Confirmez votre adresse e-mail avant de commander : la facture vous y sera envoyée.",
                    "Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau depuis votre compte.",
                ],
                link: ("/compte", "Mon compte"))
        }
        guard let checkout = context.app.billing.checkout(db: context.db, logger: context.logger) else {
            return try BillingMessage.render(
                context, status: 503, heading: "Commandes fermées",
                ["Les commandes en ligne ne sont pas encore ouvertes. Revenez bientôt."], link: ("/tarifs", "Tarifs"))
        }
        guard let planID = Int64(context.field("plan")) else {
            return try PricingPage.render(
                context, errors: ["Choisissez une formule dans le tableau des tarifs."], status: 422)
        }

        guard context.request.form.value("renonciation") == "1" else {
            return try OrderConfirmPage.render(
                context, planID: planID,
                errors: [
                    "Cochez la case de demande d'accès immédiat : sans elle, la commande ne peut pas être passée."
                ], status: 422)
        }

        let base = context.app.config.baseURL
        do {
            let (_, redirect) = try checkout.start(
                userID: user.id, buyer: Buyer(email: user.email, name: user.displayName), planID: planID,
                successURL: base + "/paiement/retour?session={CHECKOUT_SESSION_ID}", cancelURL: base + "/tarifs",
                now: context.now)
            return context.redirect(to: redirect.url)
        } catch let error as BillingError {
            return try PricingPage.render(context, errors: [error.message], status: error.httpStatus)
        }
    }
}
