/// The cost of a scrypt password hash: N = 2^logN, block size r, parallelism p.
public struct ScryptParameters: Equatable, Sendable {
    /// Base-2 logarithm of the CPU/memory cost N.
    public let logN: Int
    /// Block size; memory is 128 · r · N bytes.
    public let r: Int
    /// Parallelism.
    public let p: Int
    /// Random salt length in bytes.
    public let saltLength: Int
    /// Derived key length in bytes.
    public let keyLength: Int

    /// Creates a parameter set; values outside what `PasswordHasher` accepts trap.
    public init(logN: Int, r: Int, p: Int, saltLength: Int = 16, keyLength: Int = 32) {
        precondition(Self.logNRange.contains(logN), "ScryptParameters: logN \(logN) outside \(Self.logNRange)")
        precondition(Self.rRange.contains(r), "ScryptParameters: r \(r) outside \(Self.rRange)")
        precondition(Self.pRange.contains(p), "ScryptParameters: p \(p) outside \(Self.pRange)")
        precondition(saltLength >= 16 && keyLength >= 16, "ScryptParameters: salt and key need 16 bytes or more")
        self.logN = logN
        self.r = r
        self.p = p
        self.saltLength = saltLength
        self.keyLength = keyLength
    }

    /// OWASP's recommendation: N = 2^17, r = 8, p = 1 (128 MiB per hash).
    public static let owasp = ScryptParameters(logN: 17, r: 8, p: 1)

    /// A cheap set (N = 2^10) for test suites only; never for real passwords.
    public static let testing = ScryptParameters(logN: 10, r: 8, p: 1)

    /// Bounds that also guard against a stored string asking for absurd work.
    static let logNRange = 1...22
    static let rRange = 1...32
    static let pRange = 1...16
    /// The most memory (128 · r · N bytes) a stored hash may ask for: 1 GiB.
    static let memoryCeiling = 1 << 30

    /// The memory OpenSSL needs for these parameters, with headroom.
    var maximumMemory: UInt64 {
        let n = UInt64(1) << UInt64(logN)
        return 128 * UInt64(r) * (n + UInt64(p) + 2) + 1 << 20
    }

    /// Whether these parameters cost less than `other` on any axis.
    func isWeaker(than other: ScryptParameters) -> Bool {
        logN < other.logN || r < other.r || p < other.p
    }
}
