import Intl
import MailroomCore

extension RuleSet {
    /// The catalog vendor a person's words name: its id, one of its domains, or its name,
    /// with case and accents ignored (`galeries-lafayette`, `galerieslafayette.com`, `Galeries Lafayette`).
    public func vendor(named text: String) -> VendorRule? {
        let folded = TextFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty else { return nil }
        if let vendor = vendors[VendorID(folded)] { return vendor }
        if let vendor = vendor(forDomain: folded) { return vendor }
        return vendors.values.sorted { $0.id.rawValue < $1.id.rawValue }.first { TextFolding.fold($0.name) == folded }
    }

    /// Catalog vendors whose id or name is within a typo of `text`, closest first.
    public func vendorSuggestions(for text: String, limit: Int = 3) -> [VendorRule] {
        let folded = TextFolding.fold(text)
        let scored = vendors.values.map { vendor in
            (vendor, min(editDistance(folded, vendor.id.rawValue), editDistance(folded, TextFolding.fold(vendor.name))))
        }
        let threshold = max(2, folded.count / 3)
        return scored.filter { $0.1 <= threshold }
            .sorted { ($0.1, $0.0.id.rawValue) < ($1.1, $1.0.id.rawValue) }
            .prefix(limit).map(\.0)
    }
}
