import MailroomCore
import Rules

/// One category rule as the classifier reads it for every message, held by reference: a
/// `CategoryRule` read out of the rule list was copied per message, retaining and releasing each
/// of its pattern sets, lists and strings (about 87 copies per message); read through this
/// object, each field is read in place.
final class CategoryRuleMatcher: Sendable {
    let rule: CategoryRule

    init(_ rule: CategoryRule) { self.rule = rule }

    var category: Category { rule.category }
    var headers: [String] { rule.headers }

    /// Whether the rule's sector and header restrictions let it apply to mail of a vendor of
    /// this sector with these header fields.
    func applies(sector: Sector?, headers: Set<String>) -> Bool {
        if !rule.exceptHeaders.isEmpty, rule.exceptHeaders.contains(where: { headers.contains($0) }) { return false }
        if !rule.sectors.isEmpty { return sector.map(rule.sectors.contains) ?? false }
        if let sector, rule.exceptSectors.contains(sector) { return false }
        return true
    }

    /// The signal that fires for the rule, if any; body matches count half.
    ///
    /// The sets are read in place by closures: the method references
    /// `features.schemaTypes.contains` and `features.headerNames.contains` each copied their set
    /// (a retain and a release) for every rule of every message, most of which name no schema
    /// type or header at all.
    func strongestSignal(in features: MessageFeatures) -> (String, Double)? {
        if !rule.schema.isEmpty, let type = rule.schema.first(where: { features.schemaTypes.contains($0) }) {
            return ("schema.org \(type)", rule.weight)
        }
        if !rule.headers.isEmpty, let header = rule.headers.first(where: { features.headerNames.contains($0) }) {
            return ("header \(header)", rule.weight)
        }
        if let match = rule.subjectMatcher?.firstMatch(in: features.subject) {
            return ("subject '\(match)'", rule.weight)
        }
        if rule.senderMatcher?.firstMatch(in: features.senderLocalPart) != nil {
            return ("sender \(features.senderLocalPart.string)@", rule.weight)
        }
        if !features.senderSubdomain.isEmpty, rule.subdomainMatcher?.firstMatch(in: features.senderSubdomain) != nil {
            return ("subdomain \(features.senderSubdomain.string).", rule.weight)
        }
        if !rule.senderDomains.isEmpty, rule.senderDomains.contains(features.senderDomain) {
            return ("sender domain \(features.senderDomain)", rule.weight)
        }
        if let match = rule.bodyMatcher?.firstMatch(in: features.body) {
            return ("body '\(match)'", rule.weight / 2)
        }
        return nil
    }
}
