import MailroomCore
import Rules

/// What the classifier reads of one category rule for every message, held by reference: a
/// `CategoryRule` read out of the rule list was copied per message, retaining and releasing each
/// of its pattern sets, lists and strings (about 87 copies per message).
final class CategoryRuleMatcher: Sendable {
    let category: Category
    let weight: Double
    let schema: [String]
    let headers: [String]
    let subjectMatcher: PatternSet?
    let senderMatcher: PatternSet?
    let subdomainMatcher: PatternSet?
    let senderDomains: [String]
    let bodyMatcher: PatternSet?
    let sectors: [Sector]
    let exceptSectors: [Sector]
    let exceptHeaders: [String]

    init(_ rule: CategoryRule) {
        category = rule.category
        weight = rule.weight
        schema = rule.schema
        headers = rule.headers
        subjectMatcher = rule.subjectMatcher
        senderMatcher = rule.senderMatcher
        subdomainMatcher = rule.subdomainMatcher
        senderDomains = rule.senderDomains
        bodyMatcher = rule.bodyMatcher
        sectors = rule.sectors
        exceptSectors = rule.exceptSectors
        exceptHeaders = rule.exceptHeaders
    }

    /// Whether the rule's sector and header restrictions let it apply to mail of a vendor of
    /// this sector with these header fields.
    func applies(sector: Sector?, headers: Set<String>) -> Bool {
        if !exceptHeaders.isEmpty, exceptHeaders.contains(where: headers.contains) { return false }
        if !sectors.isEmpty { return sector.map(sectors.contains) ?? false }
        if let sector, exceptSectors.contains(sector) { return false }
        return true
    }

    /// The signal that fires for the rule, if any; body matches count half.
    func strongestSignal(in features: MessageFeatures) -> (String, Double)? {
        if let type = schema.first(where: features.schemaTypes.contains) {
            return ("schema.org \(type)", weight)
        }
        if let header = headers.first(where: features.headerNames.contains) {
            return ("header \(header)", weight)
        }
        if let match = subjectMatcher?.firstMatch(in: features.subject) {
            return ("subject '\(match)'", weight)
        }
        if senderMatcher?.firstMatch(in: features.senderLocalPart) != nil {
            return ("sender \(features.senderLocalPart.string)@", weight)
        }
        if !features.senderSubdomain.isEmpty, subdomainMatcher?.firstMatch(in: features.senderSubdomain) != nil {
            return ("subdomain \(features.senderSubdomain.string).", weight)
        }
        if !senderDomains.isEmpty, senderDomains.contains(features.senderDomain) {
            return ("sender domain \(features.senderDomain)", weight)
        }
        if let match = bodyMatcher?.firstMatch(in: features.body) {
            return ("body '\(match)'", weight / 2)
        }
        return nil
    }
}
