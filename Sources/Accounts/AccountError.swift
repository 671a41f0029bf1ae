/// Why an account operation was refused; `message` is shown to the user, in French.
public enum AccountError: Error, Equatable, Sendable {
    case invalidEmail
    case displayNameMissing
    case displayNameTooLong
    case passwordTooShort(minimum: Int)
    case passwordTooLong
    case passwordBlank
    case emailTaken
    case invalidCredentials
    case emailNotConfirmed
    case tooManyAttempts(retryAfterSeconds: Int)
    case tokenInvalid
    case tokenExpired
    case tokenAlreadyUsed
    case wrongPassword

    /// A short French sentence saying what went wrong and what to do next.
    public var message: String {
        switch self {
        case .invalidEmail:
            "Cette adresse e-mail n'est pas valide. Vérifiez-la, par exemple prenom.nom@exemple.fr."
        case .displayNameMissing:
            "Indiquez le nom qui sera affiché sur le portail."
        case .displayNameTooLong:
            "Le nom affiché ne peut pas dépasser 60 caractères."
        case .passwordTooShort(let minimum):
            "Le mot de passe doit compter au moins \(minimum) caractères."
        case .passwordBlank:
            "Le mot de passe ne peut pas être fait uniquement d'espaces."
        case .passwordTooLong:
            "Le mot de passe ne peut pas dépasser 256 caractères."
        case .emailTaken:
            "Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe."
        case .invalidCredentials:
            "Adresse e-mail ou mot de passe incorrect."
        case .emailNotConfirmed:
            "Confirmez d'abord votre adresse e-mail grâce au lien que nous vous avons envoyé."
        case .tooManyAttempts(let seconds):
            "Trop de tentatives. Réessayez dans \(max(1, (seconds + 59) / 60)) minute(s)."
        case .tokenInvalid:
            "Ce lien n'est pas valide. Demandez-en un nouveau."
        case .tokenExpired:
            "Ce lien a expiré. Demandez-en un nouveau."
        case .tokenAlreadyUsed:
            "Ce lien a déjà été utilisé. Demandez-en un nouveau si nécessaire."
        case .wrongPassword:
            "Le mot de passe saisi est incorrect."
        }
    }
}
