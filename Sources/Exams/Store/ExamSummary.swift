/// An exam as listed to candidates, without its questions.
public struct ExamSummary: Equatable, Sendable {
    /// The blueprint id.
    public var id: String
    /// The selection it prepares for.
    public var track: Track
    /// Title shown in lists.
    public var title: String
    /// One sentence presenting the exam.
    public var summary: String
    /// Free sample or premium.
    public var access: Blueprint.Access
    /// Total time before any accommodation factor.
    public var minutes: Double
    /// How many questions an attempt draws.
    public var questionCount: Int
    /// Maximum score.
    public var total: Double

    /// The summary of `blueprint`.
    public init(_ blueprint: Blueprint) {
        id = blueprint.id
        track = blueprint.track
        title = blueprint.title
        summary = blueprint.summary
        access = blueprint.access
        minutes = blueprint.minutes
        questionCount = blueprint.questionCount
        total = blueprint.scoring.total
    }
}
