import Foundation
import Intl
import MailroomCore
import Store

extension Dashboard {
    /// How recent the vendor's last message must be for a support conversation to count as open.
    public static let openSupportWindow: TimeInterval = 30 * 86_400
    /// How far back account and security events are shown.
    public static let accountEventWindow: TimeInterval = 90 * 86_400
    /// The newsletter hint appears from this many unread newsletters in 12 months…
    public static let unreadHintMinimum = 5
    /// …when at most this share of those with a known state was read.
    public static let unreadHintRatio = 0.2

    /// The vendor a person names (id, name or domain; see `VendorLookup`).
    public func findVendor(_ query: String) throws(DashboardError) -> VendorRow {
        // Domains are read only for a query that can be one: a host or an address.
        var domains: [VendorID: Set<String>] = [:]
        if query.contains(".") {
            let host = TextFolding.fold(query.trimmingCharacters(in: .whitespaces)).split(separator: "@").last.map(String.init) ?? ""
            let labels = host.split(separator: ".")
            let candidates = labels.indices.dropLast().map { labels[$0...].joined(separator: ".") }
            domains = try Self.run { () throws(StoreError) in try store.vendors(withDomainIn: candidates) }
        }
        return try VendorLookup(vendors: vendors, domains: domains).find(query)
    }

    /// The card of `vendor` within `scope` (its `vendor` is set to this one). `domains` (every
    /// vendor's, from `store.vendorDomains()`) saves reading them again when many cards are made.
    public func card(_ vendor: VendorRow, scope: Scope, domains: [VendorID: Set<String>]? = nil) throws(DashboardError) -> VendorCard {
        var scope = scope
        scope.vendor = vendor.id
        scope.sector = nil
        let filter = filter(scope)
        var wide = scope
        wide.category = nil
        let wideFilter = self.filter(wide)

        // A vendor whose mail is all hidden still gets a card: its counts are zero, `hidden` says how much.
        var summary = VendorSummary(
            id: vendor.id, name: vendor.name, domain: vendor.domain, sector: vendor.sector, messages: MessageCounts(),
            orders: 0, spend: [], firstContact: nil, lastContact: nil, hidden: 0)
        if let found = try vendorSummaries(wide).first {
            summary = found
        } else {
            summary.hidden = try Self.run { () throws(StoreError) in try store.hiddenCounts(wideFilter) }[vendor.id] ?? 0
        }
        var vendorDomains: Set<String>
        if let domains {
            vendorDomains = domains[vendor.id] ?? []
        } else {
            vendorDomains = try Self.run { () throws(StoreError) in try store.vendorDomains(of: vendor.id) }
        }
        if let domain = vendor.domain { vendorDomains.insert(domain) }
        let domains = vendorDomains
        let lastOrder = try Self.run { () throws(StoreError) in try store.orders(wideFilter, limit: 1) }.first
        let recent = try Self.run { () throws(StoreError) in try store.messages(filter, limit: 10) }
        let monthly = try Self.run { () throws(StoreError) in try store.monthlyActivity(wideFilter, utcOffset: utcOffset) }
        let deadlines = try upcomingDeadlines(wide, days: 365)
        let support = try openSupport(wide)

        return VendorCard(
            summary: summary, domains: domains.sorted(), lastOrder: lastOrder.map(OrderItem.init),
            openSupport: support.open, supportConversations: support.total,
            accountEvents: try accountEvents(wide), newsletters: try newsletterStats(wide, vendor: vendor),
            deadlines: deadlines, monthly: Self.months(monthly), recentMessages: recent.map(MessageItem.init),
            refusedCategories: Category.allCases.filter {
                policy.hides(vendor: vendor.id, sector: vendor.sector, category: $0)
            }.map(\.rawValue))
    }

    /// The vendor's support conversations in `scope`, and those open: the last message is the
    /// vendor's, at most 30 days old, and no message of a person dated after it answers it.
    public func openSupport(_ scope: Scope) throws(DashboardError) -> (open: [VendorCard.Conversation], total: Int) {
        var support = scope
        support.category = .support
        // Conversations of the last 12 months (or of the scope's window when it is set).
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        if support.since == nil { support.since = yearAgo }
        let rows = try Self.run { () throws(StoreError) in try store.messagesWithHeaders(filter(support)) }
        let messages = rows.map { SupportThreads.Message(row: $0.row, rawHeader: $0.header) }
        let threads = SupportThreads.group(messages)
        let oldest = now.addingTimeInterval(-Self.openSupportWindow)
        let candidates = threads.compactMap { thread -> (thread: [SupportThreads.Message], date: Date)? in
            guard let date = thread.last?.row.date, date >= oldest, date <= now else { return nil }
            return (thread, date)
        }
        let lastIDs = candidates.compactMap { candidate in candidate.thread.last?.row.messageID.map { ($0, candidate.date) } }
        let answered = try Self.run { () throws(StoreError) in
            try store.answered(lastIDs.map { (messageID: $0.0, date: $0.1) })
        }
        let open = candidates.filter { candidate in
            candidate.thread.last?.row.messageID.map { !answered.contains($0) } ?? true
        }.map { candidate in
            VendorCard.Conversation(subject: candidate.thread.last?.row.subject, messages: candidate.thread.count,
                                    started: candidate.thread.first?.row.date, lastMessage: candidate.date)
        }
        return (open, threads.count)
    }

    /// Account and security mail of the last 90 days, newest first (at most 10).
    public func accountEvents(_ scope: Scope) throws(DashboardError) -> [MessageItem] {
        var account = scope
        account.category = .account
        let since = now.addingTimeInterval(-Self.accountEventWindow)
        if account.since.map({ $0 < since }) ?? true { account.since = since }
        return try Self.run { () throws(StoreError) in try store.messages(filter(account), limit: 10) }.map(MessageItem.init)
    }

    /// Newsletter frequency over the last 12 months and how many were read, with a hint when
    /// many go unread.
    public func newsletterStats(_ scope: Scope, vendor: VendorRow) throws(DashboardError) -> NewsletterStats {
        var newsletters = scope
        newsletters.category = .newsletters
        var stats = NewsletterStats()
        stats.total = try Self.run { () throws(StoreError) in try store.categoryActivity(filter(newsletters)) }
            .filter { $0.category == .newsletters && (scope.includeRefused || !$0.hidden) }.reduce(0) { $0 + $1.count }
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        if newsletters.since.map({ $0 < yearAgo }) ?? true { newsletters.since = yearAgo }
        let states = try Self.run { () throws(StoreError) in try store.readStates(filter(newsletters)) }
        (stats.read, stats.unread, stats.unknown) = states
        stats.lastYear = states.read + states.unread + states.unknown
        stats.perMonth = String(format: "%.1f", Double(stats.lastYear) / 12)
        let known = stats.read + stats.unread
        if known > 0 { stats.readRatio = Double(stats.read) / Double(known) }
        if stats.unread >= Self.unreadHintMinimum, let ratio = stats.readRatio, ratio <= Self.unreadHintRatio {
            stats.hint = "\(stats.unread) of the \(known) newsletters of the last 12 months went unread: "
                + "unsubscribe, or hide them with `mailroom refuse \(vendor.id) --category newsletters`"
        }
        return stats
    }

    static func months(_ counts: [MonthlyCount]) -> [VendorCard.MonthActivity] {
        var months: [String: MessageCounts] = [:]
        for count in counts { months[count.month, default: MessageCounts()].add(count.count, of: count.category) }
        return months.keys.sorted().map { VendorCard.MonthActivity(month: $0, messages: months[$0] ?? MessageCounts()) }
    }
}
