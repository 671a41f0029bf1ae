extension Question {
    /// The tag that puts a question in the free pool (the sample exams) instead of the premium one.
    public static let freeTag = "gratuit"

    /// Whether the question belongs to the free pool: shown by free exams, never by premium ones.
    public var isFree: Bool { tags.contains(Question.freeTag) }
}

extension Blueprint {
    /// Whether a question of the pool may be drawn by this exam: free exams draw free questions only,
    /// premium exams premium ones only, so premium text never reaches a free page.
    func admits(_ candidate: QuestionDraw.Candidate) -> Bool {
        candidate.isFree == (access == .free)
    }
}
