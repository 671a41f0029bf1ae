/// A type-erased generator, so a stored `any RandomNumberGenerator` can be passed `inout` to `shuffle(using:)`.
struct ErasedRandom: RandomNumberGenerator {
    /// The generator wrapped.
    var base: any RandomNumberGenerator

    /// The wrapped generator's next value.
    mutating func next() -> UInt64 { base.next() }
}
