/// One problem that stops a bank sync: the file, the line when known, and why, in French for the trainer.
public struct BankProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file, relative to the banks folder (`ifsi/exams/ifsi-blanc-1.json`).
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong, in French.
    public var reason: String

    /// Makes a problem.
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `ifsi/dosages.gift, ligne 12 : accolade fermante manquante`, or `fichier : raison` without a line.
    public var description: String {
        guard let line else { return "\(file) : \(reason)" }
        return "\(file), ligne \(line) : \(reason)"
    }
}

/// The refusal of a whole bank sync: every problem found; the database was left unchanged.
public struct BankSyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// All problems, file by file.
    public var problems: [BankProblem]

    /// Makes the error.
    public init(problems: [BankProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
