import COpenSSL

/// Compares two byte strings in time that depends only on their length,
/// so a forged MAC or token reveals nothing about the right one.
///
/// Arrays of different lengths are unequal at once; lengths are not secret here.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    guard !a.isEmpty else { return true }

    return a.withUnsafeBytes { first in
        b.withUnsafeBytes { second in
            CRYPTO_memcmp(first.baseAddress, second.baseAddress, a.count) == 0
        }
    }
}
