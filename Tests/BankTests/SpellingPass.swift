import Foundation

@testable import Exams

/// The words of the banks that the French dictionary does not know, question by question, before the
/// project word list is applied; computed once for all spelling tests.
///
/// One `hunspell -l` run over every text gives the flagged words as hunspell cuts them; each is traced
/// back to the questions whose text holds it as a whole word. An elided article or pronoun (`d'EHPAD`,
/// `l'ASE`) and a final point (`CCAS.`) are then removed and the bare words asked again: the dictionary
/// may know the bare word (`EHPAD`), and the word list holds bare words only. A quoted prefix or suffix
/// (`dys-`, `-ance`) is no word and is skipped; a compound passes when the dictionary or the word list
/// knows it whole or knows each of its parts (`Claeys-Leonetti`).
struct SpellingPass {
    /// A question and the bare words flagged in it, each once, in alphabetical order.
    struct Finding {
        /// The question.
        let entry: BankFolder.Entry
        /// Bare words unknown to the dictionary.
        let words: [String]
    }

    /// Findings of each track, only for questions with at least one flagged word, in file order.
    let findings: [Track: [Finding]]
    /// Flagged words found in no question's text (hunspell cut them differently); normally empty.
    let untraced: [String]
    /// The dictionary used, for messages.
    let hunspell: Hunspell
    /// Bare words and compound parts the dictionary does not know.
    private let unknownPieces: Set<String>

    /// The pass over the shipped banks, run on first use.
    static func shipped() throws -> SpellingPass {
        try cached.get()
    }

    private static let cached: Result<SpellingPass, Error> = Result { try run(on: try BankFolder.shipped()) }

    /// Elisions removed before a word is looked up again.
    static let elisions = [
        "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu", "c", "d", "j", "l", "m", "n", "s", "t",
    ]

    /// Characters hunspell's French dictionary keeps inside a word, besides letters and digits.
    static let wordCharacters: Set<Character> = ["-", "'", "\u{2019}", "."]

    /// `word` without a leading elision or a final point (`d'EHPAD` → `EHPAD`, `CCAS.` → `CCAS`).
    static func bare(_ word: String) -> String {
        var word = Substring(word)
        let lowered = word.lowercased()
        for elision in elisions where ["'", "\u{2019}"].contains(where: { lowered.hasPrefix(elision + $0) }) {
            word = word.dropFirst(elision.count + 1)
            break
        }
        while word.last == "." { word.removeLast() }
        return String(word)
    }

    /// Whether `word` is a piece of a word quoted on its own, a prefix or a suffix (`dys-`, `-ance`).
    static func isFragment(_ word: String) -> Bool {
        word.hasPrefix("-") || word.hasSuffix("-")
    }

    /// The parts of a compound word (`Claeys-Leonetti` → `Claeys`, `Leonetti`); the word itself otherwise.
    static func parts(of word: String) -> [String] {
        word.split(separator: "-").map(String.init)
    }

    /// The parts of `word` the dictionary does not know; a compound all of whose parts it knows passes.
    func unknownParts(of word: String) -> [String] {
        Self.parts(of: word).filter(unknownPieces.contains)
    }

    /// The words of `text` cut as hunspell cuts them: runs of letters, digits and `wordCharacters`.
    static func words(of text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || wordCharacters.contains(character) {
                current.append(character)
            } else if !current.isEmpty {
                words.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words.union(words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-'\u{2019}")) })
    }

    private static func run(on bank: BankFolder) throws -> SpellingPass {
        let hunspell = try Hunspell.french()
        let texts = Track.allCases.flatMap { track in
            bank.questions(of: track).map { (track, $0, $0.question.readableTexts) }
        }

        let flagged = try hunspell.unknownWords(in: texts.flatMap { $0.2.flatMap(Hunspell.lines(of:)) })
        let bareWords = Set(flagged.map(bare)).filter { !$0.isEmpty && !isFragment($0) }
        let pieces = bareWords.union(bareWords.flatMap(parts(of:)))
        let unknownPieces = try hunspell.unknownWords(in: pieces.sorted())

        var findings: [Track: [Finding]] = [:]
        var traced: Set<String> = []
        for (track, entry, readable) in texts {
            let found = words(of: readable.joined(separator: "\n")).intersection(flagged)
            traced.formUnion(found)
            let unknown = Set(found.map(bare)).intersection(bareWords).intersection(unknownPieces).sorted()
            if !unknown.isEmpty { findings[track, default: []].append(Finding(entry: entry, words: unknown)) }
        }
        let untraced = flagged.subtracting(traced).sorted()
        return SpellingPass(findings: findings, untraced: untraced, hunspell: hunspell, unknownPieces: unknownPieces)
    }
}
