import Security

/// Random strings over a given alphabet, without modulo bias.
enum RandomText {
    /// `length` characters drawn uniformly from `alphabet` (at most 256 characters) with `SecureRandom`.
    static func make(length: Int, alphabet: [Character]) -> String {
        precondition(!alphabet.isEmpty && alphabet.count <= 256, "billing: alphabet of \(alphabet.count) characters")
        // Bytes at or above the largest multiple of the alphabet size would favour the first characters.
        let limit = 256 - 256 % alphabet.count
        var output = ""
        while output.count < length {
            for byte in SecureRandom.bytes(length * 2) where Int(byte) < limit && output.count < length {
                output.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return output
    }
}
