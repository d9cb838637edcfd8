import Foundation
import GRDB
import MailroomCore

/// Reads grouped by vendor, for making many vendor cards at once (the report makes every
/// vendor's): one statement for every vendor instead of one per vendor. With a filter naming
/// one vendor they read that vendor's rows only. Mail without a vendor is left out.
extension MailStore {
    /// Messages per vendor, day (in a time zone `utcOffset` seconds east of UTC) and category.
    /// The rows come from the (vendor, category, date) index in its order and are counted here,
    /// one run of equal (vendor, category, day) at a time: SQLite's GROUP BY on a computed day
    /// would sort every row first (three times slower on 100,000 messages).
    public func dailyActivity(_ filter: MailFilter, utcOffset: Int) throws(StoreError) -> [DailyCount] {
        let condition = filter.messageSQL()
        return try read { db in
            var counts: [DailyCount] = []
            var vendor = ""
            var category: String?
            var run: DailyCount?
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT m.vendor_id, m.category, m.date FROM message m
                WHERE m.vendor_id IS NOT NULL AND m.date IS NOT NULL AND \(condition.sql)
                ORDER BY m.vendor_id, m.category, m.date
                """), arguments: condition.arguments)
            while let row = try rows.next() {
                let seconds = Int(row[2] as Int64) + utcOffset
                let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
                let rowVendor: String = row[0]
                let rowCategory: String? = row[1]
                if var current = run, rowVendor == vendor, rowCategory == category, current.day == day {
                    current.count += 1
                    run = current
                    continue
                }
                if let current = run { counts.append(current) }
                vendor = rowVendor
                category = rowCategory
                run = DailyCount(vendor: VendorID(rowVendor), day: day, category: rowCategory.flatMap(Category.init(rawValue:)), count: 1)
            }
            if let current = run { counts.append(current) }
            return counts
        }
    }

    /// The newest `limit` messages of each vendor `filter` selects, newest first (undated last:
    /// SQLite sorts NULL first, so last in a descending order). Each vendor's are read from the
    /// (vendor, date) index in order, one correlated subquery per vendor in one statement.
    public func messages(_ filter: MailFilter, perVendor limit: Int) throws(StoreError) -> [VendorID: [MessageRow]] {
        let condition = filter.messageSQL()
        return try read { db in
            var messages: [VendorID: [MessageRow]] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.messageColumns) FROM vendor vendors
                JOIN message m ON m.id IN (SELECT m.id FROM message m WHERE m.vendor_id = vendors.id AND \(condition.sql)
                                           ORDER BY m.date DESC, m.id DESC LIMIT ?)
                LEFT JOIN vendor v ON v.id = m.vendor_id
                ORDER BY m.vendor_id, m.date IS NULL, m.date DESC, m.id DESC
                """), arguments: condition.arguments + [limit])
            while let row = try rows.next() {
                let message = Self.messageRow(from: row)
                if let vendor = message.vendor { messages[vendor, default: []].append(message) }
            }
            return messages
        }
    }

    /// The newest `limit` orders of each vendor `filter` selects (by order date, undated last),
    /// with their line items and tracking numbers; read like `messages(_:perVendor:)`.
    public func orders(_ filter: MailFilter, perVendor limit: Int) throws(StoreError) -> [VendorID: [OrderRow]] {
        let condition = filter.orderSQL()
        return try read { db in
            var orders = try Array(Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.orderColumns) FROM vendor v
                JOIN purchase_order o ON o.id IN (SELECT o.id FROM purchase_order o WHERE o.vendor_id = v.id AND \(condition.sql)
                                                  ORDER BY o.order_date DESC, o.id DESC LIMIT ?)
                ORDER BY o.vendor_id, o.order_date IS NULL, o.order_date DESC, o.id DESC
                """), arguments: condition.arguments + [limit]).map(Self.orderRow(from:)))
            try Self.attachDetails(db, to: &orders)
            return Dictionary(grouping: orders, by: \.vendor)
        }
    }

    /// Read states per vendor of the messages `filter` selects (see `readStates(_:)`).
    public func readStatesByVendor(_ filter: MailFilter) throws(StoreError) -> [VendorID: (read: Int, unread: Int, unknown: Int)] {
        let condition = filter.messageSQL()
        return try read { db in
            var states: [VendorID: (read: Int, unread: Int, unknown: Int)] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT vendor_id, state, count(*) AS n
                FROM (SELECT m.vendor_id, \(Self.readStateSQL) AS state FROM message m
                      WHERE m.vendor_id IS NOT NULL AND \(condition.sql))
                GROUP BY vendor_id, state
                """), arguments: condition.arguments) {
                let vendor = VendorID(row["vendor_id"] as String)
                let count: Int = row["n"]
                var counts = states[vendor] ?? (0, 0, 0)
                switch row["state"] as Int64? {
                case 1?: counts.read += count
                case 0?: counts.unread += count
                default: counts.unknown += count
                }
                states[vendor] = counts
            }
            return states
        }
    }
}
