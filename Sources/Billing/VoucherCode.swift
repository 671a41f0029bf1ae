/// Voucher codes a student can type from paper: `LS-7KQM-X4TD`.
///
/// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L,
/// 2/Z, 5/S, 8/B), drawn with
/// `SecureRandom`: 25⁸ ≈ 1.5 × 10¹¹ codes, so guessing one is hopeless.
public enum VoucherCode {
    /// The characters codes are made of.
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    /// A new random code, formatted.
    public static func generate() -> String {
        let body = RandomText.make(length: 8, alphabet: alphabet)
        return "LS-\(body.prefix(4))-\(body.suffix(4))"
    }

    /// The canonical form of what a user typed, or `nil` when it cannot be a code.
    ///
    /// Case, spaces and dashes are ignored, and the `LS` prefix is optional:
    /// `ls 7kqm x4td` and `7KQMX4TD` both give `LS-7KQM-X4TD`.
    public static func normalize(_ input: String) -> String? {
        var characters = input.uppercased().filter { $0 != " " && $0 != "-" && $0 != "\u{00A0}" }
        if characters.count == 10 && characters.hasPrefix("LS") { characters = String(characters.dropFirst(2)) }
        guard characters.count == 8, characters.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return "LS-\(characters.prefix(4))-\(characters.suffix(4))"
    }
}
