import Foundation
import Testing

@testable import Exams

/// No two questions of the whole project ask the same thing in the same words.
@Suite struct StemTests {
    @Test func noTwoQuestionsShareAStem() throws {
        let entries = try BankFolder.shipped().allEntries

        let groups = Dictionary(grouping: entries) { Self.normalised($0.question.stem.text) }
        let shared = groups.values.filter { $0.count > 1 }.map { group in
            group.map { "\($0.question.id) (\($0.file))" }.joined(separator: ", ")
        }

        #expect(shared.isEmpty, "même énoncé :\n\(shared.sorted().joined(separator: "\n"))")
    }

    @Test func normalisingIgnoresCaseAccentsAndSpaces() {
        #expect(Self.normalised("  Qu’est-ce que\n l'ÉTHIQUE ?") == Self.normalised("qu'est-ce que l'ethique ?"))
        #expect(Self.normalised("Le soin") != Self.normalised("Les soins"))
    }

    /// A stem without markup, case, accents, ligatures, typographic apostrophes or extra spaces.
    static func normalised(_ stem: String) -> String {
        QuestionIdentity.plainText(stem)
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
