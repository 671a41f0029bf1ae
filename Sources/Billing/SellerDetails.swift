/// The seller's legal details printed on every invoice and credit note, copied at issue.
public struct SellerDetails: Equatable, Sendable {
    /// Company name and legal form.
    public var name: String
    /// Registered office, on one or more lines.
    public var address: String
    /// SIREN or SIRET number.
    public var siren: String
    /// Intra-community VAT number.
    public var vatNumber: String
    /// Billing contact address.
    public var email: String
    /// Legal mentions: payment terms, penalties, mediator.
    public var mentions: String

    /// Creates seller details.
    public init(name: String, address: String, siren: String, vatNumber: String, email: String, mentions: String) {
        self.name = name
        self.address = address
        self.siren = siren
        self.vatNumber = vatNumber
        self.email = email
        self.mentions = mentions
    }

    /// PLACEHOLDER company details for development and tests: every field says it must be replaced.
    ///
    /// Production must configure the real company before selling: check
    /// `isPlaceholder` at startup and refuse to serve payments while true.
    public static let placeholder = SellerDetails(
        name: "[À COMPLÉTER] LeSocial SAS",
        address: "[À COMPLÉTER] adresse du siège social",
        siren: "[À COMPLÉTER] SIREN",
        vatNumber: "[À COMPLÉTER] n° TVA intracommunautaire",
        email: "facturation@example.invalid",
        mentions: """
            [À COMPLÉTER] Mentions légales à valider par l'expert-comptable.
            Facture acquittée : paiement par carte bancaire à la commande, aucun escompte pour paiement anticipé.
            Droit de rétractation : le service commence à la demande expresse de l'acheteur, qui renonce à son \
            droit de rétractation (art. L221-28 du Code de la consommation).
            Médiation de la consommation : [À COMPLÉTER] nom et site du médiateur.
            """)

    /// Whether these are still the placeholder details.
    public var isPlaceholder: Bool {
        [name, address, siren, vatNumber, mentions].contains { $0.contains("[À COMPLÉTER]") }
    }
}
