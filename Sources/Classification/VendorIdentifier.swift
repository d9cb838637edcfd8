import Domains
import Foundation
import Intl
import MIME
import MailroomCore
import Rules

/// Who sent a message: a vendor, or a person (ARCHITECTURE.md, "Vendor identification").
struct VendorDecision {
    var vendor: IdentifiedVendor?
    /// A person writing: no vendor, category `personal`.
    var isPersonal: Bool
    /// The sender mailbox the decision looked at.
    var sender: MailAddress?
    var reasons: [String]
    /// The registrable domain of `sender`'s address, `nil` without one: read once for the
    /// decision and the category rules.
    var senderDomain: String? = nil
}

/// Identifies the sender: the DKIM `d=` domain aligned with `From` (as the receiving server
/// recorded it in `Authentication-Results`, else as signed), else `From`, else `Sender` /
/// `Return-Path`; its registrable domain; then the catalog. Platform domains never name a vendor.
struct VendorIdentifier: Sendable {
    let rules: RuleSet
    /// Folded brand names (words joined by one space) and the vendor each names, computed once.
    let brands: [String: VendorRule]
    /// The most words a brand name has.
    let longestBrand: Int
    /// Folded vendor names, for a platform's display name cleared of department and legal words.
    let names: [String: VendorRule]
    /// Catalog vendors by the first label of each of their domains (`helloasso` for `helloasso.com`).
    let labels: [String: VendorRule]

    init(rules: RuleSet) {
        self.rules = rules
        var brands: [String: VendorRule] = [:]
        for rule in rules.vendors.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            for brand in rule.brands {
                let words = TextFoldingWords.words(brand).joined(separator: " ")
                if !words.isEmpty, brands[words] == nil { brands[words] = rule }
            }
        }
        self.brands = brands
        var names: [String: VendorRule] = [:]
        for rule in rules.vendors.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            let words = TextFoldingWords.words(rule.name).joined(separator: " ")
            if !words.isEmpty, names[words] == nil { names[words] = rule }
        }
        self.names = names
        var labels: [String: VendorRule] = [:]
        for rule in rules.vendors.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            for domain in rule.domains {
                if let label = domain.split(separator: ".").first.map(String.init), label.count >= 4, labels[label] == nil {
                    labels[label] = rule
                }
            }
        }
        self.labels = labels
        longestBrand = brands.keys.map { $0.split(separator: " ").count }.max() ?? 0
    }

    func identify(_ message: Message) -> VendorDecision {
        let from = message.from.first
        let fromDomain = from.flatMap { RegistrableDomain.of($0.domain) }
        var decision = decide(message, from: from, fromDomain: fromDomain)
        decision.senderDomain = fromDomain
        return decision
    }

    /// The decision for the sender `from` (the first `From` mailbox) of registrable domain `fromDomain`.
    private func decide(_ message: Message, from: MailAddress?, fromDomain: String?) -> VendorDecision {
        var reasons: [String] = []
        let signers = signingDomains(message)
        let platforms = rules.platforms

        // 1. The sender identity.
        var identity: String?
        if let fromDomain, signers.contains(fromDomain), !platforms.emailServiceProviders.contains(fromDomain) {
            identity = fromDomain
            reasons.append("sender: DKIM d=\(fromDomain) aligned with From")
        } else if let fromDomain, !platforms.emailServiceProviders.contains(fromDomain) {
            identity = fromDomain
            let platformSigners = signers.filter { platforms.emailServiceProviders.contains($0) }
            if !platformSigners.isEmpty {
                reasons.append("sender: From \(fromDomain) (DKIM d=\(platformSigners.sorted().joined(separator: ",")) names the sending platform)")
            } else {
                reasons.append("sender: From domain \(fromDomain)")
            }
        } else if let signer = signers.sorted().first(where: { !platforms.emailServiceProviders.contains($0) }) {
            identity = signer
            reasons.append("sender: DKIM d=\(signer) (From is missing or a platform's)")
        } else if let fallback = [message.sender?.domain, message.returnPath.map { MailAddress(name: nil, address: $0).domain }]
            .compactMap({ $0 }).compactMap(RegistrableDomain.of)
            .first(where: { !platforms.emailServiceProviders.contains($0) })
        {
            identity = fallback
            reasons.append("sender: Sender/Return-Path domain \(fallback)")
        }

        // 2. A person writing from a mailbox provider, or from their own domain. A provider that
        //    is also a vendor (orange.fr, free.fr) writes as itself: its name is in the display name.
        let automated = automationSignals(message, sender: from, signers: signers)
        let writesAsVendor = identity.flatMap { rules.vendor(forDomain: $0) }.map { names(from, $0) } ?? false
        if let identity, platforms.mailboxProviders.contains(identity), !writesAsVendor, let from,
            let name = providerWritingAsItself(identity, sender: from)
        {
            reasons.append("vendor: \(identity) is a mailbox provider writing as itself ('\(name)' starts the display name)")
            let vendor = IdentifiedVendor(unknownDomain: identity, displayName: name)
            return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
        }
        if let identity, platforms.mailboxProviders.contains(identity), automated.isEmpty, !writesAsVendor {
            reasons.append("personal: a person writing from \(identity) (mailbox provider, no automated-mail signal)")
            return VendorDecision(vendor: nil, isPersonal: true, sender: from, reasons: reasons)
        }
        if let identity, rules.vendor(forDomain: identity) == nil, !platforms.mailboxProviders.contains(identity),
            automated.isEmpty, let from, looksLikePerson(from, message: message, domain: identity)
        {
            reasons.append("personal: \(from.address) looks like a person writing (name in the address, mail client, no automated-mail signal)")
            return VendorDecision(vendor: nil, isPersonal: true, sender: from, reasons: reasons)
        }

        // 3. The catalog: domain, then List-Id, then brand names for platform-sent mail.
        if let identity, let (rule, catalogReason) = catalogVendor(identity, sender: from) {
            // A sub-brand with its own catalog entry writing from the parent's domain
            // (`Uber Eats` from uber.com): the display name decides.
            if let name = from?.name, let sub = brand(named: name), sub.id != rule.id, isSubBrand(sub, of: rule) {
                reasons.append("vendor: display name '\(name)' is \(sub.name), a brand of \(rule.name)'s domain \(identity) (\(sub.source.file))")
                return VendorDecision(vendor: IdentifiedVendor(rule: sub, domain: identity), isPersonal: false, sender: from, reasons: reasons)
            }
            // A publication on a publishing platform with a domain of its own, whoever signs it
            // (`Noah Smith` for noahpinion.substack.com, linking to noahpinion.blog).
            if rule.intermediary == .publishing, let publication = ownDomainPublication(message, platformDomain: identity, sender: from) {
                reasons.append(publication.reason)
                return VendorDecision(vendor: publication.vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            // A platform that sells or books for businesses, under a business's name.
            if let carried = carriedBusiness(message, platform: rule, platformDomain: identity, sender: from) {
                reasons.append(carried.reason)
                return VendorDecision(vendor: carried.vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            reasons.append(catalogReason)
            return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: identity), isPersonal: false, sender: from, reasons: reasons)
        }
        if let listID = message.list.id, let rule = rules.vendor(forListID: listID) {
            reasons.append("vendor: List-Id \(listID) belongs to \(rule.name) (\(rule.source.file))")
            return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: identity ?? rule.domains.first ?? ""), isPersonal: false,
                                  sender: from, reasons: reasons)
        }
        // A domain the catalog does not list, signed by a catalog vendor the display name names,
        // or spelling the display name with the brand's initials (a regional bank's domain).
        if let identity, let signing = signingVendor(signers.subtracting([identity]), sender: from) {
            reasons.append("vendor: \(identity) is not in the catalog; the mail is signed by \(signing.signer), \(signing.rule.name)'s domain, and the display name names it (\(signing.rule.source.file))")
            return VendorDecision(vendor: IdentifiedVendor(rule: signing.rule, domain: identity), isPersonal: false, sender: from, reasons: reasons)
        }
        if let identity, let rule = abbreviatedBrand(identity, sender: from) {
            reasons.append("vendor: \(identity) spells the display name '\(from?.name ?? "")', which starts with \(rule.name)'s name (\(rule.source.file))")
            return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: identity), isPersonal: false, sender: from, reasons: reasons)
        }
        // From a domain of the sender's own, only a country variant of the brand's domains
        // (rakuten.com for Rakuten at rakuten.fr): a look-alike domain under a brand's display
        // name is not that brand.
        if let name = from?.name, let rule = brand(named: name), identity.map({ isCountryVariant($0, of: rule) }) ?? true {
            reasons.append("vendor: display name '\(name)' is the brand of \(rule.name) (\(rule.source.file))")
            return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: identity ?? rule.domains.first ?? ""), isPersonal: false,
                                  sender: from, reasons: reasons)
        }
        // A business writing from a mailbox provider's address (a small shop's Gmail account,
        // with list headers): the provider is not the vendor, the name the mail is sent under is.
        if let identity, platforms.mailboxProviders.contains(identity), let from, let name = from.name,
            let vendor = IdentifiedVendor(unknownBrand: name, platformDomain: identity)
        {
            reasons.append("vendor: sent from a mailbox at \(identity) under the name '\(name)', not in the catalog; named from it")
            return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
        }
        guard let identity else {
            // Only a platform's domains. A business a platform sends for (a Stripe receipt, a
            // ticketing tool's reply) usually takes replies at its own address: that domain is
            // the business's.
            if let reply = businessReplyDomain(message, platform: fromDomain) {
                if let rule = rules.vendor(forDomain: reply) {
                    reasons.append("vendor: sent through a platform; Reply-To \(reply) belongs to \(rule.name) (\(rule.source.file))")
                    return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: reply), isPersonal: false, sender: from, reasons: reasons)
                }
                let vendor = IdentifiedVendor(unknownDomain: reply, displayName: from?.name)
                reasons.append("vendor: sent through a platform; Reply-To \(reply) is the business's domain, not in the catalog")
                return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            // A person of a catalog vendor answering through a ticketing platform (`Margaux de Alan`).
            if let name = from?.name, let rule = memberVendor(name) {
                reasons.append("vendor: sent through a platform under the name '\(name)', a person of \(rule.name) (\(rule.source.file))")
                return VendorDecision(vendor: IdentifiedVendor(rule: rule, domain: rule.domains.first ?? fromDomain ?? ""), isPersonal: false,
                                      sender: from, reasons: reasons)
            }
            // A person of a business the catalog does not know (`Holly at Wax & Wick Co.`).
            if let name = from?.name, let platform = fromDomain, let member = memberBusiness(name),
                let carried = carried(message, business: member, displayName: name, platformDomain: platform,
                                      platformDomains: [platform], carrier: "\(platform) (a sending platform), by a person of the business")
            {
                reasons.append(carried.reason)
                return VendorDecision(vendor: carried.vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            // A display name that writes the business's domain (`Bergfreunde.de Kundenservice`).
            if let name = from?.name, let written = writtenDomain(in: name) {
                reasons.append("vendor: sent through a platform under the name '\(name)', which writes the domain \(written)")
                let vendor = business(at: written, named: IdentifiedVendor.spelling(of: written, in: name) ?? written)
                return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            // Else the shop is the name the mail is sent under: of its own domain when the text
            // links to one its name spells, else named from it on the platform's domain.
            if let from, let name = from.name, let platform = RegistrableDomain.of(from.domain),
                let vendor = IdentifiedVendor(unknownBrand: name, platformDomain: platform)
            {
                let platforms = rules.platforms
                if let linked = linkedDomain(message, spelledBy: vendor.name, where: { domain in
                    domain != platform && !platforms.emailServiceProviders.contains(domain) && !platforms.mailboxProviders.contains(domain)
                }) {
                    reasons.append("vendor: sent through \(platform) under the name '\(name)'; the mail links to \(linked), which the name spells")
                    return VendorDecision(vendor: business(at: linked, named: vendor.name), isPersonal: false, sender: from, reasons: reasons)
                }
                reasons.append("vendor: sent through \(platform) under the name '\(name)', not in the catalog; named from it")
                return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
            }
            reasons.append("vendor: none (no sender domain)")
            return VendorDecision(vendor: nil, isPersonal: false, sender: from, reasons: reasons)
        }
        if let carried = carriedByUnknownPlatform(message, platformDomain: identity, sender: from) {
            reasons.append(carried.reason)
            return VendorDecision(vendor: carried.vendor, isPersonal: false, sender: from, reasons: reasons)
        }
        if let publication = ownDomainPublication(message, platformDomain: identity, sender: from) {
            reasons.append(publication.reason)
            return VendorDecision(vendor: publication.vendor, isPersonal: false, sender: from, reasons: reasons)
        }
        if let town = townVendor(unknown: identity, displayName: from?.name) {
            reasons.append("vendor: \(identity) is a town hall's domain, not in the catalog; named '\(town.name)' as the display name spells the town")
            return VendorDecision(vendor: town, isPersonal: false, sender: from, reasons: reasons)
        }
        let vendor = IdentifiedVendor(unknownDomain: identity, displayName: from?.name)
        reasons.append(vendor.name == identity
            ? "vendor: \(identity) is not in the catalog; named from its domain"
            : "vendor: \(identity) is not in the catalog; named '\(vendor.name)' as the display name spells its domain")
        return VendorDecision(vendor: vendor, isPersonal: false, sender: from, reasons: reasons)
    }

    /// The catalog vendor of the sender identity `domain`, with the reason: its own domain,
    /// else the same name under another suffix that the display name names, a town hall's
    /// domain, or the name followed by a word of mail; `nil` when none.
    func catalogVendor(_ domain: String, sender: MailAddress?) -> (VendorRule, String)? {
        if let rule = rules.vendor(forDomain: domain) {
            return (rule, "vendor: \(domain) belongs to \(rule.name) (\(rule.source.file))")
        }
        if let rule = namedVariant(domain, sender: sender) {
            return (rule, "vendor: \(domain) is \(rule.name)'s domain name under another suffix or with or without its leading article, and the display name names it (\(rule.source.file))")
        }
        if let town = Self.townDomain(of: domain), let rule = rules.vendor(forDomain: town) {
            return (rule, "vendor: \(domain) is a town hall's domain for \(town), \(rule.name)'s (\(rule.source.file))")
        }
        if let rule = mailDomainVariant(domain, sender: sender) {
            return (rule, "vendor: \(domain) is \(rule.name)'s domain name followed by a word of mail, the domain it sends from (\(rule.source.file))")
        }
        return nil
    }

    /// Whether `domain` is the brand's name under another suffix (`rakuten.com` for `rakuten.fr`).
    func isCountryVariant(_ domain: String, of rule: VendorRule) -> Bool {
        guard let label = DomainLabels.first(of: domain) else { return false }
        return label == rule.id.rawValue || rule.domains.contains { DomainLabels.first(of: $0) == label }
    }

    /// Registrable domains that signed the message: DKIM passes recorded by the receiving
    /// server (the topmost `Authentication-Results`), else the `DKIM-Signature` domains.
    /// The registrable domain of the first Reply-To address that is a business's own: not the
    /// sending platform's, not another platform's, not a mailbox provider's.
    private func businessReplyDomain(_ message: Message, platform: String?) -> String? {
        let platforms = rules.platforms
        return message.replyTo.lazy.compactMap { RegistrableDomain.of($0.domain) }.first { domain in
            domain != platform && !platforms.emailServiceProviders.contains(domain) && !platforms.mailboxProviders.contains(domain)
        }
    }

    func signingDomains(_ message: Message) -> Set<String> {
        let topServer = message.authenticationResults.first?.authServID
        let verified = message.authenticationResults
            .filter { $0.authServID == topServer && $0.method == "dkim" && $0.result == "pass" }
            .compactMap { result -> String? in
                if let domain = result.properties["header.d"] { return domain }
                if let identity = result.properties["header.i"], let at = identity.lastIndex(of: "@") {
                    return String(identity[identity.index(after: at)...])
                }
                return nil
            }
        let domains = verified.isEmpty ? message.dkimSignatures.map(\.domain) : verified
        return Set(domains.compactMap(RegistrableDomain.of))
    }

    /// Signs that a program, not a person, sent the message.
    func automationSignals(_ message: Message, sender: MailAddress?, signers: Set<String>) -> [String] {
        var signals: [String] = []
        if !message.list.unsubscribe.isEmpty { signals.append("List-Unsubscribe") }
        if message.list.id != nil { signals.append("List-Id") }
        if let precedence = message.list.precedence, ["bulk", "list", "junk"].contains(precedence) { signals.append("Precedence") }
        if let auto = message.list.autoSubmitted, auto != "no" { signals.append("Auto-Submitted") }
        if !signers.isDisjoint(with: rules.platforms.emailServiceProviders) { signals.append("signed by a sending platform") }
        if let local = sender?.localPart.lowercased(), Self.automatedLocalPart.matches(local) {
            signals.append("automated sender \(local)@")
        }
        return signals
    }

    /// A person's address: their name in the display name and in the local part, and a mail
    /// client's signature in the headers, or a reply in a thread. A display name that opens with
    /// the name of the domain written from and says more (`Cyclable Avignon <avignon@cyclable.com>`,
    /// `Maison Lumière Lyon <lyon@maison-lumiere.fr>`) is the business writing (a shop, one of its
    /// branches), not a person; a person's whole name as their own domain's (`Léa Martin
    /// <lea@leamartin.fr>`) stays a person's.
    func looksLikePerson(_ sender: MailAddress, message: Message, domain: String) -> Bool {
        guard let name = sender.name else { return false }
        if Self.opensWithDomainName(name, domain: domain) { return false }
        // `Lush Customer Care <customercare@…>`, `Assureur – Sinistres <sinistres@…>`: a role's
        // words in the address are a department's mailbox, not a person's name.
        let words = TextFoldingWords.words(name).filter { $0.count >= 3 && !Self.roleWords.contains($0) }
        let local = TextFoldingWords.words(sender.localPart).joined(separator: " ")
        guard words.contains(where: { local.contains($0) }) else { return false }
        let mailClient = !message.headerValues("User-Agent").isEmpty || !message.headerValues("X-Mailer").isEmpty
        return mailClient || !message.inReplyTo.isEmpty
    }

    /// Whether the display name's first words, joined, spell the name of `domain` and more words
    /// follow them (`Cyclable Avignon` for `cyclable.com`, `Maison Lumière Lyon` for
    /// `maison-lumiere.fr`); a name of three letters or more.
    static func opensWithDomainName(_ name: String, domain: String) -> Bool {
        guard let label = DomainLabels.first(of: domain).map(DomainLabels.dehyphenated), label.count >= 3 else { return false }
        let words = TextFoldingWords.words(name)
        var spelled = ""
        for (index, word) in words.enumerated() where index < words.count - 1 {
            spelled += word
            if spelled == label { return true }
            if spelled.count >= label.count { return false }
        }
        return false
    }

    /// Whether the sender's display name carries the vendor's name or one of its brands, alone
    /// or as the start of a word (`Freebox` for Free).
    func names(_ sender: MailAddress?, _ rule: VendorRule) -> Bool {
        guard let name = sender?.name else { return false }
        let words = TextFoldingWords.words(name)
        return ([rule.name] + rule.brands).contains { candidate in
            let brand = TextFoldingWords.words(candidate)
            guard let first = brand.first, brand.joined().count >= 3 else { return false }
            // The brand's words in order, the last one possibly as a prefix (`Freebox` for Free).
            return words.indices.contains { start in
                start + brand.count <= words.count
                    && zip(words[start...], brand).allSatisfy { $0 == $1 || ($1 == brand.last && $0.hasPrefix($1)) }
                    && words[start].hasPrefix(first)
            }
        }
    }

    /// Whether `sub`'s name starts with the words of `parent`'s name and says more (`Uber Eats`, `Uber`).
    func isSubBrand(_ sub: VendorRule, of parent: VendorRule) -> Bool {
        let parentWords = TextFoldingWords.words(parent.name)
        return ([sub.name] + sub.brands).contains { candidate in
            let words = TextFoldingWords.words(candidate)
            return words.count > parentWords.count && Array(words.prefix(parentWords.count)) == parentWords
        }
    }

    /// The vendor whose brand is a run of whole words of the display name, longest runs first;
    /// else the vendor whose whole name the display name is, once cleared of department and
    /// legal-form words (`Decathlon Service Client`).
    func brand(named name: String) -> VendorRule? {
        let words = TextFoldingWords.words(name)
        guard !words.isEmpty else { return nil }
        for length in stride(from: min(longestBrand, words.count), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                if let rule = brands[words[start..<(start + length)].joined(separator: " ")] { return rule }
            }
        }
        return names[words.joined(separator: " ")] ?? names[DisplayNameBrand.words(name).joined(separator: " ")]
    }

    /// Words that name a department or a function in a display name, in the languages of the
    /// catalog: the mailbox they name is a team's.
    static let roleWords: Set<String> = [
        "customer", "customers", "care", "service", "services", "support", "help", "helpdesk", "team", "sales", "billing",
        "accounts", "claims", "returns", "reservations", "booking", "bookings", "contact", "info", "office", "desk",
        "client", "clients", "clientele", "relation", "relations", "equipe", "assistance", "aide", "sinistre", "sinistres",
        "reclamations", "facturation", "comptabilite", "ventes", "commercial", "accueil", "secretariat", "sav", "atelier",
        "kundenservice", "kundendienst", "kunden", "schaden", "schadenservice", "buchhaltung", "vertrieb", "beratung",
        "cliente", "clientes", "atencion", "soporte", "ayuda", "reservas", "siniestros", "facturacion", "ventas",
        "clienti", "servizio", "assistenza", "sinistri", "prenotazioni", "vendite", "ufficio",
        "klantenservice", "klanten", "klant", "schade", "schadeservice", "verkoop", "afdeling",
        "obsluga", "klienta", "pomoc", "reklamacje", "szkody", "sprzedaz", "biuro",
    ]

    static let automatedLocalPart = try! Pattern(
        #"^(no-?reply|noreply|do-?not-?reply|donotreply|ne-?pas-?repondre|nepasrepondre|no-?responder|info|infos|news|newsletters?|notifications?|alerts?|service|services|support|contact|client|clients|facture|billing|compte|account|accounts|hello|bonjour|bounce|mailer|postmaster|system|admin|team|equipe|marketing|commande|orders?|confirmation|reservations?|booking|tickets?|security|securite)\b"#
    )
}

/// Folded words of a display name or address part, for comparing names.
enum TextFoldingWords {
    static func words(_ text: String) -> [String] {
        var folded = TextFolding.fold(text)
        if let words = folded.withUTF8(asciiWords) { return words }
        return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The words of ASCII text cut on the bytes, `nil` when a byte is not ASCII. The ASCII
    /// letters and numbers are `A–Z`, `a–z` and `0–9`, each its own character (a CR LF pair,
    /// one character, is a separator like its two bytes), so the words are the ones
    /// `split(whereSeparator:)` finds by walking characters.
    static func asciiWords(_ utf8: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = []
        var start = -1
        for index in 0..<utf8.count {
            let byte = utf8[index]
            if byte >= 0x80 { return nil }
            if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                if start < 0 { start = index }
            } else if start >= 0 {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self))
                start = -1
            }
        }
        if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self)) }
        return words
    }
}
