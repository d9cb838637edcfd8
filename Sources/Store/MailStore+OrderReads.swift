import Foundation
import GRDB
import MailroomCore

/// Reads of stored orders, their items and tracking, and the deadlines they carry.
extension MailStore {
    /// Orders `filter` selects (`status` narrows further), newest first, at most `limit`, with
    /// their line items and tracking numbers.
    public func orders(_ filter: MailFilter, status: String? = nil, limit: Int? = nil) throws(StoreError) -> [OrderRow] {
        let condition = filter.orderSQL()
        var arguments = condition.arguments
        var statusSQL = ""
        if let status { statusSQL = " AND o.status = ?"; arguments += [status] }
        arguments += [limit ?? -1]
        return try read { db in
            var orders = try Array(Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.orderColumns) FROM purchase_order o JOIN vendor v ON v.id = o.vendor_id
                WHERE \(condition.sql)\(statusSQL)
                ORDER BY o.order_date IS NULL, o.order_date DESC, o.id DESC LIMIT ?
                """), arguments: arguments).map(Self.orderRow(from:)))
            try Self.attachDetails(db, to: &orders)
            return orders
        }
    }

    /// Reads the line items and tracking numbers of `orders` into them.
    static func attachDetails(_ db: Database, to orders: inout [OrderRow]) throws {
        guard !orders.isEmpty else { return }
        let index = Dictionary(uniqueKeysWithValues: orders.enumerated().map { ($1.id, $0) })
        for start in stride(from: 0, to: orders.count, by: 500) {
            let ids = orders[start..<min(start + 500, orders.count)].map(\.id)
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            let items = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(orderItemColumns) FROM order_item WHERE order_id IN (\(marks)) ORDER BY order_id, position
                """), arguments: StatementArguments(ids))
            while let row = try items.next() {
                let item = orderItemRow(from: row)
                if let position = index[item.orderID] { orders[position].items.append(item) }
            }
            let tracking = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT order_id, carrier, number FROM order_tracking WHERE order_id IN (\(marks)) ORDER BY order_id, number
                """), arguments: StatementArguments(ids))
            while let row = try tracking.next() {
                if let position = index[row[0] as Int64] {
                    orders[position].tracking.append(TrackingRow(carrier: row[1], number: row[2]))
                }
            }
        }
    }

    /// Deadlines dated in `[from, to)` of the orders `filter` selects (its own window is
    /// ignored: deadlines are chosen by their date), soonest first. Cancelled, returned and
    /// refunded orders have none; a delivery date counts until the order is delivered.
    public func deadlines(_ filter: MailFilter, from: Date, to: Date) throws(StoreError) -> [DeadlineRow] {
        var unwindowed = filter
        unwindowed.since = nil
        unwindowed.until = nil
        let condition = unwindowed.orderSQL()
        let bounds: StatementArguments = [Int64(from.timeIntervalSince1970), Int64(to.timeIntervalSince1970)]
        let kinds: [(DeadlineRow.Kind, String, String)] = [
            (.returnWindow, "return_until", ""),
            (.warranty, "warranty_until", ""),
            (.payment, "due_date", ""),
            (.delivery, "delivery_date", " AND o.status IS NOT 'delivered'"),
        ]
        // One statement for the four kinds of date.
        let sql = kinds.map { kind, column, extra in
            """
            SELECT '\(kind.rawValue)' AS kind, o.id, o.number, o.vendor_id, v.name AS vendor_name, o.currency, o.total_minor,
                   o.\(column) AS deadline
            FROM purchase_order o JOIN vendor v ON v.id = o.vendor_id
            WHERE o.\(column) >= ? AND o.\(column) < ?
              AND o.status IS NOT 'cancelled' AND o.status IS NOT 'returned' AND o.status IS NOT 'refunded'
              \(extra) AND \(condition.sql)
            """
        }.joined(separator: "\nUNION ALL\n")
        var arguments = StatementArguments()
        for _ in kinds { arguments += bounds + condition.arguments }
        return try read { db in
            var deadlines: [DeadlineRow] = []
            // Read by position, in the order of the SELECT above.
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                guard let date = Self.date(row[7]),
                      let kind = (row[0] as String?).flatMap(DeadlineRow.Kind.init(rawValue:)) else { continue }
                deadlines.append(DeadlineRow(
                    kind: kind, date: date, orderID: row[1], orderNumber: row[2],
                    vendor: VendorID(row[3] as String), vendorName: row[4],
                    currency: row[5], totalMinor: row[6]))
            }
            return deadlines.sorted { ($0.date, $0.vendor.rawValue, $0.orderNumber) < ($1.date, $1.vendor.rawValue, $1.orderNumber) }
        }
    }

    /// The columns `orderRow(from:)` reads, in its order (over `purchase_order o` joined to `vendor v`).
    static let orderColumns = """
        o.id, o.vendor_id, v.name AS vendor_name, o.number, o.order_date, o.currency, o.total_minor, o.refunded_minor,
        o.status, o.extracted_by, o.delivery_date, o.return_until, o.warranty_until, o.due_date
        """

    /// An order of a row of `orderColumns`, read by position (see `messageRow(from:)`).
    static func orderRow(from row: Row) -> OrderRow {
        OrderRow(
            id: row[0], vendor: VendorID(row[1] as String), vendorName: row[2],
            number: row[3], date: date(row[4]), currency: row[5],
            totalMinor: row[6], refundedMinor: row[7] ?? 0, status: row[8],
            extractedBy: row[9], deliveryDate: date(row[10]),
            returnUntil: date(row[11]), warrantyUntil: date(row[12]),
            dueDate: date(row[13]), items: [], tracking: [])
    }

    /// The columns `orderItemRow(from:)` reads, in its order.
    static let orderItemColumns = "order_id, position, name, quantity, unit_price_minor, line_total_minor, sku"

    static func orderItemRow(from row: Row) -> OrderItemRow {
        OrderItemRow(orderID: row[0], position: row[1], name: row[2], quantity: row[3],
                     unitPriceMinor: row[4], lineTotalMinor: row[5], sku: row[6])
    }
}
