/// The parts of a stored scrypt hash, `$scrypt$ln=..,r=..,p=..$<salt>$<hash>`.
struct StoredPassword {
    let parameters: ScryptParameters
    let salt: [UInt8]
    let hash: [UInt8]

    init(parameters: ScryptParameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// Parses a stored string; `nil` when any part is missing or out of range.
    init?(decoding stored: String) {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty, fields[1] == "scrypt" else { return nil }

        var values = [String: Int]()
        for pair in fields[2].split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Int(parts[1]), values[String(parts[0])] == nil else { return nil }
            values[String(parts[0])] = value
        }
        guard values.count == 3, let logN = values["ln"], let r = values["r"], let p = values["p"],
            ScryptParameters.logNRange.contains(logN), ScryptParameters.rRange.contains(r),
            ScryptParameters.pRange.contains(p), 128 * r << logN <= ScryptParameters.memoryCeiling
        else { return nil }

        guard let salt = Base64Alphabet.standard.decode(String(fields[3])),
            let hash = Base64Alphabet.standard.decode(String(fields[4])),
            !salt.isEmpty, hash.count >= 16
        else { return nil }

        self.parameters = ScryptParameters(
            logN: logN, r: r, p: p, saltLength: max(salt.count, 16), keyLength: max(hash.count, 16))
        self.salt = salt
        self.hash = hash
    }

    /// The stored form.
    var encoded: String {
        let cost = "ln=\(parameters.logN),r=\(parameters.r),p=\(parameters.p)"
        return "$scrypt$\(cost)$\(Base64Alphabet.standard.encode(salt))$\(Base64Alphabet.standard.encode(hash))"
    }
}
