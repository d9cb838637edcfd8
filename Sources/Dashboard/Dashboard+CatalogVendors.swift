import Foundation
import MailroomCore
import Rules
import Store

/// Vendors of the rules' catalog (`Rules/vendors`) that may have no mail yet: a person can
/// refuse a partner before its first message arrives.
extension Dashboard {
    /// The vendor `query` names among the stored vendors (as `findVendor`), else among the
    /// vendors of `catalog` (by id, name or one of its domains, the same way). Nothing found
    /// in either: `noSuchVendor` with the closest names of both as suggestions.
    public func findVendor(_ query: String, orIn catalog: RuleSet) throws(DashboardError) -> VendorRow {
        let storeSuggestions: [String]
        do {
            return try findVendor(query)
        } catch DashboardError.noSuchVendor(_, let suggestions) {
            storeSuggestions = suggestions
        }
        let rules = catalog.vendors.values.sorted { $0.id.rawValue < $1.id.rawValue }
        let rows = rules.map { VendorRow(id: $0.id, name: $0.name, sector: $0.sector, domain: $0.domains.first) }
        let domains = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, Set($0.domains)) })
        do {
            return try VendorLookup(vendors: rows, domains: domains).find(query)
        } catch DashboardError.noSuchVendor(_, let suggestions) {
            var merged: [String] = []
            for name in storeSuggestions + suggestions where !merged.contains(name) { merged.append(name) }
            throw DashboardError.noSuchVendor(query, suggestions: Array(merged.prefix(3)))
        }
    }
}
