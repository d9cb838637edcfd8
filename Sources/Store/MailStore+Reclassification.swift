import Foundation
import GRDB
import MailroomCore

/// A stored message with what derived data is computed from: its header and decoded parts.
public struct StoredMessage: Sendable {
    /// The store's row id (what `mailroom messages` shows and `correct` accepts).
    public var rowID: Int64
    public var messageID: String?
    public var contentHash: String
    public var size: Int
    public var rawHeader: Data
    public var parts: [StoredPart]
    public var attachments: [StoredAttachment]
    public var vendorID: VendorID?
    public var category: Category?
    public var stream: String?
    public var date: Date?
}

/// The derived data recomputed for one stored message.
public struct Reclassification: Sendable {
    public var rowID: Int64
    public var vendor: StoredVendor?
    public var category: Category?
    public var explanation: [String]
    public var stream: String?
    /// The order the message describes, extracted again.
    public var order: StoredOrder?

    public init(rowID: Int64, vendor: StoredVendor?, category: Category?, explanation: [String], stream: String?,
                order: StoredOrder? = nil) {
        self.rowID = rowID
        self.vendor = vendor
        self.category = category
        self.explanation = explanation
        self.stream = stream
        self.order = order
    }
}

extension MailStore {
    /// Up to `limit` stored messages with a row id above `rowID`, in row id order.
    public func storedMessages(after rowID: Int64, limit: Int) throws(StoreError) -> [StoredMessage] {
        try read { db in
            try Self.storedMessages(db, where: "id > ? ORDER BY id LIMIT ?", arguments: [rowID, limit])
        }
    }

    /// The stored messages with these row ids, in row id order.
    public func storedMessages(rowIDs: [Int64]) throws(StoreError) -> [StoredMessage] {
        guard !rowIDs.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: rowIDs.count).joined(separator: ",")
            return try Self.storedMessages(db, where: "id IN (\(marks)) ORDER BY id", arguments: StatementArguments(rowIDs))
        }
    }

    /// The row ids of the messages a person's words name: a row id (`42` or `#42`), a Message-ID
    /// (with or without angle brackets) or a content hash (at least 8 leading hex digits).
    public func messageRowIDs(matching selector: String) throws(StoreError) -> [Int64] {
        let text = selector.trimmingCharacters(in: .whitespaces)
        return try read { db in
            if let rowID = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) {
                return try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE id = ?", arguments: [rowID])
            }
            let bracketed = text.hasPrefix("<") ? text : "<\(text)>"
            let byMessageID = try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE message_id = ? ORDER BY id", arguments: [bracketed])
            if !byMessageID.isEmpty { return byMessageID }
            let hex = text.lowercased()
            guard hex.count >= 8, hex.allSatisfy(\.isHexDigit) else { return [] }
            return try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE substr(content_hash, 1, ?) = ? ORDER BY id",
                                      arguments: [hex.count, hex])
        }
    }

    /// Up to `limit` stored messages above `rowID` that may describe an order: order mail, and
    /// mail an order already links to.
    public func storedOrderCandidates(after rowID: Int64, limit: Int) throws(StoreError) -> [StoredMessage] {
        try read { db in
            try Self.storedMessages(db, where: """
                id > ? AND (category = 'orders' OR id IN (SELECT message_id FROM order_message)) ORDER BY id LIMIT ?
                """, arguments: [rowID, limit])
        }
    }

    /// Whether an order links to any of these messages.
    public func hasOrders(amongMessages rowIDs: [Int64]) throws(StoreError) -> Bool {
        guard !rowIDs.isEmpty else { return false }
        return try read { db in
            let marks = Array(repeating: "?", count: rowIDs.count).joined(separator: ",")
            return try Bool.fetchOne(db, sql: "SELECT 1 FROM order_message WHERE message_id IN (\(marks)) LIMIT 1",
                                     arguments: StatementArguments(rowIDs)) == true
        }
    }

    /// Replaces every order with the ones rebuilt from `orders` (the orders extracted again
    /// from stored mail), in one transaction: orders are derived data, recomputed whole so that
    /// one order gathers its mails again in date order.
    public func rebuildOrders(_ orders: [(message: StoredMessage, vendor: VendorID, order: StoredOrder)]) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM purchase_order")
            let sorted = orders.sorted {
                ($0.message.date ?? .distantPast, $0.message.rowID) < ($1.message.date ?? .distantPast, $1.message.rowID)
            }
            for entry in sorted {
                try recordOrder(entry.order, contentHash: entry.message.contentHash, date: entry.message.date,
                                vendor: entry.vendor, messageRowID: entry.message.rowID, in: db)
            }
        }
    }

    /// How many orders the store holds.
    public func orderCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase_order") ?? 0 }
    }

    /// The row id of the message stored with this content hash.
    public func messageRowID(contentHash: String) throws(StoreError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM message WHERE content_hash = ?", arguments: [contentHash]) }
    }

    /// The row ids of the stored messages of a sender stream.
    public func messageRowIDs(inStream stream: String) throws(StoreError) -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE stream = ? ORDER BY id", arguments: [stream]) }
    }

    /// Writes recomputed vendors, categories and explanations in one transaction; returns how
    /// many messages changed vendor or category. Vendors no message or order uses any more are removed.
    @discardableResult
    public func apply(_ batch: [Reclassification]) throws(StoreError) -> Int {
        try write { db in
            let encoder = JSONEncoder()
            var changed = 0
            let upsertVendor = try db.cachedStatement(sql: Self.upsertVendorSQL)
            let update = try db.cachedStatement(sql: """
                UPDATE message SET vendor_id = ?, vendor_domain = ?, category = ?, explanation = ?, stream = ?
                WHERE id = ? AND NOT (vendor_id IS ? AND category IS ? AND explanation = ? AND stream IS ?)
                """)
            for item in batch {
                if let vendor = item.vendor {
                    try upsertVendor.execute(arguments: [vendor.id.rawValue, vendor.name, vendor.sector?.rawValue, vendor.domain])
                }
                let explanation = String(decoding: try encoder.encode(item.explanation), as: UTF8.self)
                let before = try Row.fetchOne(db, sql: "SELECT vendor_id, category FROM message WHERE id = ?", arguments: [item.rowID])
                let vendorID = item.vendor?.id.rawValue
                let category = item.category?.rawValue
                try update.execute(arguments: [
                    vendorID, item.vendor?.domain, category, explanation, item.stream,
                    item.rowID, vendorID, category, explanation, item.stream,
                ])
                if let before, before["vendor_id"] as String? != vendorID || before["category"] as String? != category {
                    changed += 1
                }
            }
            try db.execute(sql: """
                DELETE FROM vendor WHERE id NOT IN (SELECT vendor_id FROM message WHERE vendor_id IS NOT NULL)
                    AND id NOT IN (SELECT vendor_id FROM purchase_order)
                    AND id NOT IN (SELECT vendor_id FROM correction WHERE vendor_id IS NOT NULL)
                    AND id NOT IN (SELECT vendor_id FROM refusal WHERE vendor_id IS NOT NULL)
                """)
            return changed
        }
    }

    private static func storedMessages(_ db: Database, where clause: String, arguments: StatementArguments) throws -> [StoredMessage] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, message_id, content_hash, size, raw_header, vendor_id, category, stream, date FROM message WHERE \(clause)
            """, arguments: arguments)
        let attachmentStatement = try db.cachedStatement(sql: """
            SELECT section, filename, mime_type, size FROM attachment WHERE message_id = ?
            """)
        return try rows.map { row in
            let rowID: Int64 = row["id"]
            let parts = try textParts(of: rowID, in: db)
            let attachments = try Row.fetchAll(attachmentStatement, arguments: [rowID]).map { attachment in
                StoredAttachment(section: attachment["section"], filename: attachment["filename"],
                                 mimeType: attachment["mime_type"], size: attachment["size"])
            }.sorted { inTreeOrder($0.section, $1.section) }
            return StoredMessage(
                rowID: rowID, messageID: row["message_id"], contentHash: row["content_hash"], size: row["size"],
                rawHeader: row["raw_header"], parts: parts, attachments: attachments,
                vendorID: (row["vendor_id"] as String?).map { VendorID($0) },
                category: (row["category"] as String?).flatMap(Category.init(rawValue:)), stream: row["stream"],
                date: (row["date"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
            )
        }
    }

    /// MIME section numbers ("1.2" before "1.10") in the order of the message's tree.
    static func inTreeOrder(_ left: String, _ right: String) -> Bool {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }
        let b = right.split(separator: ".").map { Int($0) ?? 0 }
        return a.lexicographicallyPrecedes(b)
    }
}
