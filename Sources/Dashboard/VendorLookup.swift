import Foundation
import Intl
import MailroomCore
import Rules
import Store

/// Finds a vendor from what a person types: its id, its name or one of its domains, case- and
/// accent-insensitively (`galeries lafayette`, `Galeries-Lafayette`, `galerieslafayette.com`,
/// `news@mail.galerieslafayette.com` all work), with did-you-mean suggestions otherwise.
///
/// In order: the id; the folded name; a domain (a host or e-mail address under one of the
/// vendor's registrable domains); then a folded name or id that starts with, then contains,
/// the query — when exactly one vendor does. A pure function of the vendors it is given.
public struct VendorLookup: Sendable {
    struct Entry: Sendable {
        var vendor: VendorRow
        var foldedName: String
        var compactName: String
        var domains: Set<String>
    }

    let entries: [Entry]

    /// A lookup over `vendors`, each with the registrable domains its mail came from.
    public init(vendors: [VendorRow], domains: [VendorID: Set<String>]) {
        entries = vendors.map { vendor in
            let folded = TextFolding.fold(vendor.name)
            var vendorDomains = domains[vendor.id] ?? []
            if let domain = vendor.domain { vendorDomains.insert(domain) }
            return Entry(vendor: vendor, foldedName: folded, compactName: Self.compact(folded),
                         domains: Set(vendorDomains.map { $0.lowercased() }))
        }
    }

    /// The vendor `query` names.
    public func find(_ query: String) throws(DashboardError) -> VendorRow {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let folded = TextFolding.fold(trimmed)
        let compact = Self.compact(folded)
        guard !compact.isEmpty else { throw DashboardError.noSuchVendor(query, suggestions: []) }

        if let exact = entries.first(where: { $0.vendor.id.rawValue == folded }) { return exact.vendor }
        let byName = entries.filter { $0.foldedName == folded || $0.compactName == compact }
        if byName.count == 1 { return byName[0].vendor }
        if byName.count > 1 { throw DashboardError.ambiguousVendor(query, candidates: byName.map(\.vendor.id.rawValue).sorted()) }

        let host = folded.split(separator: "@").last.map(String.init) ?? folded
        if host.contains(".") {
            // The vendor whose domain covers the host most closely: `aws.amazon.com` is AWS's
            // even when Amazon sends from `amazon.com`.
            let scored = entries.compactMap { entry -> (Entry, Int)? in
                let lengths = entry.domains.filter { host == $0 || host.hasSuffix("." + $0) }.map(\.count)
                return lengths.max().map { (entry, $0) }
            }
            if let best = scored.map(\.1).max() {
                let byDomain = scored.filter { $0.1 == best }.map(\.0)
                if byDomain.count == 1 { return byDomain[0].vendor }
                throw DashboardError.ambiguousVendor(query, candidates: byDomain.map(\.vendor.id.rawValue).sorted())
            }
        }

        for matches in [
            { (entry: Entry) in entry.compactName.hasPrefix(compact) || Self.compact(entry.vendor.id.rawValue).hasPrefix(compact) },
            { (entry: Entry) in entry.compactName.contains(compact) },
        ] {
            let found = entries.filter(matches)
            if found.count == 1 { return found[0].vendor }
            if found.count > 1 && found.count <= 8 {
                throw DashboardError.ambiguousVendor(query, candidates: found.map(\.vendor.id.rawValue).sorted())
            }
        }
        throw DashboardError.noSuchVendor(query, suggestions: suggestions(for: compact))
    }

    /// Up to three vendor names closest to `compact` by edit distance, when close enough to be
    /// a likely typo.
    func suggestions(for compact: String) -> [String] {
        let threshold = max(2, compact.count / 3)
        let scored = entries.compactMap { entry -> (String, Int)? in
            let distance = min(editDistance(compact, entry.compactName),
                               editDistance(compact, Self.compact(entry.vendor.id.rawValue)))
            return distance <= threshold ? (entry.vendor.name, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// Folded text without spaces, hyphens and punctuation: `Galeries Lafayette` → `galerieslafayette`.
    static func compact(_ folded: String) -> String {
        String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
