/// An accepted value of a numerical question, with its credit.
public struct NumericalAnswer: Codable, Equatable, Sendable {
    /// Which numbers the answer accepts.
    public enum Accepted: Codable, Equatable, Sendable {
        /// `value` give or take `tolerance` (GIFT `3.14:0.01`, or `3.14` for an exact value).
        case value(Double, tolerance: Double)
        /// Any number from `min` to `max`, both included (GIFT `1..5`).
        case interval(min: Double, max: Double)
        /// Any number at all: Moodle's `*` catch-all, used for feedback on wrong answers (GIFT `~#feedback`).
        case any
    }

    /// The numbers this answer accepts.
    public var accepted: Accepted
    /// Credit in percent (100 by default).
    public var weight: Double
    /// Shown after the answer when this answer matched.
    public var feedback: QuestionText?

    /// Makes an accepted value.
    public init(_ accepted: Accepted, weight: Double = 100, feedback: QuestionText? = nil) {
        self.accepted = accepted
        self.weight = weight
        self.feedback = feedback
    }

    /// Whether `number` falls within this answer; the bounds get a relative slack of 1e-9 against rounding.
    public func accepts(_ number: Double) -> Bool {
        switch accepted {
        case .any:
            return true
        case .value(let value, let tolerance):
            let slack = 1e-9 * max(1, abs(value))
            return abs(number - value) <= tolerance + slack
        case .interval(let low, let high):
            let slack = 1e-9 * max(1, abs(low), abs(high))
            return number >= low - slack && number <= high + slack
        }
    }
}
