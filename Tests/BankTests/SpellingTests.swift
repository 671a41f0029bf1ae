import Foundation
import Testing

@testable import Exams

/// Every text of the banks passes hunspell's French dictionary plus the reviewed word list of terms of art.
@Suite struct SpellingTests {
    /// The project word list, beside the track folders.
    static let wordListPath = "mots-du-metier.txt"
    /// Most words the list may hold: it is reviewed, not a dump of every failure.
    static let wordListMaximum = 400

    @Test(arguments: Track.allCases)
    func everyTextOfTheTrackIsSpelledRight(track: Track) throws {
        let pass = try SpellingPass.shipped()
        let list = try Self.wordList()

        let failures = (pass.findings[track] ?? []).compactMap { finding -> String? in
            let unknown = finding.words.filter { !Self.isAccepted($0, in: finding, pass: pass, list: list) }
            guard !unknown.isEmpty else { return nil }
            return "\(finding.entry.question.id) (\(finding.entry.file)) : \(unknown.joined(separator: ", "))"
        }

        if !failures.isEmpty {
            Issue.record(
                """
                mots inconnus de hunspell (\(pass.hunspell.dictionary)) et de \(Self.wordListPath), \
                à corriger ou, pour un terme du métier, à ajouter à la liste :
                \(failures.joined(separator: "\n"))
                """)
        }
    }

    @Test func everyWordHunspellFlagsIsTracedToAQuestion() throws {
        let pass = try SpellingPass.shipped()
        let list = try Self.wordList()

        let untraced = pass.untraced.filter { !Self.accepts(SpellingPass.bare($0), list: list) }

        #expect(untraced.isEmpty, "mots signalés par hunspell mais retrouvés dans aucune question : \(untraced)")
    }

    @Test func theWordListIsSortedShortAndEveryWordIsNeeded() throws {
        let pass = try SpellingPass.shipped()
        let list = try Self.wordList()

        #expect(list.count <= Self.wordListMaximum, "\(list.count) mots, au plus \(Self.wordListMaximum)")
        let sorted = list.sorted(by: Self.listOrder)
        #expect(list == sorted, "liste non triée ; ordre attendu :\n\(sorted.joined(separator: "\n"))")
        let repeated = Dictionary(grouping: list, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "mots en double : \(repeated.joined(separator: ", "))")

        let findings = pass.findings.values.joined()
        let flagged = findings.flatMap { finding in
            finding.words.filter { deliberateNonWords[finding.entry.question.id]?.contains($0) != true }
        }
        let pieces = flagged + flagged.filter { $0.contains("-") }.flatMap(pass.unknownParts(of:))
        let unused = list.filter { word in !pieces.contains { Self.accepts($0, list: [word]) } }
        #expect(unused.isEmpty, "mots que hunspell connaît déjà ou qu'aucune question n'emploie : \(unused)")
    }

    @Test func everyDeliberateNonWordIsStillUsedByItsQuestion() throws {
        let findings = try SpellingPass.shipped().findings.values.joined()
        let flagged = Dictionary(
            findings.map { ($0.entry.question.id, Set($0.words)) }, uniquingKeysWith: { $0.union($1) })

        let stale = deliberateNonWords.flatMap { id, words in
            words.subtracting(flagged[id] ?? []).map { "\(id) : \($0)" }
        }

        #expect(stale.isEmpty, "exceptions devenues inutiles dans deliberateNonWords : \(stale.sorted())")
    }

    @Test func aListedWordAlsoCoversItsCapitalisedForms() {
        #expect(Self.accepts("Parcoursup", list: ["Parcoursup"]))
        #expect(Self.accepts("Kiné", list: ["kiné"]))
        #expect(Self.accepts("KINÉ", list: ["kiné"]))
        #expect(!Self.accepts("parcoursup", list: ["Parcoursup"]))
        #expect(!Self.accepts("Ase", list: ["ASE"]))
    }

    @Test func elisionsAreRemovedBeforeTheLookUp() {
        #expect(SpellingPass.bare("d'EHPAD") == "EHPAD")
        #expect(SpellingPass.bare("qu\u{2019}IFSI") == "IFSI")
        #expect(SpellingPass.bare("lorsqu'ASE") == "ASE")
        #expect(SpellingPass.bare("Cerfa") == "Cerfa")
        #expect(SpellingPass.bare("CCAS.") == "CCAS")
        #expect(SpellingPass.isFragment("dys-") && SpellingPass.isFragment("-ance"))
        #expect(!SpellingPass.isFragment("Claeys-Leonetti"))
    }

    /// Whether `word`, flagged in `finding`, is allowed: a deliberate non-word of that question, a listed
    /// word, or a compound whose unknown parts are all listed.
    static func isAccepted(_ word: String, in finding: SpellingPass.Finding, pass: SpellingPass, list: [String]) -> Bool
    {
        if deliberateNonWords[finding.entry.question.id]?.contains(word) == true { return true }
        if accepts(word, list: list) { return true }
        return word.contains("-") && pass.unknownParts(of: word).allSatisfy { accepts($0, list: list) }
    }

    /// The word list, one word a line; blank lines ignored.
    static func wordList() throws -> [String] {
        let text = try #require(
            try BankFolder.shipped().text(of: wordListPath), "QuestionBanks/\(wordListPath) : fichier absent")
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether `list` holds `word` as written, or in lowercase for a capitalised or uppercase `word`, as
    /// hunspell treats its own dictionary.
    static func accepts(_ word: String, list: [String]) -> Bool {
        let capitalLowered = word.prefix(1).lowercased() + word.dropFirst()
        return list.contains(word) || list.contains(capitalLowered) || list.contains(word.lowercased())
    }

    /// Alphabetical order ignoring case and accents, then the exact spelling to break ties.
    static func listOrder(_ left: String, _ right: String) -> Bool {
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        let leftKey = left.folding(options: options, locale: nil)
        let rightKey = right.folding(options: options, locale: nil)
        return leftKey == rightKey ? left < right : leftKey < rightKey
    }
}
