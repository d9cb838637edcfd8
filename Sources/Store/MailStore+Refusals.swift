import Foundation
import GRDB
import MailroomCore

extension MailStore {
    /// Every refusal and accept rule, oldest first.
    public func refusals() throws(StoreError) -> [Refusal] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM refusal ORDER BY created_at, id").compactMap(Self.refusal(from:))
        }
    }

    /// Stores `action` for the rule's target and category, replacing a rule already there for
    /// exactly that target and category.
    public func setRefusal(
        _ target: Refusal.Target, category: Category?, action: Refusal.Action, now: Date
    ) throws(StoreError) {
        let (vendor, sector) = Self.columns(of: target)
        try write { db in
            try db.execute(sql: """
                DELETE FROM refusal WHERE coalesce(vendor_id, '') = ? AND coalesce(sector, '') = ?
                  AND coalesce(category, '') = ?
                """, arguments: [vendor ?? "", sector ?? "", category?.rawValue ?? ""])
            try db.execute(sql: """
                INSERT INTO refusal (vendor_id, sector, category, action, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [vendor, sector, category?.rawValue, action.rawValue, Int64(now.timeIntervalSince1970)])
        }
    }

    /// Removes the rule for exactly this target and category; `false` when there was none.
    @discardableResult
    public func removeRefusal(_ target: Refusal.Target, category: Category?) throws(StoreError) -> Bool {
        let (vendor, sector) = Self.columns(of: target)
        return try write { db in
            try db.execute(sql: """
                DELETE FROM refusal WHERE coalesce(vendor_id, '') = ? AND coalesce(sector, '') = ?
                  AND coalesce(category, '') = ?
                """, arguments: [vendor ?? "", sector ?? "", category?.rawValue ?? ""])
            return db.changesCount > 0
        }
    }

    private static func columns(of target: Refusal.Target) -> (vendor: String?, sector: String?) {
        switch target {
        case .vendor(let id): (id.rawValue, nil)
        case .sector(let sector): (nil, sector.rawValue)
        }
    }

    /// A stored rule; `nil` for a row naming a sector or category this version does not know.
    static func refusal(from row: Row) -> Refusal? {
        let target: Refusal.Target
        if let vendor = row["vendor_id"] as String? {
            target = .vendor(VendorID(vendor))
        } else if let sector = (row["sector"] as String?).flatMap(Sector.init(rawValue:)) {
            target = .sector(sector)
        } else {
            return nil
        }
        let categoryName = row["category"] as String?
        let category = categoryName.flatMap(Category.init(rawValue:))
        if categoryName != nil && category == nil { return nil }
        guard let action = (row["action"] as String?).flatMap(Refusal.Action.init(rawValue:)) else { return nil }
        return Refusal(id: row["id"], target: target, category: category, action: action,
                       createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)))
    }
}
