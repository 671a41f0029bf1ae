/// The problems of a submitted form, shown above it; absent when there are none.
public struct FormErrors: Encodable {
    public var messages: [String]

    /// Nil when `messages` is empty, so templates can test the section.
    public init?(_ messages: [String]) {
        guard !messages.isEmpty else { return nil }
        self.messages = messages
    }
}
