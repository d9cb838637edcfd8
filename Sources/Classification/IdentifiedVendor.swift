import MailroomCore
import Rules

/// The company a message comes from.
public struct IdentifiedVendor: Sendable, Hashable {
    public var id: VendorID
    public var name: String
    /// Registrable domain of the sender identity of this message.
    public var domain: String
    /// `nil` for a vendor the catalog does not know.
    public var sector: Sector?
    /// Whether the catalog knows this vendor (else it is named from its domain).
    public var known: Bool

    public init(id: VendorID, name: String, domain: String, sector: Sector?, known: Bool) {
        self.id = id
        self.name = name
        self.domain = domain
        self.sector = sector
        self.known = known
    }

    init(rule: VendorRule, domain: String) {
        self.init(id: rule.id, name: rule.name, domain: domain, sector: rule.sector, known: true)
    }

    /// A vendor the catalog does not know, named from its registrable domain: `maison-lumiere.fr`
    /// becomes id `maison-lumiere-fr`, name `maison-lumiere.fr`.
    init(unknownDomain domain: String) {
        let slug = String(domain.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        self.init(id: VendorID(slug), name: domain, domain: domain, sector: nil, known: false)
    }

    /// A vendor the catalog does not know that writes through a sending platform: named from the
    /// sender's display name (`Atelier Brun` becomes id `atelier-brun`); `domain` is the platform's.
    /// Department and legal-form words are left out (`Atelier Brun Support`, `Atelier Brun SAS`).
    init?(unknownBrand name: String, platformDomain: String) {
        let words = DisplayNameBrand.words(name)
        let slug = words.joined(separator: "-")
        guard slug.count >= 2, slug.count <= 60 else { return nil }
        // The display name's own spelling of the words kept: as many leading words as were kept.
        let original = name.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(words.count).joined(separator: " ")
        let display = TextFoldingWords.words(original) == words ? original : name.trimmingCharacters(in: .whitespaces)
        self.init(id: VendorID(slug), name: display, domain: platformDomain, sector: nil, known: false)
    }
}
