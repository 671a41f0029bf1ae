import COpenSSL

/// Message digests.
public enum Digest {
    /// The SHA-256 digest of `bytes` (32 bytes).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let result = withCBytes(bytes) { pointer, count in
            EVP_Digest(pointer, count, &output, &length, EVP_sha256(), nil)
        }
        precondition(result == 1, "\(SecurityError.openSSL("EVP_Digest SHA-256"))")
        return output
    }

    /// The SHA-256 digest of the UTF-8 bytes of `string`.
    public static func sha256(_ string: String) -> [UInt8] {
        sha256(Array(string.utf8))
    }
}
