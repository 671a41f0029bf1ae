/// Why a typed number was refused; `message` tells the candidate, in French, how to write it.
public enum NumberInputError: Error, Equatable, Sendable {
    /// Nothing was typed.
    case empty
    /// One separator followed by exactly three digits (`2,500`, `1.000`): a decimal or a thousands separator?
    /// Carries the input and the two unambiguous spellings to suggest.
    case ambiguous(input: String, decimal: String, integer: String)
    /// Not a number (letters, several separators, a unit the question does not use...).
    case invalid(input: String)

    /// The message shown beside the answer field.
    public var message: String {
        switch self {
        case .empty:
            return "Aucun nombre saisi."
        case .ambiguous(let input, let decimal, let integer):
            return "« \(input) » est ambigu : écrivez « \(decimal) » pour un nombre décimal "
                + "ou « \(integer) » pour un nombre entier."
        case .invalid(let input):
            return "« \(input) » n'est pas un nombre : écrivez par exemple 2,5 ou 2500."
        }
    }
}
