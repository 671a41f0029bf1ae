import Foundation
import Testing

@testable import Exams

/// Each preparation has its "La sélection aujourd'hui" page, which cites the official texts it relies on.
@Suite struct SelectionPageTests {
    @Test(arguments: Track.allCases)
    func theSelectionPageExistsAndCitesOfficialTexts(track: Track) throws {
        let path = "\(track.rawValue)/selection.md"

        let text = try #require(try BankFolder.shipped().text(of: path), "\(path) : fichier absent")

        let citations = Self.officialTexts(in: text)
        #expect(citations != nil, "\(path) : aucune section « Textes officiels »")
        #expect(
            citations?.isEmpty == false,
            "\(path) : la section « Textes officiels » ne cite ni loi, ni décret, ni arrêté")
    }

    @Test func citationsAreReadFromTheirSectionOnly() {
        let page =
            "# Titre\nLa loi du 2 janvier 2002.\n## Textes officiels\n- Arrêté du 31 juillet 2009\n## Fin\nDécret"

        #expect(Self.officialTexts(in: page) == ["- Arrêté du 31 juillet 2009"])
        #expect(Self.officialTexts(in: "# Titre\nLa loi du 2 janvier 2002.") == nil)
    }

    /// The lines of the "Textes officiels" (or "Textes de référence", "Références officielles") section
    /// that name a law, decree, order, code or circular; nil when the page has no such section.
    static func officialTexts(in page: String) -> [String]? {
        let kinds = ["loi", "décret", "arrêté", "code ", "circulaire", "instruction", "ordonnance"]
        var level: Int?
        var citations: [String] = []
        for line in page.split(separator: "\n").map(String.init) {
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0 {
                if let current = level, hashes <= current { break }
                let title = line.dropFirst(hashes).lowercased()
                if level == nil,
                    title.contains("textes officiels") || title.contains("textes de référence")
                        || title.contains("références officielles")
                {
                    level = hashes
                }
                continue
            }
            if level != nil, kinds.contains(where: line.lowercased().contains) { citations.append(line) }
        }
        return level == nil ? nil : citations
    }
}
