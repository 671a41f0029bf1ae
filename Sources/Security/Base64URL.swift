/// Base64url without padding (RFC 4648 §5), as JWS and JWK use it.
public enum Base64URL {
    /// Encodes bytes without `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        Base64Alphabet.url.encode(bytes)
    }

    /// Encodes the UTF-8 bytes of a string.
    public static func encode(_ string: String) -> String {
        encode(Array(string.utf8))
    }

    /// Decodes unpadded base64url; `nil` for padding, a foreign character,
    /// an impossible length or non-zero unused bits, so each value has one
    /// spelling.
    public static func decode(_ text: String) -> [UInt8]? {
        Base64Alphabet.url.decode(text)
    }
}
