import Billing
import Web

/// `POST /compte/abonnement/:id/resilier`: the user stops renewal; access runs to the end of the paid period.
enum SubscriptionCancelAction {
    static func cancel(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()
        guard let id = context.request.parameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }

        do {
            try SubscriptionStore(context.db).cancel(subscriptionID: id, userID: user.id, now: context.now)
        } catch BillingError.subscriptionNotFound {
            throw PortalError.notFound
        } catch let error as BillingError {
            return try SubscriptionPage.render(context, errors: [error.message], status: error.httpStatus)
        }
        context.logger.info("portal.subscription.cancelled", [("subscription_id", "\(id)"), ("user_id", "\(user.id)")])
        return context.redirect(to: BillingNotice.path("/compte/abonnement", "resiliation"))
    }
}
