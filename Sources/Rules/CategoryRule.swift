import MailroomCore
import Yams

/// A global category rule (`Rules/categories.yaml`): when any of its signals is present, it
/// adds its weight to its category. Text patterns match case- and accent-folded text.
public struct CategoryRule: Sendable {
    public var id: String
    public var category: Category
    public var weight: Double
    /// Patterns over the folded subject.
    public var subject: [Pattern]
    /// Patterns over the start of the folded body text.
    public var body: [Pattern]
    /// Patterns over the sender's local part (`newsletter` in `newsletter@shop.fr`).
    public var sender: [Pattern]
    /// Patterns over the sender host's labels left of the registrable domain (`news.email`).
    public var subdomain: [Pattern]
    /// Registrable domains of the sender's address that are the signal (`zendesk.com`: a help
    /// desk writes only about tickets), lowercased.
    public var senderDomains: [String]
    /// Header fields whose presence is the signal (lowercased names).
    public var headers: [String]
    /// schema.org types in JSON-LD or microdata (`Order`, `ParcelDelivery`…).
    public var schema: [String]
    /// When not empty, the rule applies only to vendors of these sectors.
    public var sectors: [Sector]
    /// When not empty, the rule applies to every vendor except those of these sectors.
    public var exceptSectors: [Sector]
    /// Header fields whose presence keeps the rule from firing (lowercased names): an
    /// `Auto-Submitted` message is a program's notice, so its list headers say nothing of marketing.
    public var exceptHeaders: [String]
    /// Rules of one group read the same fact (the list headers and the unsubscribe footer both
    /// say "sent in bulk"): of those that fire, only the highest weight counts.
    public var group: String?
    public var source: SourceLocation

    /// Each text signal's patterns as one alternation, compiled at load time.
    public private(set) var subjectMatcher: PatternSet?
    public private(set) var bodyMatcher: PatternSet?
    public private(set) var senderMatcher: PatternSet?
    public private(set) var subdomainMatcher: PatternSet?

    init(id: String, category: Category, weight: Double, subject: [Pattern], body: [Pattern], sender: [Pattern],
         subdomain: [Pattern], senderDomains: [String] = [], headers: [String], schema: [String], sectors: [Sector],
         exceptSectors: [Sector], exceptHeaders: [String] = [], group: String? = nil, source: SourceLocation)
    {
        self.id = id
        self.category = category
        self.weight = weight
        self.subject = subject
        self.body = body
        self.sender = sender
        self.subdomain = subdomain
        self.senderDomains = senderDomains
        self.headers = headers
        self.schema = schema
        self.sectors = sectors
        self.exceptSectors = exceptSectors
        self.exceptHeaders = exceptHeaders
        self.group = group
        self.source = source
        subjectMatcher = PatternSet(subject)
        bodyMatcher = PatternSet(body)
        senderMatcher = PatternSet(sender)
        subdomainMatcher = PatternSet(subdomain)
    }
}

extension CategoryRule {
    static let keys = ["id", "category", "weight", "subject", "body", "sender", "subdomain", "sender_domains", "headers", "schema", "sectors", "except_sectors", "except_headers", "group"]

    static func readAll(_ text: String, reader: inout YAMLReader) -> [CategoryRule] {
        guard let root = reader.compose(text),
            let fields = reader.mapping(root, allowed: ["rules"], required: ["rules"], what: "the categories file")
        else { return [] }
        guard case .sequence(let list) = fields["rules"]! else {
            reader.problem("rules must be a list", at: fields["rules"])
            return []
        }
        var seen: Set<String> = []
        var rules: [CategoryRule] = []
        for node in list {
            guard let rule = read(node, reader: &reader) else { continue }
            if !seen.insert(rule.id).inserted { reader.problem("rule id '\(rule.id)' is used twice", at: node) }
            if let group = rule.group, let other = rules.first(where: { $0.group == group && $0.category != rule.category }) {
                reader.problem("group '\(group)' mixes categories: '\(rule.id)' is \(rule.category.rawValue), '\(other.id)' is \(other.category.rawValue)", at: node)
            }
            rules.append(rule)
        }
        return rules
    }

    static func read(_ node: Node, reader: inout YAMLReader) -> CategoryRule? {
        guard let fields = reader.mapping(node, allowed: keys, required: ["id", "category", "weight"], what: "a category rule") else {
            return nil
        }
        let id = reader.string(fields["id"], what: "id")
        let category = reader.choice(fields["category"], what: "category", as: Category.self)
        var weight: Double?
        if let text = reader.string(fields["weight"], what: "weight") {
            weight = Double(text)
            if weight == nil || weight! <= 0 { reader.problem("weight must be a positive number", at: fields["weight"]) }
        }
        func patterns(_ key: String) -> [Pattern] {
            reader.patterns(fields[key], what: key)
        }
        func sectors(_ key: String) -> [Sector] {
            guard let node = fields[key] else { return [] }
            guard case .sequence(let list) = node else { return reader.choice(node, what: "sector", as: Sector.self).map { [$0] } ?? [] }
            return list.compactMap { reader.choice($0, what: "sector", as: Sector.self) }
        }
        let rule = CategoryRule(
            id: id ?? "", category: category ?? .notifications, weight: weight ?? 1,
            subject: patterns("subject"), body: patterns("body"), sender: patterns("sender"),
            subdomain: patterns("subdomain"),
            senderDomains: reader.strings(fields["sender_domains"], what: "a domain").map { $0.lowercased() },
            headers: reader.strings(fields["headers"], what: "a header name").map { $0.lowercased() },
            schema: reader.strings(fields["schema"], what: "a schema.org type"),
            sectors: sectors("sectors"), exceptSectors: sectors("except_sectors"),
            exceptHeaders: reader.strings(fields["except_headers"], what: "a header name").map { $0.lowercased() },
            group: fields["group"].flatMap { reader.string($0, what: "group") },
            source: reader.location(of: node)
        )
        if rule.subject.isEmpty && rule.body.isEmpty && rule.sender.isEmpty && rule.subdomain.isEmpty
            && rule.senderDomains.isEmpty && rule.headers.isEmpty && rule.schema.isEmpty
        {
            reader.problem("rule '\(rule.id)' has no signal (subject, body, sender, subdomain, sender_domains, headers or schema)", at: node)
        }
        guard id != nil, category != nil, weight != nil else { return nil }
        return rule
    }
}

extension YAMLReader {
    /// A list of regular expressions, each compiled now; a bad one is reported where it is written.
    mutating func patterns(_ node: Node?, what: String) -> [Pattern] {
        guard let node else { return [] }
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            problem("\(what) must be a list of patterns", at: node)
            return []
        }
        return items.compactMap { item in
            guard let text = string(item, what: "a pattern") else { return nil }
            do {
                return try Pattern(text)
            } catch {
                problem("invalid pattern '\(text)': \(error)", at: item)
                return nil
            }
        }
    }
}

/// Domains that are not vendors: sending platforms and mailbox providers (`Rules/platforms.yaml`).
public struct Platforms: Sendable, Hashable {
    /// Email service providers: their DKIM `d=` names the platform, never the vendor.
    public var emailServiceProviders: Set<String> = []
    /// Mailbox providers people write from.
    public var mailboxProviders: Set<String> = []

    public init(emailServiceProviders: Set<String> = [], mailboxProviders: Set<String> = []) {
        self.emailServiceProviders = emailServiceProviders
        self.mailboxProviders = mailboxProviders
    }

    static func read(_ text: String, reader: inout YAMLReader) -> Platforms {
        guard let root = reader.compose(text),
            let fields = reader.mapping(root, allowed: ["email_service_providers", "mailbox_providers"], required: [],
                                        what: "the platforms file")
        else { return Platforms() }
        return Platforms(
            emailServiceProviders: Set(reader.strings(fields["email_service_providers"], what: "a domain").map { $0.lowercased() }),
            mailboxProviders: Set(reader.strings(fields["mailbox_providers"], what: "a domain").map { $0.lowercased() })
        )
    }
}
