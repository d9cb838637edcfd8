import Foundation
import MailroomCore
import Store

/// A message in listings (`messages`, `search`, vendor cards), every key always present:
/// `{"id","messageId","date","from":{"name","address"},"subject","vendor":{"id","name"},
/// "category","read","snippet"}`.
public struct MessageItem: Sendable, Hashable, Encodable {
    public var row: MessageRow

    public init(_ row: MessageRow) { self.row = row }

    enum CodingKeys: String, CodingKey { case id, messageId, date, from, subject, vendor, category, read, snippet }
    enum PartyKeys: String, CodingKey { case id, name, address }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row.id, forKey: .id)
        try container.encode(row.messageID, forKey: .messageId)
        try container.encode(row.date.map(DateText.instant), forKey: .date)
        if let address = row.fromAddress {
            var from = container.nestedContainer(keyedBy: PartyKeys.self, forKey: .from)
            try from.encode(row.fromName, forKey: .name)
            try from.encode(address, forKey: .address)
        } else {
            try container.encodeNil(forKey: .from)
        }
        try container.encode(row.subject, forKey: .subject)
        if let vendor = row.vendor {
            var nested = container.nestedContainer(keyedBy: PartyKeys.self, forKey: .vendor)
            try nested.encode(vendor, forKey: .id)
            try nested.encode(row.vendorName ?? vendor.rawValue, forKey: .name)
        } else {
            try container.encodeNil(forKey: .vendor)
        }
        try container.encode(row.category, forKey: .category)
        try container.encode(row.read, forKey: .read)
        try container.encode(row.snippet, forKey: .snippet)
    }
}
