import Classification
import Foundation
import Rules
import Store

extension Corrections {
    /// The person's corrections as the store keeps them, with each corrected vendor resolved
    /// through the catalog, else through the vendors the store knows.
    public static func load(from store: MailStore, rules: RuleSet) throws(StoreError) -> Corrections {
        var corrections = Corrections()
        let formatter = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        for stored in try store.corrections() {
            var vendor: IdentifiedVendor?
            if let id = stored.vendor {
                if let rule = rules.vendors[id] {
                    vendor = IdentifiedVendor(id: id, name: rule.name, domain: rule.domains.first ?? "", sector: rule.sector, known: true)
                } else if let known = try store.vendor(id: id) {
                    vendor = IdentifiedVendor(id: id, name: known.name, domain: known.domain, sector: known.sector, known: false)
                } else {
                    vendor = IdentifiedVendor(id: id, name: id.rawValue, domain: "", sector: nil, known: false)
                }
            }
            let label = "correction #\(stored.id) of \(stored.createdAt.formatted(formatter))"
                + (stored.stream.map { ", stream \($0)" } ?? ", this message only")
            corrections.add(Correction(category: stored.category, vendor: vendor, label: label),
                            messageKey: stored.messageKey, stream: stored.stream)
        }
        return corrections
    }
}
