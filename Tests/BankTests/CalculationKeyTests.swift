import Foundation
import Testing

@testable import Exams

/// Every calculation key of the banks agrees with an independent second solution, and none is missing.
@Suite struct CalculationKeyTests {
    /// The second solutions of each track; tracks without calculations have none.
    static let keys: [Track: [CalculationKey]] = [.ifsi: ifsiCalculationKeys, .as: asCalculationKeys]

    /// Relative agreement required when the question gives no wider tolerance.
    static let relativeTolerance = 1e-9

    @Test(arguments: Track.allCases)
    func everySecondSolutionAgreesWithTheBankKey(track: Track) throws {
        let questions = try BankFolder.shipped().questions(of: track)
        let byID = Dictionary(questions.map { ($0.question.id, $0) }, uniquingKeysWith: { first, _ in first })

        var disagreements: [String] = []
        for key in Self.keys[track] ?? [] {
            guard let entry = byID[key.id] else {
                disagreements.append("\(key.id) : aucune question de ce nom dans \(track.rawValue)/")
                continue
            }
            if let problem = Self.disagreement(of: key, with: entry.question) {
                disagreements.append("\(key.id) (\(entry.file)) : \(problem)")
            }
        }

        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    @Test(arguments: Track.allCases)
    func everyNumericalCalculationQuestionHasASecondSolution(track: Track) throws {
        let questions = try BankFolder.shipped().questions(of: track).map(\.question)
        let keyed = Set((Self.keys[track] ?? []).map(\.id))

        let missing = questions.filter { Self.isCalculation($0) && $0.kind == .numerical && !keyed.contains($0.id) }

        #expect(
            missing.isEmpty,
            "sans solution indépendante dans la table des clés : \(missing.map(\.id).joined(separator: ", "))")
    }

    @Test(arguments: Track.allCases)
    func noQuestionHasTwoSecondSolutions(track: Track) {
        let ids = (Self.keys[track] ?? []).map(\.id)

        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()

        #expect(repeated.isEmpty, "clés en double : \(repeated.joined(separator: ", "))")
    }

    @Test func optionNumbersAreReadTheFrenchWay() {
        #expect(Self.number(inOption: "1 250,5 mL") == 1250.5)
        #expect(Self.number(inOption: "0,75") == 0.75)
        #expect(Self.number(inOption: "−3 °C") == -3)
        #expect(Self.number(inOption: "21 gouttes/min") == 21)
        #expect(Self.number(inOption: "12 h 30") == nil)
        #expect(Self.number(inOption: "3/4") == nil)
        #expect(Self.number(inOption: "environ 12") == nil)
    }

    /// A sign, digits grouped by spaces or not, an optional decimal part, then whatever follows.
    // The pattern is a constant known to compile.
    static let optionNumber = try! Regex(#"^([-−]?)(\d{1,3}(?:[ \u{00A0}\u{202F}]\d{3})+|\d+)(?:[,.](\d+))?(.*)$"#)

    /// Whether a question belongs to a `.../calculs/...` category.
    static func isCalculation(_ question: Question) -> Bool {
        question.category.split(separator: "/").contains("calculs")
    }

    /// Why `key` and the bank disagree, or nil when they agree.
    static func disagreement(of key: CalculationKey, with question: Question) -> String? {
        switch question.kind {
        case .numerical:
            let right = question.numericalAnswers.filter { $0.weight == 100 }
            guard !right.isEmpty else { return "aucune réponse à 100 %" }
            if right.contains(where: { $0.accepts(key.expected) }) { return nil }
            return "la seconde solution \(key.expected) n'est pas acceptée par \(right.map(describe))"
        case .singleChoice:
            guard let best = question.choices.max(by: { $0.weight < $1.weight }) else { return "aucune option" }
            guard let value = number(inOption: best.text.text) else {
                return "l'option juste « \(best.text.text) » n'est pas un nombre"
            }
            let slack = relativeTolerance * max(1, abs(value))
            if abs(value - key.expected) <= slack { return nil }
            return "la seconde solution \(key.expected) diffère de l'option juste « \(best.text.text) »"
        default:
            return "type \(question.kind.rawValue) sans réponse chiffrée à comparer"
        }
    }

    /// The number an option starts with, French style (`1 250,5 mL`); nil when the option is not a plain
    /// number, possibly followed by a unit.
    static func number(inOption text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let match = trimmed.wholeMatch(of: optionNumber),
            let sign = match.output[1].substring, let integer = match.output[2].substring,
            let rest = match.output[4].substring
        else { return nil }
        let unit = rest.trimmingCharacters(in: .whitespaces)
        if let first = unit.first, first.isNumber || "/×x:".contains(first) { return nil }
        if unit.contains(where: \.isNumber) { return nil }
        let digits = integer.filter(\.isNumber) + (match.output[3].substring.map { "." + $0 } ?? "")
        guard let magnitude = Double(digits) else { return nil }
        return sign.isEmpty ? magnitude : -magnitude
    }

    private static func describe(_ answer: NumericalAnswer) -> String {
        switch answer.accepted {
        case .value(let value, let tolerance): "\(value) ± \(tolerance)"
        case .interval(let low, let high): "\(low)..\(high)"
        case .any: "*"
        }
    }
}
