import Accounts
import Billing
import Exams
import Foundation
import Security

/// Who may take and review which exam: the one entitlement check for every premium path.
extension Context {
    /// The owner of attempts made in this request: the user, or the visitor cookie for free exams.
    var attemptOwner: AttemptOwner {
        if let user { return .user(user.id) }
        return .visitor(Hex.encode(Digest.sha256(csrfSubject)))
    }

    /// Hands the visitor's attempts (free samples taken before signing in) to `user`.
    func adoptVisitorAttempts(by userID: Int64) throws {
        guard user == nil, case .visitor(let key) = attemptOwner else { return }
        let adopted = try attempts.adopt(visitorKey: key, userID: userID)
        if adopted > 0 { logger.info("exams.attempts.adopted", [("user_id", "\(userID)"), ("count", "\(adopted)")]) }
    }

    /// An attempt service bound to this request's connection.
    var attempts: AttemptService {
        AttemptService(db: db, logger: logger)
    }

    /// Saves an answer of this request's owner through the pool's group commit: it returns once the save
    /// is durable, having shared its commit with the saves that arrived with it.
    func saveAnswer(
        token: String, position: Int, response: AttemptService.ResponseUpdate, clientSeq: Int64, flagged: Bool?,
        timeSpentMs: Int64? = nil
    ) throws -> SaveReceipt {
        let owner = attemptOwner
        let now = self.now
        let logger = self.logger
        return try app.pool.commitGroup.run(on: db) { db in
            try AttemptService(db: db, logger: logger).save(
                token: token, owner: owner, position: position, response: response, clientSeq: clientSeq,
                flagged: flagged, timeSpentMs: timeSpentMs, now: now)
        }
    }

    /// The blueprint of an active exam, or 404.
    func activeBlueprint(_ id: String) throws -> Blueprint {
        let exams = ExamStore(db)
        guard try exams.isActive(id: id), let blueprint = try exams.blueprint(id: id) else {
            throw PortalError.notFound
        }
        return blueprint
    }

    /// Why the current user may not open premium content of `track`, or nil when they may.
    ///
    /// Free exams are open to all; premium ones need an entitlement for the track
    /// (or all tracks), except for trainers and admins who write the questions.
    func premiumRefusal(for blueprint: Blueprint) throws -> PremiumRefusal? {
        guard blueprint.access == .premium else { return nil }
        guard let user else { return .loginRequired }
        if user.role.includes(.trainer) { return nil }
        guard let track = Billing.Track(rawValue: blueprint.track.rawValue) else { return .noEntitlement }
        let entitlement = try EntitlementService(db: db, logger: logger).check(userID: user.id, track: track, now: now)
        return entitlement == nil ? .noEntitlement : nil
    }
}

/// Why premium content is closed to someone.
enum PremiumRefusal: Equatable {
    case loginRequired
    case noEntitlement

    /// What the page says, in French.
    var message: String {
        switch self {
        case .loginRequired:
            "Cette épreuve fait partie de la préparation complète. "
                + "Connectez-vous ou créez un compte pour y accéder."
        case .noEntitlement:
            "Cette épreuve fait partie de la préparation complète. Choisissez une formule pour la débloquer."
        }
    }

    /// Where the page sends the user next.
    var link: (href: String, label: String) {
        switch self {
        case .loginRequired: ("/connexion", "Se connecter")
        case .noEntitlement: ("/tarifs", "Voir les formules")
        }
    }

    /// The stable code of the JSON API.
    var code: String {
        switch self {
        case .loginRequired: "login_required"
        case .noEntitlement: "premium_required"
        }
    }
}

/// Labels shared by the exam pages.
enum ExamFormat {
    /// "1 h 30", "15 min".
    static func duration(minutes: Double) -> String {
        let total = Int(minutes.rounded())
        if total < 60 { return "\(total) min" }
        let rest = total % 60
        return rest == 0 ? "\(total / 60) h" : "\(total / 60) h \(twoDigits(rest))"
    }

    /// "12:05" from milliseconds.
    static func clock(milliseconds: Int64) -> String {
        let seconds = Int((Double(max(0, milliseconds)) / 1000).rounded(.up))
        let text = twoDigits((seconds % 3600) / 60) + ":" + twoDigits(seconds % 60)
        return seconds >= 3600 ? "\(seconds / 3600):" + text : text
    }

    /// "05" for 5: `String(format:)` went through Foundation's formatter on every question page.
    static func twoDigits(_ number: Int) -> String {
        number < 10 && number >= 0 ? "0" + String(number) : String(number)
    }

    /// "12,5/20".
    static func score(_ value: Double, outOf total: Double) -> String {
        "\(FrenchFormat.decimal(value))/\(FrenchFormat.decimal(total))"
    }

    /// "1 min 05 s".
    static func timeSpent(milliseconds: Int64) -> String {
        let seconds = Int(milliseconds / 1000)
        if seconds < 60 { return "\(seconds) s" }
        return "\(seconds / 60) min \(twoDigits(seconds % 60)) s"
    }

    /// The French name of a category path without its track ("Calculs › Débits" for "ifsi/calculs/debits").
    static func categoryName(_ path: String) -> String {
        let parts = path.split(separator: "/").dropFirst().map { segment in
            segmentNames[String(segment)] ?? segment.replacingOccurrences(of: "-", with: " ")
        }
        return parts.joined(separator: " › ").capitalizedFirst
    }

    /// Category folder names are ASCII slugs; these are their French spellings.
    static let segmentNames: [String: String] = [
        "actualite": "Actualité", "actualite-durable": "Actualité durable", "bientraitance": "Bientraitance",
        "calculs": "Calculs", "conversions": "Conversions", "culture": "Culture", "debits": "Débits",
        "dosages": "Dosages", "ecrit": "Écrit", "entretien": "Entretien", "equipe": "Équipe",
        "ethique-droits": "Éthique et droits", "expression": "Expression", "francais": "Français",
        "fractions-pourcentages": "Fractions et pourcentages", "hygiene": "Hygiène", "institutions": "Institutions",
        "lois": "Lois", "metier": "Métier", "operations": "Opérations", "oral": "Oral",
        "proportions": "Proportions", "proportions-pourcentages": "Proportions et pourcentages",
        "protection-sociale": "Protection sociale", "publics-dispositifs": "Publics et dispositifs",
        "redaction": "Rédaction", "role": "Rôle", "sante-publique": "Santé publique",
        "secret-ethique": "Secret et éthique", "sujets": "Sujets", "argumentation": "Argumentation",
        "systeme-de-sante": "Système de santé", "vie-courante": "Vie courante",
    ]
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
