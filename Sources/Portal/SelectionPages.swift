import Exams
import Foundation

/// The "La sélection aujourd'hui" text of each preparation, rendered from Markdown once at start.
public struct SelectionPages: Sendable {
    private let pages: [Track: String]

    /// Reads `QuestionBanks/<track>/selection.md` for every track; a missing file gives a short notice.
    public init(banksDirectory: URL) {
        var pages: [Track: String] = [:]
        for track in Track.allCases {
            let file = banksDirectory.appendingPathComponent(track.rawValue).appendingPathComponent("selection.md")
            if let text = try? String(contentsOf: file, encoding: .utf8) {
                pages[track] = Markdown.html(text)
            }
        }
        self.pages = pages
    }

    /// The HTML of a track's page.
    public func html(for track: Track) -> String {
        pages[track] ?? "<p>La présentation de cette sélection est en cours de rédaction.</p>"
    }
}
