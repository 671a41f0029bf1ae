import Billing
import CCurl
import Foundation

/// Outgoing HTTPS calls (Stripe's API) through libcurl.
///
/// One easy handle per request: calls are rare (one per checkout), so
/// connection reuse is not worth a shared handle and its locking.
struct CurlHTTPTransport: HTTPTransport {
    /// Seconds before a call is abandoned, connection included.
    let timeoutSeconds: Int

    /// What libcurl refused, with its code and message.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var code: CURLcode

        var description: String {
            "http: \(operation) failed: \(String(cString: curl_easy_strerror(code))) (code \(code.rawValue))"
        }
    }

    init(timeoutSeconds: Int = 30) {
        self.timeoutSeconds = timeoutSeconds
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let handle = curl_easy_init() else { throw Failure(operation: "curl_easy_init", code: CURLE_FAILED_INIT) }
        defer { curl_easy_cleanup(handle) }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            guard let appended = curl_slist_append(headerList, "\(header.name): \(header.value)") else {
                throw Failure(operation: "header \(header.name)", code: CURLE_OUT_OF_MEMORY)
            }
            headerList = appended
        }
        if request.header("Expect") == nil {
            guard let appended = curl_slist_append(headerList, "Expect:") else {
                throw Failure(operation: "header Expect", code: CURLE_OUT_OF_MEMORY)
            }
            headerList = appended
        }

        try check("url", lesocial_curl_set_string(handle, CURLOPT_URL, request.url))
        try check("protocols", lesocial_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check("method", lesocial_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        try check("headers", lesocial_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        try check("timeout", lesocial_curl_set_long(handle, CURLOPT_TIMEOUT, timeoutSeconds))
        try check("no signal", lesocial_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        try check("write function", lesocial_curl_set_write_function(handle, Self.appendChunk))

        var received: [UInt8] = []
        // A one-byte buffer when there is no body, so the pointer handed to libcurl is never nil.
        var body = request.body.isEmpty ? [0] : request.body
        try body.withUnsafeMutableBufferPointer { bytes in
            if request.method != "GET" && request.method != "HEAD" {
                try check("body size", lesocial_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count))
                try check("body", lesocial_curl_set_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress))
            }
            try withUnsafeMutablePointer(to: &received) { pointer in
                try check("write data", lesocial_curl_set_pointer(handle, CURLOPT_WRITEDATA, pointer))
                try check("perform \(request.method)", curl_easy_perform(handle))
            }
        }

        var status = 0
        try check("response code", lesocial_curl_get_response_code(handle, &status))
        return HTTPResponse(status: status, body: received)
    }

    private func check(_ operation: String, _ code: CURLcode) throws {
        guard code == CURLE_OK else { throw Failure(operation: operation, code: code) }
    }

    /// libcurl hands the response body over through this callback, a chunk at a time.
    private static let appendChunk:
        @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
            buffer, size, count, userData in
            guard let userData else { return 0 }
            let length = size * count
            guard let buffer, length > 0 else { return length }
            let received = userData.assumingMemoryBound(to: [UInt8].self)
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                received.pointee.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            }
            return length
        }
}
