import Accounts
import CCurl
import Foundation

/// Production mail transport: sends through an SMTP server with libcurl.
///
/// `LESOCIAL_MAIL=smtp://user:password@host:587` (or `smtps://…:465`); STARTTLS is
/// required on `smtp://` unless the host is loopback.
struct SMTPMailTransport: MailTransport {
    let url: URL

    /// What libcurl refused, with its code and message.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var code: CURLcode

        var description: String {
            "smtp: \(operation) failed: \(String(cString: curl_easy_strerror(code))) (code \(code.rawValue))"
        }
    }

    init(url: URL) {
        self.url = url
    }

    func send(_ mail: OutgoingMail, from sender: String) throws {
        guard let handle = curl_easy_init() else { throw Failure(operation: "curl_easy_init", code: CURLE_FAILED_INIT) }
        defer { curl_easy_cleanup(handle) }

        var message = Array(FileMailTransport.render(mail, from: sender).utf8)[...]
        let senderAddress = Self.address(in: sender)
        let recipients = curl_slist_append(nil, "<\(mail.recipient)>")
        defer { curl_slist_free_all(recipients) }

        let host = url.host ?? ""
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        try check("url", lesocial_curl_set_string(handle, CURLOPT_URL, url.absoluteString))
        try check("mail from", lesocial_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(senderAddress)>"))
        try check("recipients", lesocial_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, recipients))
        if url.scheme == "smtp" && !loopback {
            try check("starttls", lesocial_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        try check("upload", lesocial_curl_set_long(handle, CURLOPT_UPLOAD, 1))
        try check("timeout", lesocial_curl_set_long(handle, CURLOPT_TIMEOUT, 30))
        try check("read function", lesocial_curl_set_read_function(handle, Self.readChunk))

        try withUnsafeMutablePointer(to: &message) { pointer in
            try check("read data", lesocial_curl_set_pointer(handle, CURLOPT_READDATA, pointer))
            try check("perform", curl_easy_perform(handle))
        }
    }

    private func check(_ operation: String, _ code: CURLcode) throws {
        guard code == CURLE_OK else { throw Failure(operation: operation, code: code) }
    }

    /// libcurl pulls the message through this callback, a chunk at a time.
    private static let readChunk:
        @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
            buffer, size, count, userData in
            guard let buffer, let userData else { return 0 }
            let remaining = userData.assumingMemoryBound(to: ArraySlice<UInt8>.self)
            let length = min(size * count, remaining.pointee.count)
            remaining.pointee.prefix(length).withUnsafeBytes { bytes in
                buffer.withMemoryRebound(to: UInt8.self, capacity: length) { target in
                    target.update(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: length)
                }
            }
            remaining.pointee = remaining.pointee.dropFirst(length)
            return length
        }

    /// The bare address of "Name <address>".
    static func address(in mailbox: String) -> String {
        guard let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close else {
            return mailbox.trimmingCharacters(in: .whitespaces)
        }
        return String(mailbox[mailbox.index(after: open)..<close])
    }
}
