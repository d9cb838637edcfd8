import Foundation
import MailroomCore
import Store

/// Everything `mailroom vendor NAME` and the vendor's report page show about one vendor; every
/// key is always present in JSON.
public struct VendorCard: Sendable, Encodable {
    /// Counts, orders, spend, contact dates, hidden count (the `vendors` line).
    public var summary: VendorSummary
    /// Every registrable domain its mail came from.
    public var domains: [String]
    /// The most recent order.
    public var lastOrder: OrderItem?
    /// Support conversations whose last message is the vendor's and is recent (see README).
    public var openSupport: [Conversation]
    /// Support conversations with a message in the last 12 months (in the scope's window when
    /// it has a start).
    public var supportConversations: Int
    /// Account and security mail of the last 90 days, newest first.
    public var accountEvents: [MessageItem]
    public var newsletters: NewsletterStats
    /// Deadlines of its orders from today on, soonest first.
    public var deadlines: [DeadlineItem]
    /// Messages per month and category, oldest month first.
    public var monthly: [MonthActivity]
    /// The latest messages, newest first.
    public var recentMessages: [MessageItem]
    /// Categories of its mail that refusals hide.
    public var refusedCategories: [String]

    /// A support conversation.
    public struct Conversation: Sendable, Hashable, Encodable {
        public var subject: String?
        public var messages: Int
        public var started: Date?
        public var lastMessage: Date?

        enum CodingKeys: String, CodingKey { case subject, messages, started, lastMessage }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(subject, forKey: .subject)
            try container.encode(messages, forKey: .messages)
            try container.encode(started.map(DateText.instant), forKey: .started)
            try container.encode(lastMessage.map(DateText.instant), forKey: .lastMessage)
        }
    }

    /// One month of activity.
    public struct MonthActivity: Sendable, Hashable, Encodable {
        /// `2026-03`.
        public var month: String
        public var messages: MessageCounts
    }

    enum CodingKeys: String, CodingKey {
        case id, name, domain, domains, sector, messages, orders, spend, firstContact, lastContact, hidden
        case lastOrder, openSupport, supportConversations, accountEvents, newsletters, deadlines, monthly
        case recentMessages, refusedCategories
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.id, forKey: .id)
        try container.encode(summary.name, forKey: .name)
        try container.encode(summary.domain, forKey: .domain)
        try container.encode(domains, forKey: .domains)
        try container.encode(summary.sector, forKey: .sector)
        try container.encode(summary.messages, forKey: .messages)
        try container.encode(summary.orders, forKey: .orders)
        try container.encode(summary.spend, forKey: .spend)
        try container.encode(summary.firstContact.map(DateText.instant), forKey: .firstContact)
        try container.encode(summary.lastContact.map(DateText.instant), forKey: .lastContact)
        try container.encode(summary.hidden, forKey: .hidden)
        try container.encode(lastOrder, forKey: .lastOrder)
        try container.encode(openSupport, forKey: .openSupport)
        try container.encode(supportConversations, forKey: .supportConversations)
        try container.encode(accountEvents, forKey: .accountEvents)
        try container.encode(newsletters, forKey: .newsletters)
        try container.encode(deadlines, forKey: .deadlines)
        try container.encode(monthly, forKey: .monthly)
        try container.encode(recentMessages, forKey: .recentMessages)
        try container.encode(refusedCategories, forKey: .refusedCategories)
    }
}

/// How often a vendor sends newsletters and how many of them were read.
public struct NewsletterStats: Sendable, Hashable, Encodable {
    /// Newsletters in the scope.
    public var total = 0
    /// Newsletters of the last 12 months.
    public var lastYear = 0
    /// `lastYear / 12`, one decimal: `"2.5"`.
    public var perMonth = "0.0"
    /// Of the last 12 months' newsletters: read (an IMAP copy has `\Seen`), unread, unknown
    /// (imported files have no flags).
    public var read = 0
    public var unread = 0
    public var unknown = 0
    /// `read / (read + unread)`, `nil` when no read state is known.
    public var readRatio: Double?
    /// A suggestion when many newsletters go unread, else `nil`.
    public var hint: String?

    enum CodingKeys: String, CodingKey { case total, lastYear, perMonth, read, unread, unknown, readRatio, hint }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(lastYear, forKey: .lastYear)
        try container.encode(perMonth, forKey: .perMonth)
        try container.encode(read, forKey: .read)
        try container.encode(unread, forKey: .unread)
        try container.encode(unknown, forKey: .unknown)
        try container.encode(readRatio.map { (($0 * 100).rounded()) / 100 }, forKey: .readRatio)
        try container.encode(hint, forKey: .hint)
    }
}
