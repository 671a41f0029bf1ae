/// Calls `body` with a pointer that is never null, even for an empty array.
///
/// OpenSSL treats a null pointer as "no argument" in places (an HMAC key,
/// a password), so an empty input must still point somewhere.
func withCBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    let guarded = bytes + [0]
    return try guarded.withUnsafeBufferPointer { buffer in
        try body(buffer.baseAddress!, bytes.count)
    }
}
