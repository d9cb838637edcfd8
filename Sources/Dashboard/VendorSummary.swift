import Foundation
import MailroomCore

/// One line of `mailroom vendors`: the JSON shape of issue #6, every key always present.
///
/// `{"id","name","domain","sector","messages":{"total","orders","account","support",
/// "newsletters","notifications"},"orders","spend":[{"currency","amount"}],"firstContact",
/// "lastContact","hidden"}`.
public struct VendorSummary: Sendable, Hashable, Encodable {
    public var id: VendorID
    public var name: String
    public var domain: String?
    public var sector: Sector?
    public var messages: MessageCounts
    /// Number of orders.
    public var orders: Int
    /// Spend per currency (refunds deducted, cancelled orders left out), by currency code.
    public var spend: [Money]
    public var firstContact: Date?
    public var lastContact: Date?
    /// Messages refusals hide (shown as a count only).
    public var hidden: Int
    /// The date of the last order (not part of the JSON line; the vendor card shows it).
    public var lastOrder: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, domain, sector, messages, orders, spend, firstContact, lastContact, hidden
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(domain, forKey: .domain)
        try container.encode(sector, forKey: .sector)
        try container.encode(messages, forKey: .messages)
        try container.encode(orders, forKey: .orders)
        try container.encode(spend, forKey: .spend)
        try container.encode(firstContact.map(DateText.instant), forKey: .firstContact)
        try container.encode(lastContact.map(DateText.instant), forKey: .lastContact)
        try container.encode(hidden, forKey: .hidden)
    }
}

/// Message counts of a vendor: the total and the five vendor categories.
public struct MessageCounts: Sendable, Hashable, Encodable {
    /// Every message counted, whatever its category (personal and unclassified included).
    public var total = 0
    public var orders = 0
    public var account = 0
    public var support = 0
    public var newsletters = 0
    public var notifications = 0

    public init() {}

    /// Adds `count` messages of `category`.
    public mutating func add(_ count: Int, of category: Category?) {
        total += count
        switch category {
        case .orders: orders += count
        case .account: account += count
        case .support: support += count
        case .newsletters: newsletters += count
        case .notifications: notifications += count
        case .personal, nil: break
        }
    }

    /// The count of one category.
    public subscript(category: Category) -> Int {
        switch category {
        case .orders: orders
        case .account: account
        case .support: support
        case .newsletters: newsletters
        case .notifications: notifications
        case .personal: total - orders - account - support - newsletters - notifications
        }
    }
}
