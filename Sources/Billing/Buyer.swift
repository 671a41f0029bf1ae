/// Who pays, as printed on the invoice; copied into the order when it is made.
public struct Buyer: Equatable, Sendable {
    /// E-mail address of the account.
    public let email: String
    /// Name to print, if the user gave one.
    public let name: String?

    /// Creates a buyer snapshot.
    public init(email: String, name: String?) {
        self.email = email
        self.name = name
    }
}
