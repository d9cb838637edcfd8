import Foundation
import GRDB
import MailroomCore

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
