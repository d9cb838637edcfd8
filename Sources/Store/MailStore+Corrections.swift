import Foundation
import GRDB
import MailroomCore

/// A correction the person made, as stored (user state: never touched by reclassification).
public struct StoredCorrection: Sendable, Hashable {
    public var id: Int64
    /// The corrected message's Message-ID, or its content hash when it has none.
    public var messageKey: String
    /// The sender stream that follows the correction; `nil` for a correction of one message only.
    public var stream: String?
    public var category: Category?
    public var vendorID: VendorID?
    public var createdAt: Date
}

extension MailStore {
    /// Records a correction and returns its id.
    public func addCorrection(
        messageKey: String, stream: String?, category: Category?, vendorID: VendorID?, now: Date
    ) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO correction (message_key, stream, category, vendor_id, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [messageKey, stream, category?.rawValue, vendorID?.rawValue, Int64(now.timeIntervalSince1970)])
            return db.lastInsertedRowID
        }
    }

    /// Every correction, oldest first (later ones win).
    public func corrections() throws(StoreError) -> [StoredCorrection] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM correction ORDER BY id").map { row in
                StoredCorrection(
                    id: row["id"], messageKey: row["message_key"], stream: row["stream"],
                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                    vendorID: (row["vendor_id"] as String?).map { VendorID($0) },
                    createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64))
                )
            }
        }
    }

    /// A vendor the store knows (catalog vendors and vendors named from a domain alike).
    public func vendor(id: VendorID) throws(StoreError) -> StoredVendor? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM vendor WHERE id = ?", arguments: [id.rawValue]).map {
                StoredVendor(id: VendorID($0["id"] as String), name: $0["name"],
                             sector: ($0["sector"] as String?).flatMap(Sector.init(rawValue:)), domain: $0["domain"] ?? "")
            }
        }
    }
}
