import Foundation
import MailroomCore
import Store

extension Dashboard {
    /// The vendors with mail in `scope`, most messages first: counts of visible mail, orders,
    /// spend, first and last contact, and how many messages refusals hide.
    ///
    /// A vendor whose mail is all hidden is left out unless `includeRefused` (its counts then
    /// include the hidden mail). With a `category`, only vendors with mail of that category are
    /// listed (their counts still cover every category).
    public func vendorSummaries(_ scope: Scope) throws(DashboardError) -> [VendorSummary] {
        let filter = filter(scope)
        // One aggregate per (vendor, category): refusals decide per group, so hidden groups are
        // told apart here rather than filtered row by row in SQL.
        let activity = try Self.run { () throws(StoreError) in try store.categoryActivity(filter) }
        let totals = try Self.run { () throws(StoreError) in try store.orderTotals(filter) }
        var hiddenCounts: [VendorID: Int] = [:]
        for group in activity where group.hidden { hiddenCounts[group.vendor, default: 0] += group.count }

        var summaries: [VendorID: VendorSummary] = [:]
        for vendor in vendors where scope.sector == nil || vendor.sector == scope.sector {
            if let only = scope.vendor, only != vendor.id { continue }
            summaries[vendor.id] = VendorSummary(
                id: vendor.id, name: vendor.name, domain: vendor.domain, sector: vendor.sector, messages: MessageCounts(),
                orders: 0, spend: [], firstContact: nil, lastContact: nil, hidden: hiddenCounts[vendor.id] ?? 0)
        }
        for row in activity where scope.includeRefused || !row.hidden {
            guard var summary = summaries[row.vendor] else { continue }
            summary.messages.add(row.count, of: row.category)
            summary.firstContact = Self.earliest(summary.firstContact, row.first)
            summary.lastContact = Self.latest(summary.lastContact, row.last)
            summaries[row.vendor] = summary
        }
        for total in totals where scope.includeRefused || !total.hidden {
            guard var summary = summaries[total.vendor] else { continue }
            summary.orders += total.orders
            if let currency = total.currency { summary.spend.append(Money(minor: total.spendMinor, currency: currency)) }
            summary.lastOrder = Self.latest(summary.lastOrder, total.lastOrderDate)
            summaries[total.vendor] = summary
        }
        return summaries.values
            .filter { summary in
                guard summary.messages.total > 0 || summary.orders > 0 else { return false }
                if let category = scope.category { return Self.count(summary.messages, category) > 0 }
                return true
            }
            .map { summary in
                var sorted = summary
                sorted.spend.sort { $0.currency < $1.currency }
                // The sort key made once per vendor, not once per comparison.
                return (summary: sorted, name: summary.name.lowercased())
            }
            .sorted { ($1.summary.messages.total, $0.name, $0.summary.id.rawValue) < ($0.summary.messages.total, $1.name, $1.summary.id.rawValue) }
            .map(\.summary)
    }

    static func count(_ counts: MessageCounts, _ category: Category) -> Int {
        counts[category]
    }

    static func earliest(_ a: Date?, _ b: Date?) -> Date? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    static func latest(_ a: Date?, _ b: Date?) -> Date? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}
