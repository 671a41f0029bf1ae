/// An independent second solution of a calculation question, written from the data of its stem.
///
/// `CalculationKeyTests` compares `expected` with the key typed in the GIFT bank.
struct CalculationKey {
    /// The question's `[id:...]`.
    let id: String
    /// The answer computed again, as the stem asks it to be rounded.
    let expected: Double
}
