import Foundation
import MIME
import MailroomCore

/// A vendor as the `classify` contract shows it.
public struct VendorRecord: Sendable, Hashable, Codable {
    public var id: VendorID
    public var name: String
    /// Registrable domain of the sender identity of this message.
    public var domain: String
    public var sector: Sector?

    public init(id: VendorID, name: String, domain: String, sector: Sector?) {
        self.id = id
        self.name = name
        self.domain = domain
        self.sector = sector
    }

    enum CodingKeys: String, CodingKey { case id, name, domain, sector }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(domain, forKey: .domain)
        try container.encode(sector, forKey: .sector)
    }
}

/// An order as the `classify` contract shows it; money values are decimal strings.
public struct OrderRecord: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var name: String
        public var quantity: Int
        public var unitPrice: String?

        enum CodingKeys: String, CodingKey { case name, quantity, unitPrice }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(quantity, forKey: .quantity)
            try container.encode(unitPrice, forKey: .unitPrice)
        }
    }

    public struct Tracking: Sendable, Hashable, Codable {
        public var carrier: String?
        public var number: String
    }

    public var number: String?
    public var currency: String?
    public var total: String?
    public var status: String?
    public var items: [Item]
    public var tracking: [Tracking]
    public var extractedBy: String?

    enum CodingKeys: String, CodingKey { case number, currency, total, status, items, tracking, extractedBy }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(currency, forKey: .currency)
        try container.encode(total, forKey: .total)
        try container.encode(status, forKey: .status)
        try container.encode(items, forKey: .items)
        try container.encode(tracking, forKey: .tracking)
        try container.encode(extractedBy, forKey: .extractedBy)
    }
}

/// One line of `mailroom classify --format json`: the stable contract of ARCHITECTURE.md.
///
/// Every key is always present; absent values are `null`, collections are empty arrays.
public struct ClassifyRecord: Sendable, Encodable {
    public struct Sender: Sendable, Hashable, Encodable {
        public var name: String?
        public var address: String

        enum CodingKeys: String, CodingKey { case name, address }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(address, forKey: .address)
        }
    }

    public var path: String
    public var messageId: String?
    public var subject: String?
    /// ISO 8601 instant in UTC.
    public var date: String?
    public var from: Sender?
    public var vendor: VendorRecord?
    public var category: Category?
    public var order: OrderRecord?
    public var warnings: [String]
    public var explanation: [String]

    /// The record for one analysis.
    public init(_ analysis: Analysis) {
        let message = analysis.message
        path = analysis.raw.position == 0 ? analysis.raw.path : "\(analysis.raw.path)#\(analysis.raw.position)"
        messageId = message.messageID
        subject = message.subject
        date = message.date.map { $0.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)) }
        from = message.from.first.map { Sender(name: $0.name, address: $0.address) }
        vendor = analysis.vendor
        category = analysis.category
        order = analysis.order
        warnings = message.warnings.map(\.code)
        explanation = analysis.explanation
    }

    enum CodingKeys: String, CodingKey {
        case path, messageId, subject, date, from, vendor, category, order, warnings, explanation
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(subject, forKey: .subject)
        try container.encode(date, forKey: .date)
        try container.encode(from, forKey: .from)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(category, forKey: .category)
        try container.encode(order, forKey: .order)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(explanation, forKey: .explanation)
    }

    /// The encoder every JSON output uses: sorted keys, so output is byte-for-byte stable.
    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
