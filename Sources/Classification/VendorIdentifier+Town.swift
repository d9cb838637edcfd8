import MIME
import Rules

/// French towns writing from a domain that puts `mairie-` or `ville-` before the town's name
/// (`mairie-nantes.fr`, `ville-rennes.fr`), and people of a catalog vendor writing through a
/// ticketing platform under their own name (`Margaux de Alan`).
extension VendorIdentifier {
    /// The town's own domain a French town hall's domain names: `nantes.fr` for
    /// `mairie-nantes.fr` or `ville-nantes.fr`; `nil` for any other domain.
    static func townDomain(of domain: String) -> String? {
        guard domain.hasSuffix(".fr"), let label = DomainLabels.first(of: domain), DomainLabels.count(of: domain) == 2
        else { return nil }
        for prefix in ["mairie-", "ville-"] where label.hasPrefix(prefix) {
            let town = label.dropFirst(prefix.count)
            if town.count >= 3 { return "\(town).fr" }
        }
        return nil
    }

    /// A town hall's domain the catalog does not know, named `Ville de <town>` as the display
    /// name spells the town (`Portail Famille – Ville de Rezé` for `mairie-reze.fr`); the id
    /// stays the domain's. `nil` when the domain is not a town hall's, when the display name
    /// spells the whole domain name (`Mairie de Saint-Brévin` keeps its own spelling), or when
    /// it does not spell the town.
    func townVendor(unknown domain: String, displayName: String?) -> IdentifiedVendor? {
        guard let town = Self.townDomain(of: domain), let displayName,
            IdentifiedVendor.spelling(of: domain, in: displayName) == nil,
            let spelled = IdentifiedVendor.spelling(of: town, in: displayName)
        else { return nil }
        var vendor = IdentifiedVendor(unknownDomain: domain)
        vendor.name = "Ville de \(spelled)"
        return vendor
    }

    /// The catalog vendor a platform-sent display name makes the sender a person of: one word
    /// (a first name), a word of belonging (`de`, `from`, `at`…), then the vendor's whole name
    /// (`Margaux de Alan`, `Tom from Qonto`). `nil` otherwise.
    func memberVendor(_ displayName: String) -> VendorRule? {
        let words = TextFoldingWords.words(displayName)
        guard words.count >= 3, Self.memberWords.contains(words[1]), !Self.roleWords.contains(words[0]),
            !Self.memberWords.contains(words[0])
        else { return nil }
        return names[words[2...].joined(separator: " ")]
    }

    /// The business a platform-sent display name makes the sender a person of when the catalog
    /// does not know it: one word (a first name), `from` or `at`, then the business's name as the
    /// display name writes it (`Holly at Wax & Wick Co.` gives `Wax & Wick Co.`, `Marie from
    /// Tally` gives `Tally`). Not `de`, `von`, `di`…: they also join a name's own words (`Musée de
    /// Bretagne`). `nil` otherwise.
    func memberBusiness(_ displayName: String) -> String? {
        let tokens = displayName.split(whereSeparator: \.isWhitespace).map(String.init)
        guard tokens.count >= 3 else { return nil }
        let first = TextFoldingWords.words(tokens[0]), link = TextFoldingWords.words(tokens[1])
        guard first.count == 1, link.count == 1, ["from", "at"].contains(link[0]), !Self.roleWords.contains(first[0]),
            !Self.templateWords.contains(first[0]), !Self.memberWords.contains(first[0])
        else { return nil }
        let business = tokens[2...].joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " -–—|·:,(/)"))
        return TextFoldingWords.words(business).isEmpty ? nil : business
    }
}
