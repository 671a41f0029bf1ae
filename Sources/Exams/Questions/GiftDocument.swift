/// A parsed GIFT file: its questions and `$CATEGORY:` switches, in file order.
public struct GiftDocument: Equatable, Sendable {
    /// One element of a GIFT file.
    public enum Item: Equatable, Sendable {
        /// A `$CATEGORY:` line: the text as written and the normalised path the next questions get.
        case category(raw: String, path: String)
        /// A question.
        case question(Question)
    }

    /// Everything the file holds, in order.
    public var items: [Item]

    /// Makes a document.
    public init(items: [Item]) {
        self.items = items
    }

    /// The questions only, in order, each carrying the category in force where it stands.
    public var questions: [Question] {
        items.compactMap { item in
            if case .question(let question) = item { return question }
            return nil
        }
    }
}
