/// What a person may do on the portal; stored as its raw value.
public enum Role: String, Codable, CaseIterable, Sendable {
    case member, student, trainer, moderator, admin

    /// The French label shown in the interface.
    public var label: String {
        switch self {
        case .member: "Membre"
        case .student: "Étudiant"
        case .trainer: "Formateur"
        case .moderator: "Modérateur"
        case .admin: "Administrateur"
        }
    }

    /// Whether this role includes the rights of `other` (admins can do all).
    public func includes(_ other: Role) -> Bool {
        rank >= other.rank
    }

    private var rank: Int {
        switch self {
        case .member, .student: 0
        case .trainer: 1
        case .moderator: 2
        case .admin: 3
        }
    }
}
