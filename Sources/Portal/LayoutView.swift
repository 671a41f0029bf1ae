import Mustache

/// The fields of the page layout (`Templates/layouts/base.mustache`).
public struct LayoutView: Encodable {
    /// What the header shows of the logged-in user.
    public struct UserSummary: Encodable {
        public var displayName: String
    }

    public var stylesheet: String
    public var script: String
    public var navigation: [Navigation.Item]
    public var user: UserSummary?
    public var csrf: String
    public var notice: Notice?
}

/// The main navigation; lists only sections that exist.
public enum Navigation {
    /// One link of the main navigation.
    public struct Item: Encodable {
        public var label: String
        public var href: String
        public var current: Bool
    }

    static let links: [(String, String)] = [
        ("Accueil", "/"),
        ("Éducateur spécialisé", "/preparations/es"),
        ("Assistant de service social", "/preparations/ass"),
        ("Infirmier", "/preparations/ifsi"),
        ("Aide-soignant", "/preparations/as"),
        ("Tarifs", "/tarifs"),
    ]

    static func items(current path: String) -> [Item] {
        links.map { label, href in
            let isCurrent = href == "/" ? path == "/" : (path == href || path.hasPrefix(href + "/"))
            return Item(label: label, href: href, current: isCurrent)
        }
    }
}

extension LayoutView: MustacheConvertible {
    public var mustacheValue: MustacheValue {
        .object([
            "stylesheet": stylesheet.mustacheValue, "script": script.mustacheValue,
            "navigation": navigation.mustacheValue, "user": user.mustacheValue, "csrf": csrf.mustacheValue,
            "notice": notice.mustacheValue,
        ])
    }
}

extension LayoutView.UserSummary: MustacheConvertible {
    public var mustacheValue: MustacheValue { .object(["displayName": displayName.mustacheValue]) }
}

extension Navigation.Item: MustacheConvertible {
    public var mustacheValue: MustacheValue {
        .object(["label": label.mustacheValue, "href": href.mustacheValue, "current": current.mustacheValue])
    }
}
