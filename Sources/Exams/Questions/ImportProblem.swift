/// One problem found while importing a bank file: where, and why, in French for the trainer.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file name as given to the importer.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong, in French (`accolade fermante manquante`).
    public var reason: String

    /// Makes a problem.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `dosages.gift, ligne 12 : accolade fermante manquante`.
    public var description: String { "\(file), ligne \(line) : \(reason)" }
}
