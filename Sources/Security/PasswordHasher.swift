import COpenSSL

/// Hashes and verifies passwords with scrypt, stored as a self-describing
/// string so the parameters can rise later:
/// `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (salt and hash in unpadded base64,
/// as PHC strings write them).
public struct PasswordHasher: Sendable {
    /// The parameters new hashes use.
    public let parameters: ScryptParameters

    /// Creates a hasher; pass `.testing` explicitly in test suites only.
    public init(parameters: ScryptParameters = .owasp) {
        self.parameters = parameters
    }

    /// Hashes `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        let salt = SecureRandom.bytes(parameters.saltLength)
        let key = try Self.derive(password, salt: salt, parameters: parameters, keyLength: parameters.keyLength)

        return StoredPassword(parameters: parameters, salt: salt, hash: key).encoded
    }

    /// Whether `password` matches `stored`; `false` for a malformed stored string.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let record = StoredPassword(decoding: stored) else { return false }

        guard
            let key = try? Self.derive(
                password, salt: record.salt, parameters: record.parameters,
                keyLength: record.hash.count)
        else { return false }
        return constantTimeEquals(key, record.hash)
    }

    /// Whether `stored` should be replaced by a new hash at the next login:
    /// its parameters are weaker than the current ones, or it cannot be read.
    public func needsRehash(_ stored: String) -> Bool {
        guard let record = StoredPassword(decoding: stored) else { return true }

        return record.parameters.isWeaker(than: parameters) || record.hash.count < parameters.keyLength
            || record.salt.count < parameters.saltLength
    }

    private static func derive(
        _ password: String, salt: [UInt8], parameters: ScryptParameters, keyLength: Int
    ) throws -> [UInt8] {
        var key = [UInt8](repeating: 0, count: keyLength)
        let passwordBytes = Array(password.utf8)
        let result = withCBytes(passwordBytes) { passwordPointer, passwordCount in
            withCBytes(salt) { saltPointer, saltCount in
                passwordPointer.withMemoryRebound(to: CChar.self, capacity: passwordCount + 1) { passwordChars in
                    EVP_PBE_scrypt(
                        passwordChars, passwordCount, saltPointer, saltCount,
                        UInt64(1) << UInt64(parameters.logN), UInt64(parameters.r), UInt64(parameters.p),
                        parameters.maximumMemory, &key, keyLength)
                }
            }
        }
        guard result == 1 else { throw SecurityError.openSSL("EVP_PBE_scrypt") }
        return key
    }
}
