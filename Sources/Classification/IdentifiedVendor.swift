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
    /// becomes id `maison-lumiere-fr`, name `maison-lumiere.fr`. When the sender's display name
    /// spells the domain's name (`Maison Lumière` for `maison-lumiere.fr`, `EATALY` for
    /// `eataly.it`), that spelling is the name; the id stays the domain's, so it never changes
    /// with the display name.
    init(unknownDomain domain: String, displayName: String? = nil) {
        let slug = Self.slug(of: domain)
        let name = displayName.flatMap { Self.spelling(of: domain, in: $0) } ?? domain
        self.init(id: VendorID(slug), name: name, domain: domain, sector: nil, known: false)
    }

    /// The domain lowercased, each character other than a letter or a number made `-`; ASCII
    /// domains on their bytes (an ASCII letter or number is one of A–Z, a–z, 0–9).
    static func slug(of domain: String) -> String {
        guard DomainLabels.isASCII(domain) else { return String(domain.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }) }
        return String(decoding: domain.utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
            default: UInt8(ascii: "-")
            }
        }, as: UTF8.self)
    }

    /// The words of `displayName` that spell the first label of `domain` (hyphens and accents
    /// aside), as the display name writes them; or the whole display name when it is only the
    /// label's first hyphen-separated part (`TAURON` for `tauron-dystrybucja.pl`).
    static func spelling(of domain: String, in displayName: String) -> String? {
        guard let label = DomainLabels.first(of: domain).map(String.init) else { return nil }
        let parts = label.split(separator: "-").map(String.init)
        var targets = [parts.joined()]
        if parts.count > 1, let first = parts.first, first.count >= 4, DisplayNameBrand.words(displayName).joined() == first {
            targets.append(first)
        }
        let tokens = Self.nameTokens(displayName)
        let folded = tokens.map { TextFoldingWords.words(String($0)).joined() }
        for target in targets {
            for start in folded.indices {
                var joined = ""
                for end in start..<folded.count {
                    // A linking word the domain leaves out (`Ville de Rennes`, `ville-rennes.fr`).
                    if !joined.isEmpty, !target.hasPrefix(joined + folded[end]), Self.linkingWords.contains(folded[end]) { continue }
                    joined += folded[end]
                    if joined == target { return String(displayName[tokens[start].startIndex..<tokens[end].endIndex]) }
                    if !target.hasPrefix(joined) { break }
                }
            }
        }
        return nil
    }

    /// The runs of letters, numbers, `'` and `&` of a display name; an ASCII name's cut on its
    /// bytes (each byte one character, the letters and numbers A–Z, a–z, 0–9; a CR LF pair is a
    /// separator as its two bytes are).
    static func nameTokens(_ name: String) -> [Substring] {
        guard DomainLabels.isASCII(name) else {
            return name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "&" })
        }
        func isTokenByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "&")
        }
        var tokens: [Substring] = []
        let utf8 = name.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if isTokenByte(utf8[index]) {
                if start == nil { start = index }
            } else if let first = start {
                tokens.append(name[first..<index])
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let first = start { tokens.append(name[first..<utf8.endIndex]) }
        return tokens
    }

    /// Folded words a domain name usually leaves out of a name.
    static let linkingWords: Set<String> = [
        "de", "du", "des", "d", "la", "le", "les", "l", "et", "of", "the", "and", "und", "der", "die", "das", "von",
        "y", "e", "di", "del", "della", "van", "het", "en", "i", "w", "z",
    ]

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
