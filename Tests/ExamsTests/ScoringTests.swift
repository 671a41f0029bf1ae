import Exams
import Testing

@Suite struct ScoringTests {
    static func ifsi(sectionMark: Double? = nil) -> Blueprint {
        let rule = Blueprint.DrawRule(category: "ifsi/x", count: 4)
        return Blueprint(
            id: "ifsi", track: .ifsi, title: "IFSI", access: .premium, shuffleQuestions: false, shuffleOptions: false,
            sequentialSections: true, review: .afterSubmit,
            scoring: .init(total: 20, passMark: 10, eliminatoryBelow: 8, penalty: 0),
            sections: [
                .init(
                    id: "redaction", title: "Rédaction", minutes: 30, points: 10, eliminatoryBelow: sectionMark,
                    draw: [rule]),
                .init(id: "calculs", title: "Calculs simples", minutes: 30, points: 10, draw: [rule]),
            ])
    }

    @Test func aRightAnswerEarnsItsShareAndPartialCreditCounts() {
        #expect(AttemptScoring.awarded(fraction: 1, answered: true, points: 2.5, penalty: 0.25) == 2.5)
        #expect(AttemptScoring.awarded(fraction: 0.5, answered: true, points: 5, penalty: 0.25) == 2.5)
        #expect(AttemptScoring.awarded(fraction: 1.0 / 3.0, answered: true, points: 3, penalty: 0) == 1)
    }

    @Test func aWrongAnswerCostsThePenaltyAndABlankCostsNothing() {
        #expect(AttemptScoring.awarded(fraction: 0, answered: true, points: 4, penalty: 0.25) == -1)
        #expect(AttemptScoring.awarded(fraction: 0, answered: true, points: 4, penalty: 0) == 0)
        #expect(AttemptScoring.awarded(fraction: 0, answered: false, points: 4, penalty: 0.25) == 0)
        #expect(AttemptScoring.awarded(fraction: -0.5, answered: true, points: 4, penalty: 0.25) == -2)
    }

    @Test func twoSectionsOutOfTenBelowEightInTotalEliminate() {
        let score = AttemptScoring.score(Self.ifsi(), items: [(0, 5, false), (1, 2.5, false)])
        #expect(score.total == 7.5)
        #expect(score.verdict == .eliminated && score.passed == false && score.eliminated == true)
        #expect(score.reason == "Éliminé : 7,5/20, en dessous de la note éliminatoire de 8/20.")
    }

    @Test func betweenTheEliminatoryAndPassMarksTheCandidateFailsWithoutElimination() {
        let score = AttemptScoring.score(Self.ifsi(), items: [(0, 6, false), (1, 3, false)])
        #expect(score.verdict == .failed && score.eliminated == false)
        #expect(score.reason == "Épreuve non réussie : 9/20, il faut au moins 10/20.")
    }

    @Test func aSectionBelowItsOwnMarkEliminatesWhateverTheTotal() {
        let score = AttemptScoring.score(Self.ifsi(sectionMark: 4), items: [(0, 3.5, false), (1, 10, false)])
        #expect(score.total == 13.5)
        #expect(score.verdict == .eliminated)
        #expect(
            score.reason
                == "Éliminé : 3,5/10 à la partie « Rédaction », en dessous de la note éliminatoire de 4/10.")
    }

    @Test func exactlyThePassMarkPassesDespiteRounding() {
        let thirds = (0..<3).map { _ in (section: 0, awarded: Optional(10.0 / 3.0), needsMarking: false) }
        let score = AttemptScoring.score(Self.ifsi(), items: thirds)
        #expect(score.total == 10)
        #expect(score.verdict == .passed)
    }

    @Test func aSectionNeverGoesBelowZero() {
        let score = AttemptScoring.score(Self.ifsi(), items: [(0, -3, false), (1, 9, false)])
        #expect(score.sectionScores == [0, 9])
        #expect(score.total == 9)
    }

    @Test func pendingEssaysLeaveTheVerdictOpen() {
        let score = AttemptScoring.score(Self.ifsi(), items: [(0, nil, true), (1, 10, false)])
        #expect(score.verdict == .pendingMarking && score.passed == nil && score.eliminated == nil)
        #expect(score.pendingMarking == 1)
    }
}
