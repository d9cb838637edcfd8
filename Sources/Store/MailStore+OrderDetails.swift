import Foundation
import GRDB
import MailroomCore

/// A stored order with its items, tracking numbers and timeline.
public struct OrderDetails: Sendable, Hashable {
    /// One message of the order's timeline.
    public struct Event: Sendable, Hashable {
        /// The message's row id in the store.
        public var messageRowID: Int64
        public var subject: String?
        public var status: OrderStatus?
        public var date: Date?
        public var extractedBy: String?
    }

    public var vendorID: VendorID
    public var number: String
    public var orderDate: Date?
    public var currency: String?
    public var totalMinor: Int64?
    public var subtotalMinor: Int64?
    public var shippingMinor: Int64?
    public var taxMinor: Int64?
    public var discountMinor: Int64?
    public var refundedMinor: Int64
    public var status: OrderStatus?
    public var extractedBy: String?
    /// Calendar days (midnight UTC).
    public var deliveryDate: Date?
    public var returnUntil: Date?
    public var warrantyUntil: Date?
    public var dueDate: Date?
    public var warnings: [String]
    public var items: [StoredOrderItem]
    public var tracking: [StoredTracking]
    /// Oldest first.
    public var timeline: [Event]

    /// What the order cost after refunds, when its total is known; nothing when it was cancelled
    /// (as the dashboard counts it).
    public var spendMinor: Int64? { totalMinor.map { status == .cancelled ? 0 : $0 - refundedMinor } }
}

extension MailStore {
    /// The stored order `number` of `vendor`, or `nil`.
    public func order(vendor: VendorID, number: String) throws(StoreError) -> OrderDetails? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM purchase_order WHERE vendor_id = ? AND number = ?",
                                             arguments: [vendor.rawValue, number])
            else { return nil }
            let id: Int64 = row["id"]
            func date(_ column: String) -> Date? { (row[column] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) } }
            let items = try Row.fetchAll(db, sql: "SELECT * FROM order_item WHERE order_id = ? ORDER BY position", arguments: [id]).map {
                StoredOrderItem(name: $0["name"], quantity: $0["quantity"], unitPriceMinor: $0["unit_price_minor"],
                                lineTotalMinor: $0["line_total_minor"], sku: $0["sku"])
            }
            let tracking = try Row.fetchAll(db, sql: "SELECT * FROM order_tracking WHERE order_id = ? ORDER BY number", arguments: [id]).map {
                StoredTracking(carrier: $0["carrier"], number: $0["number"])
            }
            let timeline = try Row.fetchAll(db, sql: """
                SELECT om.message_id, om.status, om.event_date, om.extracted_by, m.subject
                FROM order_message om JOIN message m ON m.id = om.message_id
                WHERE om.order_id = ? ORDER BY om.event_date, om.message_id
                """, arguments: [id]).map {
                    OrderDetails.Event(messageRowID: $0["message_id"], subject: $0["subject"],
                                       status: ($0["status"] as String?).flatMap(OrderStatus.init(rawValue:)),
                                       date: ($0["event_date"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                                       extractedBy: $0["extracted_by"])
                }
            let warnings = (row["warnings"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            return OrderDetails(
                vendorID: vendor, number: row["number"], orderDate: date("order_date"), currency: row["currency"],
                totalMinor: row["total_minor"], subtotalMinor: row["subtotal_minor"], shippingMinor: row["shipping_minor"],
                taxMinor: row["tax_minor"], discountMinor: row["discount_minor"], refundedMinor: row["refunded_minor"] ?? 0,
                status: (row["status"] as String?).flatMap(OrderStatus.init(rawValue:)), extractedBy: row["extracted_by"],
                deliveryDate: date("delivery_date"), returnUntil: date("return_until"), warrantyUntil: date("warranty_until"),
                dueDate: date("due_date"), warnings: warnings, items: items, tracking: tracking, timeline: timeline
            )
        }
    }

    /// The numbers of a vendor's stored orders, sorted.
    public func orderNumbers(vendor: VendorID) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT number FROM purchase_order WHERE vendor_id = ? ORDER BY number", arguments: [vendor.rawValue])
        }
    }
}
