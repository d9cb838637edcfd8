import Domains
import MIME
import Rules

/// Mail from a platform that sells, books or collects on behalf of businesses (a vendor file's
/// `intermediary:`): under a business's name, the business is the vendor; as itself, the platform.
extension VendorIdentifier {
    /// The business an intermediary platform sends this mail for, when the display name names
    /// one that is not the platform: `Bristol Folk House via Eventbrite`, `Garage Rivoire` at
    /// the platform's address. Its domain is the Reply-To's at the business's own domain, else a
    /// domain the mail's text carries (a link, an address) that the business's name spells
    /// (`garage-rivoire.fr` for `Garage Rivoire`); without one, it is named from the display name
    /// and keeps the platform's domain, as a shop sending through a platform does.
    func carriedBusiness(_ message: Message, platform: VendorRule, platformDomain: String, sender: MailAddress?)
        -> (vendor: IdentifiedVendor, reason: String)?
    {
        guard let kind = platform.intermediary, let displayName = sender?.name,
            let businessName = businessPart(of: displayName, platform: platform)
        else { return nil }
        return carried(message, business: businessName, displayName: displayName, platformDomain: platformDomain,
                       platformDomains: Set(platform.domains + [platformDomain]),
                       carrier: "\(platform.name), an intermediary for \(kind.rawValue) (\(platform.source.file))")
    }

    /// The business `businessName` names, carried by the platform `carrier` describes: of the
    /// Reply-To's domain, else of a domain the text links that the name spells, else named from
    /// the display name on `platformDomain`; `nil` when the name is only template or role words.
    func carried(_ message: Message, business businessName: String, displayName: String, platformDomain: String,
                 platformDomains own: Set<String>, carrier: String) -> (vendor: IdentifiedVendor, reason: String)?
    {
        let words = DisplayNameBrand.words(businessName)
        guard words.contains(where: { !Self.roleWords.contains($0) && !Self.templateWords.contains($0) }),
            let named = IdentifiedVendor(unknownBrand: businessName, platformDomain: platformDomain)
        else { return nil }
        let platforms = rules.platforms
        func isBusinessDomain(_ domain: String) -> Bool {
            !own.contains(domain) && !platforms.emailServiceProviders.contains(domain) && !platforms.mailboxProviders.contains(domain)
        }
        if let reply = message.replyTo.lazy.compactMap({ RegistrableDomain.of($0.domain) }).first(where: isBusinessDomain) {
            return (business(at: reply, named: named.name),
                    "vendor: '\(displayName)' sent through \(carrier); Reply-To \(reply) is the business's domain")
        }
        if let written = writtenDomain(in: businessName), isBusinessDomain(written) {
            return (business(at: written, named: IdentifiedVendor.spelling(of: written, in: businessName) ?? written),
                    "vendor: '\(displayName)' sent through \(carrier); the name writes the domain \(written)")
        }
        if let spelled = linkedDomain(message, spelledBy: named.name, where: isBusinessDomain) {
            return (business(at: spelled, named: named.name),
                    "vendor: '\(displayName)' sent through \(carrier); the mail links to \(spelled), which its name spells")
        }
        return (named, "vendor: '\(displayName)' sent through \(carrier); named from the display name")
    }

    /// The first registrable domain (in order) among the hosts the message's text writes that
    /// passes `isBusinessDomain` and that `name` spells (`garage-rivoire.fr` for `Garage Rivoire`).
    func linkedDomain(_ message: Message, spelledBy name: String, where isBusinessDomain: (String) -> Bool) -> String? {
        Set(Self.hosts(in: message).compactMap(RegistrableDomain.of)).filter(isBusinessDomain).sorted()
            .first { IdentifiedVendor.spelling(of: $0, in: name) != nil }
    }

    /// The catalog's vendor for `domain`, else a vendor of that domain (its id the domain's, as
    /// for the business's own mail) under the name the platform gives it.
    func business(at domain: String, named name: String) -> IdentifiedVendor {
        if let rule = rules.vendor(forDomain: domain) { return IdentifiedVendor(rule: rule, domain: domain) }
        var vendor = IdentifiedVendor(unknownDomain: domain, displayName: name)
        vendor.name = name
        return vendor
    }

    /// The part of a display name that names a business, `nil` when it names only the platform.
    /// The whole name when it does not name the platform; the words before the platform's name
    /// when a word of sending or a separator comes between (`Salon Mirabelle – Planity`,
    /// `Ferme des Aulnes on Eventbrite`, `X via iDGARAGE`); none when the name starts with the
    /// platform's (`HelloAsso`, `Doctolib Rappels`) or is a person of the platform's
    /// (`Manon de Ulule`, `Sarah at Eventbrite`).
    func businessPart(of displayName: String, platform: VendorRule) -> String? {
        let words = TextFoldingWords.words(displayName)
        guard let mention = platformMention(in: words, platform: platform) else { return displayName }
        var before = Array(words[..<mention])
        guard let last = before.last, !Self.memberWords.contains(last) else { return nil }
        while let last = before.last, Self.sendingWords.contains(last) { before.removeLast() }
        guard !before.isEmpty else { return nil }
        // The display name's own tokens up to the last word kept, without a trailing separator.
        var kept: [Substring] = []
        var count = 0
        for token in displayName.split(whereSeparator: \.isWhitespace) where count < before.count {
            kept.append(token)
            count += TextFoldingWords.words(String(token)).count
        }
        let text = kept.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " -–—|·:,(/"))
        return TextFoldingWords.words(text) == before ? text : nil
    }

    /// Where the platform's name, one of its brands or one of its domains' names starts among
    /// folded words, written in one word or several (`HelloAsso`, `Hello Asso`, `iDGARAGE` for
    /// `idgarages.com`).
    func platformMention(in words: [String], platform: VendorRule) -> Int? {
        let tokens = Set(([platform.name] + platform.brands).map { TextFoldingWords.words($0).joined() }
            + platform.domains.compactMap { DomainLabels.first(of: $0).map(DomainLabels.dehyphenated) })
            .filter { $0.count >= 3 }
        return words.indices.first { start in
            var joined = ""
            for word in words[start..<min(words.count, start + 3)] {
                joined += word
                if tokens.contains(joined) { return true }
            }
            return tokens.contains { $0.hasPrefix(words[start]) && words[start].count >= 4 && words[start].count >= $0.count - 2 }
        }
    }

    /// Host names written in the message's text parts (links, addresses, `www.` names), lowercased.
    static func hosts(in message: Message) -> Set<String> {
        var hosts: Set<String> = []
        for part in message.textParts {
            var text = part.text
            text.withUTF8 { utf8 in
                let end = min(utf8.count, 200_000)
                var start = -1
                for index in 0...end {
                    let byte: UInt8 = index < end ? utf8[index] : 0x20
                    let isHostByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x2D
                    if isHostByte {
                        if start < 0 { start = index }
                    } else if start >= 0 {
                        if let host = host(UnsafeBufferPointer(rebasing: utf8[start..<index])) { hosts.insert(host) }
                        start = -1
                    }
                }
            }
        }
        return hosts
    }

    /// A run of letters, digits, dots and hyphens as a host name: two labels or more, the last
    /// one letters only.
    private static func host(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).lowercased().trimmingCharacters(in: .init(charactersIn: ".-"))
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let last = labels.last, last.count >= 2,
            last.allSatisfy({ $0 >= "a" && $0 <= "z" })
        else { return nil }
        return text
    }

    /// Words before a platform's name that make a person of the platform (`Manon de Ulule`).
    static let memberWords: Set<String> = ["de", "d", "from", "at", "von", "vom", "bei", "da", "di", "del", "van", "z", "ze", "od", "du"]

    /// Words between a business's name and the platform's that say the platform sends for it.
    static let sendingWords: Set<String> = [
        "via", "on", "sur", "avec", "with", "by", "par", "through", "powered", "uber", "mit", "con", "met", "op", "su", "en",
        "przez", "na", "w", "x",
    ]

    /// Folded words of display names a platform's templates use that name no business
    /// (`Rappel de rendez-vous`, `Your tickets`, `Reçu de don`).
    static let templateWords: Set<String> = [
        "l", "no", "reply", "noreply", "ne", "pas", "repondre", "do", "not", "notification", "notifications", "alert", "alerts",
        "your", "my", "votre", "vos", "mon", "mes", "ton", "tes", "ihr", "ihre", "tu", "tus", "il", "tuo", "uw", "je", "twoj",
        "the", "le", "la", "les", "de", "du", "des", "der", "die", "das", "el", "los", "het", "een",
        "rappel", "reminder", "erinnerung", "recordatorio", "promemoria", "herinnering", "przypomnienie",
        "rendez", "vous", "rdv", "appointment", "appointments", "termin", "cita", "appuntamento", "afspraak", "wizyta",
        "confirmation", "confirmations", "bestatigung", "confirmacion", "conferma", "bevestiging", "potwierdzenie",
        "ticket", "tickets", "billet", "billets", "billetterie", "order", "orders", "commande", "commandes",
        "receipt", "receipts", "recu", "recus", "donation", "donations", "don", "dons", "payment", "payments", "paiement",
        "paiements", "invoice", "invoices", "facture", "factures", "news", "newsletter", "info", "infos", "mail", "email",
    ]
}
