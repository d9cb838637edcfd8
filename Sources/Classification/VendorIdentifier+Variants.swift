import MIME
import Rules

/// Senders the catalog does not list by domain but that the display name still tells apart: a
/// catalog vendor on another suffix of its domain's name, a mailbox provider writing as itself,
/// and a business sent for by an uncatalogued platform (`Librairie Olmo via Revuzo`).
extension VendorIdentifier {
    /// The catalog vendor whose domain's name `domain` carries under another suffix
    /// (`helloasso.org` for `helloasso.com`) when the display name names that vendor
    /// (`HelloAsso`, `Club Alpin via HelloAsso`); `nil` otherwise.
    /// The domain's name may also be the vendor's with or without the article its name starts
    /// with (`redoute.fr` for La Redoute at `laredoute.fr`).
    func namedVariant(_ domain: String, sender: MailAddress?) -> VendorRule? {
        guard let label = DomainLabels.first(of: domain).map(String.init), let name = sender?.name,
            let rule = labels[label] ?? articleVariant(of: label)
        else { return nil }
        return names(sender, rule) || platformMention(in: TextFoldingWords.words(name), platform: rule) != nil ? rule : nil
    }

    /// The catalog vendor whose domain's name is `label` with a leading article added or taken
    /// away (`redoute` and `laredoute`, `lafourche` and `fourche`); `nil` otherwise. Only names
    /// of four letters or more once the article is gone.
    func articleVariant(of label: String) -> VendorRule? {
        for article in Self.leadingArticles {
            if label.hasPrefix(article), label.count - article.count >= 4, let rule = labels[String(label.dropFirst(article.count))] {
                return rule
            }
            if label.count >= 4, let rule = labels[article + label] { return rule }
        }
        return nil
    }

    /// Articles a brand's name starts with, in the catalog's languages.
    static let leadingArticles = ["the", "la", "le", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "de", "het"]

    /// The catalog vendor whose domain's name `domain`'s name is, followed by a word of mail
    /// (`teachablemail.com`, `acme-email.com`, `acmemailer.com` for `teachable.com`, `acme.com`):
    /// the domain a platform sends its mail from. An intermediary's whatever the display name
    /// says (it names the business sent for); another vendor's only when the display name names
    /// that vendor and no business before it. `nil` otherwise.
    func mailDomainVariant(_ domain: String, sender: MailAddress?) -> VendorRule? {
        guard let label = DomainLabels.first(of: domain).map(String.init) else { return nil }
        for suffix in Self.mailLabelSuffixes where label.hasSuffix(suffix) {
            var stem = String(label.dropLast(suffix.count))
            if stem.hasSuffix("-") { stem.removeLast() }
            guard stem.count >= 4, let rule = labels[stem] else { continue }
            if rule.intermediary != nil { return rule }
            guard let name = sender?.name, names(sender, rule), businessPart(of: name, platform: rule) == nil else { return nil }
            return rule
        }
        return nil
    }

    /// Words a platform appends to its name for the domain it sends mail from, longest first.
    static let mailLabelSuffixes = ["mailer", "email", "mail"]

    /// The display name's spelling of a mailbox provider's domain name when it starts the display
    /// name (`Fastmail` or `Fastmail Team` from fastmail.com): the provider writing to its user,
    /// not a person; `nil` otherwise.
    func providerWritingAsItself(_ domain: String, sender: MailAddress) -> String? {
        guard let name = sender.name?.trimmingCharacters(in: .whitespaces),
            let spelled = IdentifiedVendor.spelling(of: domain, in: name), name.hasPrefix(spelled)
        else { return nil }
        return spelled
    }

    /// The business an uncatalogued platform sends for when the display name says so with a
    /// sending word before a name that spells the start of the platform's domain name
    /// (`Librairie Olmo via Revuzo` from revuzomail.com, `Atelier Brun through Payly`); its
    /// vendor is found as for a catalog intermediary's (`carried`). `nil` otherwise.
    func carriedByUnknownPlatform(_ message: Message, platformDomain: String, sender: MailAddress?)
        -> (vendor: IdentifiedVendor, reason: String)?
    {
        guard let displayName = sender?.name,
            let label = DomainLabels.first(of: platformDomain).map(DomainLabels.dehyphenated)
        else { return nil }
        let tokens = displayName.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let via = tokens.lastIndex(where: { Self.explicitSendingWords.contains(TextFoldingWords.words($0).joined()) }),
            via > 0, via < tokens.count - 1
        else { return nil }
        let platformName = tokens[(via + 1)...].flatMap { TextFoldingWords.words($0) }.joined()
        guard platformName.count >= 4, label.hasPrefix(platformName) else { return nil }
        let business = tokens[..<via].joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " -–—|·:,(/"))
        guard !business.isEmpty else { return nil }
        let carrier = "\(tokens[(via + 1)...].joined(separator: " ")) (\(platformDomain), not in the catalog)"
        return carried(message, business: business, displayName: displayName, platformDomain: platformDomain,
                       platformDomains: [platformDomain], carrier: carrier)
    }

    /// Words that can only mean a platform sends for the name before them (`X via Y`); narrower
    /// than `sendingWords`, as the platform is not known from the catalog.
    static let explicitSendingWords: Set<String> = ["via", "through", "par", "uber", "przez", "tramite"]
}
