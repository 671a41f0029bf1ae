import COpenSSL

/// Cryptographically secure random bytes and tokens from OpenSSL's CSPRNG.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// Stops the process if OpenSSL cannot produce them: continuing without
    /// randomness would hand out guessable session ids and salts.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes: negative count \(count)")
        guard count > 0 else { return [] }

        var output = [UInt8](repeating: 0, count: count)
        let result = output.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard result == 1 else {
            fatalError("\(SecurityError.openSSL("RAND_bytes"))")
        }
        return output
    }

    /// Returns `byteCount` random bytes as base64url without padding
    /// (43 characters for the default 32 bytes), for session ids and nonces.
    public static func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }
}
