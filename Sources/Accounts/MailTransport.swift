import Foundation

/// Something that delivers a mail or throws why it could not.
public protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail, from sender: String) throws
}

/// Development transport: writes each mail as an `.eml` file in a folder.
public struct FileMailTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ mail: OutgoingMail, from sender: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("\(mail.id)-\(Int(mail.createdAt.timeIntervalSince1970)).eml")
        try Data(Self.render(mail, from: sender).utf8).write(to: file, options: .atomic)
    }

    /// The RFC 5322 text of a mail, with a UTF-8 subject encoded per RFC 2047.
    public static func render(_ mail: OutgoingMail, from sender: String) -> String {
        let subject = "=?UTF-8?B?\(Data(mail.subject.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return [
            "From: \(sender)",
            "To: \(mail.recipient)",
            "Subject: \(subject)",
            "Date: \(formatter.string(from: mail.createdAt))",
            "Message-ID: <\(mail.id).\(Int(mail.createdAt.timeIntervalSince1970))@lesocial.local>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            mail.body,
        ].joined(separator: "\r\n")
    }
}
