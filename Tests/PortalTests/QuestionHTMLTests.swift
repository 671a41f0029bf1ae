import Exams
import Foundation
import Testing
import Web

@testable import Portal

@Suite struct QuestionHTMLTests {
    /// The Foundation formulation the single-pass renderer replaced, kept as the oracle of its behaviour.
    static func reference(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { block in
                "<p>" + referenceEscape(block).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
            }
            .joined()
    }

    static func referenceEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(arguments: [
        "Quelle est la dose ?", "Ligne 1\nLigne 2", "Un\n\nDeux", "Un\r\n\r\nDeux\r\nTrois", "\n\n\nA\n\n\n\nB\n",
        "  \u{00A0}Espace insécable\u{202F}: oui\u{00A0} ", "<script>alert('x')</script> & \"guillemets\"",
        "", "\n\n", "a\n \nb", "\r\r\n", "Fin\r", "Émile\u{301}\n\n\u{2028}x\u{2029}",
    ])
    func paragraphsMatchTheReferenceFormulation(text: String) {
        #expect(QuestionHTML.paragraphs(text) == Self.reference(text))
    }

    @Test func paragraphsMatchTheReferenceOnRandomTexts() {
        // No lone "\r": next to a line feed, Foundation's search sees CR LF as one character and does not
        // split there, where the scan does; both escape everything.
        let pieces = ["a", "é", " ", "\n", "\r\n", "\t", "\u{00A0}", "<", "&", "'", "\"", "x\u{301}", "🙂", "\n\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(QuestionHTML.paragraphs(text) == Self.reference(text), "text: \(text.debugDescription)")
        }
    }

    @Test func inlineTextsAreEscapedTrimmedAndKeepTheirLineBreaks() {
        let text = QuestionText("  5 mg < 1 g\net \"plus\" \n", format: .moodle)
        #expect(QuestionHTML.inline(text) == "5 mg &lt; 1 g<br>et &quot;plus&quot;")
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() {
        // One Character that is not `"`, but the browser reads a quote before the accent.
        let text = "\"\u{301} onmouseover=alert(1) '\u{300}"
        let escaped = HTMLText.escaped(text)
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("'"))
        #expect(escaped == "&quot;\u{301} onmouseover=alert(1) &#39;\u{300}")
    }
}
