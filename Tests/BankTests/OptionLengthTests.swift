import Testing

@testable import Exams

/// The right option of single-choice questions does not give itself away by being the longest.
@Suite struct OptionLengthTests {
    /// Highest share of single-choice questions whose right option is strictly the longest.
    static let maximumShare = 0.4

    @Test(arguments: Track.allCases)
    func theRightOptionIsTheLongestInAtMostFortyPercentOfSingleChoices(track: Track) throws {
        let singles = try BankFolder.shipped().questions(of: track).map(\.question).filter { $0.kind == .singleChoice }
        try #require(!singles.isEmpty, "\(track.rawValue) : aucune question à choix unique")

        let giveaways = singles.filter(Self.rightOptionIsStrictlyLongest).map(\.id)

        let share = Double(giveaways.count) / Double(singles.count)
        #expect(
            share <= Self.maximumShare,
            """
            \(track.rawValue) : l'option juste est la plus longue dans \(giveaways.count) question(s) sur \
            \(singles.count) (\(Int((share * 100).rounded())) %, au plus 40 %) : \(giveaways.joined(separator: ", "))
            """)
    }

    @Test func aTieForTheLongestIsNoGiveaway() {
        let tie = Question(
            id: "t", kind: .singleChoice, stem: QuestionText("?"),
            choices: [Choice(text: QuestionText("abc"), weight: 100), Choice(text: QuestionText("xyz"), weight: 0)])
        var longest = tie
        longest.choices[0].text = QuestionText("abcd")

        #expect(!Self.rightOptionIsStrictlyLongest(tie))
        #expect(Self.rightOptionIsStrictlyLongest(longest))
    }

    /// Whether the best-weighted option is longer, without markup and outer spaces, than every other.
    static func rightOptionIsStrictlyLongest(_ question: Question) -> Bool {
        guard let best = question.choices.indices.max(by: { question.choices[$0].weight < question.choices[$1].weight })
        else { return false }
        let lengths = question.choices.map { QuestionIdentity.plainText($0.text.text).count }
        return lengths.indices.allSatisfy { $0 == best || lengths[$0] < lengths[best] }
    }
}
