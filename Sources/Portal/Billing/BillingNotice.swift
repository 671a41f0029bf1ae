import Web

/// Messages shown after a billing action, named by `?fait=` in the redirect.
///
/// The code travels in the address, never the text, like `Notice`'s cookie.
enum BillingNotice {
    static let catalogue: [String: Notice] = [
        "resiliation": Notice(
            kind: "success",
            text: "Abonnement résilié : il ne sera pas renouvelé et votre accès reste ouvert jusqu'à la fin de la "
                + "période payée."),
        "bon": Notice(kind: "success", text: "Code accepté : votre accès est ouvert."),
        "lot": Notice(kind: "success", text: "Lot de codes créé."),
        "formule": Notice(kind: "success", text: "Formule enregistrée."),
    ]

    /// The path with the notice code appended.
    static func path(_ path: String, _ code: String) -> String {
        precondition(catalogue[code] != nil, "portal: unknown billing notice \(code)")
        return path + (path.contains("?") ? "&" : "?") + "fait=" + code
    }

    /// The notice named by the request's `fait` parameter, if any.
    static func from(_ request: Request) -> Notice? {
        request.query("fait").flatMap { catalogue[$0] }
    }
}
