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
        let made = try cards([vendor], scope: scope, domains: domains)
        guard let card = made.cards[vendor.id] else { throw DashboardError.noSuchVendor(vendor.id.rawValue, suggestions: []) }
        return card
    }

    /// The cards of `vendors` within `scope` (its sector and vendor are ignored), with each
    /// vendor's newest `orders` orders and `messages` messages (at least the card's own):
    /// every part is read once for all of them, grouped by vendor, rather than once per vendor
    /// (the report makes every vendor's card; `card(_:scope:domains:)` is this for one).
    /// `summaries`, when the caller has them, are `vendorSummaries` of the scope without its
    /// category (as `Scope()` is for the report).
    public func cards(_ vendors: [VendorRow], scope: Scope, orders orderLimit: Int = 1,
                      messages messageLimit: Int = Self.cardRecentMessages,
                      domains: [VendorID: Set<String>]? = nil,
                      summaries known: [VendorSummary]? = nil) throws(DashboardError) -> VendorCards {
        guard !vendors.isEmpty else { return VendorCards() }
        var scope = scope
        scope.sector = nil
        // One vendor: every read names it (indexed, and its refusals alone in the SQL).
        scope.vendor = vendors.count == 1 ? vendors.first?.id : nil
        let filter = filter(scope)
        var wide = scope
        wide.category = nil
        let wideFilter = self.filter(wide)
        let wanted = Set(vendors.map(\.id))

        var lines = known ?? []
        if known == nil { lines = try vendorSummaries(wide) }
        let summaries = Dictionary(lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A vendor whose mail is all hidden still gets a card: its counts are zero, `hidden` says how much.
        var hiddenCounts: [VendorID: Int] = [:]
        if vendors.contains(where: { summaries[$0.id] == nil }) {
            hiddenCounts = try Self.run { () throws(StoreError) in try store.hiddenCounts(wideFilter) }
        }
        var allDomains = domains ?? [:]
        if domains == nil {
            if let only = scope.vendor {
                allDomains[only] = try Self.run { () throws(StoreError) in try store.vendorDomains(of: only) }
            } else {
                allDomains = try Self.run { () throws(StoreError) in try store.vendorDomains() }
            }
        }
        // The listings on one thread, the activity, deadlines and conversations on another.
        let window = wide
        let (listed, activity) = try Self.concurrently({ () throws(DashboardError) in
            let orders = try Self.run { () throws(StoreError) in try store.orders(wideFilter, perVendor: max(1, orderLimit)) }
            let messages = try Self.run { () throws(StoreError) in
                try store.messages(filter, perVendor: max(messageLimit, Self.cardRecentMessages))
            }
            return (orders: orders, messages: messages, account: try accountEvents(window))
        }, { () throws(DashboardError) in
            let daily = try Self.run { () throws(StoreError) in try store.dailyActivity(wideFilter, utcOffset: utcOffset) }
            return (monthly: Self.months(daily, of: wanted),
                    deadlines: Dictionary(grouping: try upcomingDeadlines(window, days: 365), by: \.row.vendor),
                    support: try openSupport(window, of: wanted), newsletters: try newsletterReadStates(window))
        })
        let (orders, messages, account) = listed
        let (monthly, deadlines, support, newsletters) = activity

        var made = VendorCards()
        for vendor in vendors {
            let summary = summaries[vendor.id] ?? VendorSummary(
                id: vendor.id, name: vendor.name, domain: vendor.domain, sector: vendor.sector, messages: MessageCounts(),
                orders: 0, spend: [], firstContact: nil, lastContact: nil, hidden: hiddenCounts[vendor.id] ?? 0)
            var vendorDomains = allDomains[vendor.id] ?? []
            if let domain = vendor.domain { vendorDomains.insert(domain) }
            let vendorOrders = (orders[vendor.id] ?? []).map(OrderItem.init)
            let vendorMessages = (messages[vendor.id] ?? []).map(MessageItem.init)
            made.orders[vendor.id] = Array(vendorOrders.prefix(orderLimit))
            made.messages[vendor.id] = Array(vendorMessages.prefix(messageLimit))
            made.cards[vendor.id] = VendorCard(
                summary: summary, domains: vendorDomains.sorted(), lastOrder: vendorOrders.first,
                openSupport: support[vendor.id]?.open ?? [], supportConversations: support[vendor.id]?.total ?? 0,
                accountEvents: account[vendor.id] ?? [],
                newsletters: newsletterStats(newsletters[vendor.id], total: summary.messages.newsletters, vendor: vendor),
                deadlines: deadlines[vendor.id] ?? [], monthly: monthly[vendor.id] ?? [],
                recentMessages: Array(vendorMessages.prefix(Self.cardRecentMessages)),
                refusedCategories: Category.allCases.filter {
                    policy.hides(vendor: vendor.id, sector: vendor.sector, category: $0)
                }.map(\.rawValue))
        }
        return made
    }

    /// Runs `first` and `second` at the same time (the store's pool reads concurrently) and
    /// returns both results; the first error of the two is thrown.
    static func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () throws(DashboardError) -> A,
                                                       _ second: @Sendable () throws(DashboardError) -> B) throws(DashboardError) -> (A, B) {
        nonisolated(unsafe) var a: Result<A, DashboardError>?
        nonisolated(unsafe) var b: Result<B, DashboardError>?
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a = Result(catching: first) } else { b = Result(catching: second) }
        }
        guard let a, let b else { preconditionFailure("concurrentPerform ran every iteration") }
        return (try a.get(), try b.get())
    }
}
