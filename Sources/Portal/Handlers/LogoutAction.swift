import Web

/// "Se déconnecter" and "Se déconnecter partout".
enum LogoutAction {
    static func logout(_ context: inout Context) throws -> Response {
        if let sessionID = context.sessionID {
            try context.accounts.logout(sessionID: sessionID)
        }
        context.pendingCookies.append(Cookie.deletion(name: App.sessionCookie))
        return context.redirect(to: "/", notice: .named("deconnecte"))
    }

    static func logoutEverywhere(_ context: inout Context) throws -> Response {
        let user = try context.requireUser()

        _ = try context.accounts.logoutEverywhere(userID: user.id)
        context.pendingCookies.append(Cookie.deletion(name: App.sessionCookie))
        return context.redirect(to: "/connexion", notice: .named("deconnecte-partout"))
    }
}
