/// libFuzzer entry for the request parsers of `Web`.
///
/// The input is read as three lines and a body: a request target, a `Cookie` header, a multipart
/// boundary, then the body bytes. The parsers see every input:
/// - `URLEncoding.decode` and `decodeForm` on the whole input, `Cookie.parse` on it as text;
/// - `Request(method:target:headers:body:)` with a urlencoded body (target, cookie and body);
/// - `MultipartReader` through an in-process libmicrohttpd daemon (boundary and body), when both are
///   non-empty: that path costs a connection, and the others run far faster without it.
///
/// Beyond "no crash, no hang", decoded pairs must survive `URLEncoding.encode` unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkURLEncoding(bytes)
    _ = Cookie.parse(String(decoding: bytes, as: UTF8.self))

    var lines = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
    while lines.count < 4 { lines.append(bytes[bytes.endIndex...]) }
    let target = String(decoding: lines[0], as: UTF8.self)
    let cookie = String(decoding: lines[1], as: UTF8.self)
    let body = Array(lines[3])

    let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie]
    if let request = try? Request(method: HTTPMethod(rawValue: "POST"), target: target, headers: headers, body: body) {
        if request.path.utf8.first != UInt8(ascii: "/") { fatalError("request path without a leading slash") }
    }
    if !lines[2].isEmpty && !body.isEmpty {
        MultipartHarness.shared.submit(boundary: Array(lines[2]), body: body)
    }
    return 0
}

/// Decodes `bytes` every way `URLEncoding` offers and checks that encoding gives the same text back.
private func checkURLEncoding(_ bytes: UnsafeBufferPointer<UInt8>) {
    for plusAsSpace in [false, true] {
        if let text = URLEncoding.decode(bytes, plusAsSpace: plusAsSpace) {
            if URLEncoding.decode(Array(URLEncoding.encode(text).utf8), plusAsSpace: false) != text {
                fatalError("encoded text does not decode back: \(text.debugDescription)")
            }
        }
    }
    guard let pairs = URLEncoding.decodeForm(bytes) else { return }
    let encoded = pairs.map { URLEncoding.encode($0.0) + "=" + URLEncoding.encode($0.1) }.joined(separator: "&")
    guard let again = URLEncoding.decodeForm(Array(encoded.utf8)) else {
        fatalError("re-encoded form does not decode: \(encoded)")
    }
    if again.map(\.0) != pairs.map(\.0) || again.map(\.1) != pairs.map(\.1) {
        fatalError("re-encoded form decodes differently: \(encoded)")
    }
}
