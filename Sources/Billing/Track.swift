/// One of the four exam preparations a plan can unlock.
public enum Track: String, CaseIterable, Sendable {
    /// Éducateur spécialisé.
    case es
    /// Assistant de service social.
    case ass
    /// Institut de formation en soins infirmiers.
    case ifsi
    /// Aide-soignant; `as` is a Swift keyword, hence the long name.
    case aideSoignant = "as"

    /// The name shown to users.
    public var displayName: String {
        switch self {
        case .es: "Éducateur spécialisé"
        case .ass: "Assistant de service social"
        case .ifsi: "IFSI"
        case .aideSoignant: "Aide-soignant"
        }
    }
}
