import Domains
import MIME
import Rules

/// Senders whose own domain the catalog does not list but that say who they are in ways a person
/// reads at once: a regional entity whose domain spells its name with the brand's initials
/// (`Crédit Agricole Alpes Provence` at `ca-alpesprovence.fr`), a domain signed by a catalog
/// vendor the display name names (`Esselunga a casa` from `esselungaacasa.it`, `d=esselunga.it`),
/// and a domain written in the display name of mail a platform sends (`Bergfreunde.de
/// Kundenservice` at a help desk's address).
extension VendorIdentifier {
    /// The catalog vendor whose name (or brand) starts the display name when the rest of the
    /// display name, with the brand written out or as its initials, spells `domain`'s name:
    /// `ca-alpesprovence.fr` for `Crédit Agricole Alpes Provence`, `bpvf.fr` for `Banque
    /// Populaire Val de France`, `groupama-med.fr` for `Groupama Méditerranée` (the rest's words
    /// whole, as initials or cut short; or only its first words, spelled in two letters or more:
    /// `groupama-ra.fr` for `Groupama Rhône-Alpes Auvergne`). The display name must say more than
    /// the brand (a domain of the brand's initials alone, `ca.fr`, is not the brand's). `nil` otherwise.
    func abbreviatedBrand(_ domain: String, sender: MailAddress?) -> VendorRule? {
        guard let name = sender?.name, let label = DomainLabels.first(of: domain) else { return nil }
        let target = DomainLabels.dehyphenated(label)
        guard target.count >= 3 else { return nil }
        let words = TextFoldingWords.words(name)
        guard words.count >= 2 else { return nil }
        for length in stride(from: min(longestBrand, words.count - 1), through: 1, by: -1) {
            let brandWords = Array(words[..<length])
            let key = brandWords.joined(separator: " ")
            guard let rule = brands[key] ?? names[key] else { continue }
            let rest = words[length...].filter { !IdentifiedVendor.linkingWords.contains($0) }
            guard !rest.isEmpty else { continue }
            let brandSpellings = Set([brandWords.joined(), brandWords.compactMap(\.first).map(String.init).joined()])
            let restSpellings = Set([rest.joined(), words[length...].joined(), rest.compactMap(\.first).map(String.init).joined()])
            for brand in brandSpellings where brand.count >= 2 {
                if restSpellings.contains(where: { brand + $0 == target }) { return rule }
                // The rest shortened word by word (`groupama-med.fr` for `Groupama Méditerranée`).
                if target.hasPrefix(brand), Self.abbreviates(Array(target.dropFirst(brand.count)), words: rest) { return rule }
                // The region's first words only, at least two letters of them: a name that grew
                // after its domain was made (`groupama-ra.fr` for `Groupama Rhône-Alpes Auvergne`).
                let shortened = Array(target.dropFirst(brand.count))
                if target.hasPrefix(brand), shortened.count >= 2, rest.count >= 2,
                    (1..<rest.count).contains(where: { Self.abbreviates(shortened, words: Array(rest[..<$0])) })
                {
                    return rule
                }
            }
        }
        return nil
    }

    /// Whether `target` is `words` written in order, each whole, as its initial or cut to its
    /// first three letters or more (`med` for `mediterranee`, `paca` for `provence alpes cote
    /// azur`): the way a regional entity shortens its region in its domain. Every word counts.
    static func abbreviates(_ target: [Character], words: [String]) -> Bool {
        let words = words.map(Array.init)
        guard !target.isEmpty, !words.isEmpty else { return false }
        // A state is how much of the target the first `word` words spelled.
        var seen: Set<[Int]> = []
        var pending = [(position: 0, word: 0)]
        while let (position, word) = pending.popLast() {
            guard word < words.count else {
                if position == target.count { return true }
                continue
            }
            let letters = words[word]
            let lengths = [1] + (letters.count >= 3 ? Array(3...letters.count) : letters.count == 2 ? [2] : [])
            for length in lengths where position + length <= target.count
                && target[position..<position + length].elementsEqual(letters[..<length])
            {
                if seen.insert([position + length, word + 1]).inserted { pending.append((position + length, word + 1)) }
            }
        }
        return false
    }

    /// The catalog vendor among the domains that signed the message (not a sending platform's)
    /// whose name or brand the display name carries: the vendor sending from a domain of its
    /// own the catalog does not list. `nil` otherwise.
    func signingVendor(_ signers: Set<String>, sender: MailAddress?) -> (rule: VendorRule, signer: String)? {
        for signer in signers.sorted() where !rules.platforms.emailServiceProviders.contains(signer) {
            if let rule = rules.vendor(forDomain: signer), names(sender, rule) { return (rule, signer) }
        }
        return nil
    }

    /// The registrable domain a display name writes (`Bergfreunde.de Kundenservice`,
    /// `Vinoteca Ruiz – vinotecaruiz.es`) under a common top-level domain, when it is not a
    /// platform's or a mailbox provider's; `nil` otherwise.
    func writtenDomain(in displayName: String) -> String? {
        let platforms = rules.platforms
        for token in displayName.split(whereSeparator: { $0.isWhitespace || "()[]<>,;:|/\"'".contains($0) }) {
            let host = token.lowercased().trimmingCharacters(in: .init(charactersIn: ".-"))
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, let top = labels.last, Self.commonTopLevelDomains.contains(String(top)),
                labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
                let domain = RegistrableDomain.of(host), let first = domain.split(separator: ".").first, first.count >= 3,
                !platforms.emailServiceProviders.contains(domain), !platforms.mailboxProviders.contains(domain)
            else { continue }
            return domain
        }
        return nil
    }

    /// Top-level domains a business's name is written with (`Bergfreunde.de`, `Booking.com`):
    /// the generic ones and the countries of the catalog. Other dotted words (`S.A.`, `Inc.`,
    /// `J.R.R.`) are not domains.
    static let commonTopLevelDomains: Set<String> = [
        "com", "net", "org", "eu", "io", "co", "app", "shop", "store", "fr", "de", "es", "it", "nl", "pl", "be", "ch",
        "at", "uk", "ie", "pt", "lu", "se", "dk", "no", "fi", "cz",
    ]
}
