import Testing

@testable import Exams

/// Each preparation holds enough questions: 150 automatically marked and 10 writing or interview prompts.
@Suite struct BankSizeTests {
    /// Automatically marked questions required per track.
    static let markedMinimum = 150
    /// Essay prompts (writing subjects, interview questions) required per track.
    static let promptMinimum = 10

    @Test(arguments: Track.allCases)
    func eachTrackHasAHundredAndFiftyMarkedQuestions(track: Track) throws {
        let questions = try BankFolder.shipped().questions(of: track).map(\.question)

        let marked = questions.filter { $0.kind != .essay && $0.kind != .description }.count

        #expect(
            marked >= Self.markedMinimum,
            "\(track.rawValue) : \(marked) question(s) notée(s) automatiquement, il en faut \(Self.markedMinimum)")
    }

    @Test(arguments: Track.allCases)
    func eachTrackHasTenWritingOrInterviewPrompts(track: Track) throws {
        let questions = try BankFolder.shipped().questions(of: track).map(\.question)

        let prompts = questions.filter { $0.kind == .essay }.count

        #expect(
            prompts >= Self.promptMinimum,
            "\(track.rawValue) : \(prompts) sujet(s) de rédaction ou d'entretien, il en faut \(Self.promptMinimum)")
    }
}
