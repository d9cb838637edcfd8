import Foundation
import MailroomCore
import Store

/// The parts of vendor cards read for many vendors at once, by vendor (see `cards`).
extension Dashboard {
    /// How many recent messages a card lists.
    public static let cardRecentMessages = 10
    /// How many account and security events a card lists.
    public static let cardAccountEvents = 10

    /// Support conversations in `scope` of each of `vendors`, and those open: the last message
    /// is the vendor's, at most 30 days old, and no message of a person dated after it answers
    /// it. Conversations are grouped within each vendor's mail.
    func openSupport(_ scope: Scope, of vendors: Set<VendorID>) throws(DashboardError)
        -> [VendorID: (open: [VendorCard.Conversation], total: Int)] {
        var support = scope
        support.category = .support
        // Conversations of the last 12 months (or of the scope's window when it is set).
        if support.since == nil { support.since = now.addingTimeInterval(-365 * 86_400) }
        let rows = try Self.run { () throws(StoreError) in try store.messagesWithHeaders(filter(support)) }
        var byVendor: [VendorID: [SupportThreads.Message]] = [:]
        for (row, header) in rows {
            guard let vendor = row.vendor, vendors.contains(vendor) else { continue }
            byVendor[vendor, default: []].append(SupportThreads.Message(row: row, rawHeader: header))
        }
        let oldest = now.addingTimeInterval(-Self.openSupportWindow)
        var threads: [VendorID: [[SupportThreads.Message]]] = [:]
        var candidates: [(vendor: VendorID, thread: [SupportThreads.Message], date: Date)] = []
        for (vendor, messages) in byVendor {
            let grouped = SupportThreads.group(messages)
            threads[vendor] = grouped
            for thread in grouped {
                guard let date = thread.last?.row.date, date >= oldest, date <= now else { continue }
                candidates.append((vendor, thread, date))
            }
        }
        // Whether a person answered: one pass over their mail for every vendor's candidates.
        let asked = candidates.enumerated().compactMap { position, candidate in
            candidate.thread.last?.row.messageID.map { (position: position, messageID: $0, date: candidate.date) }
        }
        let found = try Self.run { () throws(StoreError) in try store.answered(asked.map { ($0.messageID, $0.date) }) }
        let answered = Set(found.map { asked[$0].position })
        var result: [VendorID: (open: [VendorCard.Conversation], total: Int)] = [:]
        for (vendor, grouped) in threads { result[vendor] = ([], grouped.count) }
        // Candidates keep each vendor's order (conversations by last message, newest first).
        for (position, candidate) in candidates.enumerated() where !answered.contains(position) {
            result[candidate.vendor]?.open.append(VendorCard.Conversation(
                subject: candidate.thread.last?.row.subject, messages: candidate.thread.count,
                started: candidate.thread.first?.row.date, lastMessage: candidate.date))
        }
        return result
    }

    /// Each vendor's account and security mail of the last 90 days, newest first (at most 10).
    func accountEvents(_ scope: Scope) throws(DashboardError) -> [VendorID: [MessageItem]] {
        var account = scope
        account.category = .account
        let since = now.addingTimeInterval(-Self.accountEventWindow)
        if account.since.map({ $0 < since }) ?? true { account.since = since }
        return try Self.run { () throws(StoreError) in
            try store.messages(filter(account), perVendor: Self.cardAccountEvents)
        }.mapValues { $0.map(MessageItem.init) }
    }

    /// Read states of each vendor's newsletters of the last 12 months (within the scope's window).
    func newsletterReadStates(_ scope: Scope) throws(DashboardError) -> [VendorID: (read: Int, unread: Int, unknown: Int)] {
        var newsletters = scope
        newsletters.category = .newsletters
        let yearAgo = now.addingTimeInterval(-365 * 86_400)
        if newsletters.since.map({ $0 < yearAgo }) ?? true { newsletters.since = yearAgo }
        return try Self.run { () throws(StoreError) in try store.readStatesByVendor(filter(newsletters)) }
    }

    /// Newsletter frequency over the last 12 months and how many were read, with a hint when
    /// many go unread; `total` is the vendor's newsletters in the scope.
    func newsletterStats(_ states: (read: Int, unread: Int, unknown: Int)?, total: Int, vendor: VendorRow) -> NewsletterStats {
        var stats = NewsletterStats()
        stats.total = total
        (stats.read, stats.unread, stats.unknown) = states ?? (0, 0, 0)
        stats.lastYear = stats.read + stats.unread + stats.unknown
        stats.perMonth = String(format: "%.1f", Double(stats.lastYear) / 12)
        let known = stats.read + stats.unread
        if known > 0 { stats.readRatio = Double(stats.read) / Double(known) }
        if stats.unread >= Self.unreadHintMinimum, let ratio = stats.readRatio, ratio <= Self.unreadHintRatio {
            stats.hint = "\(stats.unread) of the \(known) newsletters of the last 12 months went unread: "
                + "unsubscribe, or hide them with `mailroom refuse \(vendor.id) --category newsletters`"
        }
        return stats
    }

    /// Each of `vendors`' messages per month and category, oldest month first.
    static func months(_ counts: [DailyCount], of vendors: Set<VendorID>) -> [VendorID: [VendorCard.MonthActivity]] {
        var labels: [Int: String] = [:]
        var byVendor: [VendorID: [String: MessageCounts]] = [:]
        for count in counts where vendors.contains(count.vendor) {
            let month = labels[count.day] ?? DateText.month(ofDay: count.day)
            labels[count.day] = month
            byVendor[count.vendor, default: [:]][month, default: MessageCounts()].add(count.count, of: count.category)
        }
        return byVendor.mapValues { months in
            months.keys.sorted().map { VendorCard.MonthActivity(month: $0, messages: months[$0] ?? MessageCounts()) }
        }
    }
}
