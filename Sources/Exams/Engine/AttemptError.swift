/// Why an attempt operation was refused: `message` for the candidate (French), `code` for the JSON API.
public enum AttemptError: Error, Equatable, Sendable {
    /// No such attempt or exam for this candidate (also for someone else's attempt).
    case notFound
    /// The candidate's own attempt has no question at this position.
    case itemNotFound
    /// The exam is not loaded or was withdrawn.
    case examUnavailable
    /// The attempt is already submitted or closed.
    case attemptClosed
    /// The attempt is still open: no result yet.
    case attemptOpen
    /// The deadline (plus grace) passed before the save arrived.
    case deadlinePassed
    /// The item belongs to a section that is not the one being worked on.
    case wrongSection
    /// The response does not fit the question; `reason` says why, in French.
    case invalidResponse(reason: String)
    /// The review policy of the exam shows the score only.
    case reviewNotAllowed
    /// The item is not an essay awaiting marking, or the points are out of range; `reason` says why.
    case invalidMarking(reason: String)
    /// The bank no longer holds enough questions to draw this exam.
    case notEnoughQuestions
    /// A visitor tried a premium exam; the portal checks subscribers' entitlements itself.
    case premiumRequired

    /// A stable identifier for API clients.
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .itemNotFound: "item_not_found"
        case .examUnavailable: "exam_unavailable"
        case .attemptClosed: "attempt_closed"
        case .attemptOpen: "attempt_open"
        case .deadlinePassed: "deadline_passed"
        case .wrongSection: "wrong_section"
        case .invalidResponse: "invalid_response"
        case .reviewNotAllowed: "review_not_allowed"
        case .invalidMarking: "invalid_marking"
        case .notEnoughQuestions: "not_enough_questions"
        case .premiumRequired: "premium_required"
        }
    }

    /// A short French sentence saying what happened and what to do next.
    public var message: String {
        switch self {
        case .notFound:
            "Cette épreuve est introuvable. Revenez à la liste de vos épreuves."
        case .itemNotFound:
            "Cette question n'existe pas dans cette épreuve. Revenez à la liste des questions."
        case .examUnavailable:
            "Cette épreuve n'est plus proposée. Choisissez-en une autre dans la liste."
        case .attemptClosed:
            "Cette épreuve est terminée : les réponses ne peuvent plus être modifiées."
        case .attemptOpen:
            "Cette épreuve est encore en cours : terminez-la pour voir vos résultats."
        case .deadlinePassed:
            "Le temps imparti est écoulé : cette réponse n'a pas été enregistrée."
        case .wrongSection:
            "Cette question appartient à une autre partie de l'épreuve : elle ne peut pas être modifiée maintenant."
        case .invalidResponse(let reason):
            reason
        case .reviewNotAllowed:
            "La correction détaillée de cette épreuve n'est pas disponible : seule la note est communiquée."
        case .invalidMarking(let reason):
            reason
        case .notEnoughQuestions:
            "Cette épreuve ne peut pas être tirée pour le moment. Réessayez plus tard."
        case .premiumRequired:
            "Cette épreuve est réservée aux abonnés : connectez-vous ou abonnez-vous pour la passer."
        }
    }
}
