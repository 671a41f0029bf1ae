/// One of the four selections LeSocial prepares for; its raw value names its bank folder.
public enum Track: String, CaseIterable, Codable, Sendable {
    case es, ass, ifsi, `as`

    /// Official short name (ES, ASS, IFSI, AS).
    public var code: String { rawValue.uppercased() }

    /// The profession, in French.
    public var name: String {
        switch self {
        case .es: "Éducateur spécialisé"
        case .ass: "Assistant de service social"
        case .ifsi: "Infirmier (IFSI)"
        case .as: "Aide-soignant"
        }
    }

    /// The path segment of the preparation's pages (`/preparations/ifsi`).
    public var slug: String { rawValue }

    /// One sentence on how the selection works today.
    public var summary: String {
        switch self {
        case .es:
            "Dossier Parcoursup puis entretien oral à l'école : motivation, connaissance du secteur social, "
                + "questions sociales d'actualité."
        case .ass:
            "Dossier Parcoursup puis entretien oral à l'école : projet professionnel, culture sociale, "
                + "protection sociale et politiques publiques."
        case .ifsi:
            "Pour la formation professionnelle continue : écrit d'une heure (rédaction et calculs simples, "
                + "chaque partie sur 10) puis oral de 20 minutes."
        case .as:
            "Dossier puis entretien de 15 à 20 minutes : motivation, expression écrite et orale, "
                + "connaissances de base en calcul."
        }
    }

    /// The track for a path segment, if any.
    public init?(slug: String) {
        self.init(rawValue: slug.lowercased())
    }
}
