import Foundation
import GRDB
import MailroomCore

/// One order, many mails: every message about the same (vendor, order number) updates one
/// `purchase_order` row and adds one event to its timeline (`order_message`).
///
/// - The status only moves forward (``OrderStatus/rank``): a confirmation read after the
///   delivery notice never moves the order back.
/// - The total comes from the mails that carry the order's price (confirmations, shipping and
///   delivery notices, bills); a refund adds to `refunded_minor` (spend is total − refunded),
///   and so does a cancellation of an order already priced. A cancellation that gives back
///   less than the total cancelled part of the order: the order is not `cancelled`.
/// - Items are kept from the richest mail (most items, then most prices).
/// - Deadlines are recomputed from the delivery date, else the order date: the end of the
///   return window and of the legal warranty, by the policy the mail carries.
extension MailStore {
    func recordOrder(_ order: StoredOrder, of message: NewMessage, vendor: VendorID, messageRowID: Int64, in db: Database) throws {
        try recordOrder(order, contentHash: message.contentHash, date: message.date, vendor: vendor, messageRowID: messageRowID, in: db)
    }

    func recordOrder(_ order: StoredOrder, contentHash: String, date: Date?, vendor: VendorID, messageRowID: Int64, in db: Database) throws {
        let number = order.number.flatMap { $0.isEmpty ? nil : $0 } ?? "message:" + contentHash.prefix(16)
        let eventDate = date ?? order.date
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM purchase_order WHERE vendor_id = ? AND number = ?"),
            arguments: [vendor.rawValue, number])
        let orderID: Int64
        if let existing {
            orderID = existing["id"]
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM order_message WHERE order_id = ? AND message_id = ?"),
                                 arguments: [orderID, messageRowID]) == true
            {
                return
            }
            try update(existing, with: order, eventDate: eventDate, in: db)
        } else {
            orderID = try insert(order, vendor: vendor, number: number, eventDate: eventDate, in: db)
        }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO order_message (order_id, message_id, status, event_date, extracted_by) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [orderID, messageRowID, order.status?.rawValue, eventDate.map(Self.seconds), order.extractedBy])
        for tracking in order.tracking {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO order_tracking (order_id, number, carrier) VALUES (?, ?, ?)")
                .execute(arguments: [orderID, tracking.number, tracking.carrier])
        }
        try updateDeadlines(orderID, returnDays: order.returnDays, warrantyMonths: order.warrantyMonths, in: db)
    }

    /// A mail's status and amounts as the first of its order.
    private func insert(_ order: StoredOrder, vendor: VendorID, number: String, eventDate: Date?, in db: Database) throws -> Int64 {
        var total = order.totalMinor
        var refunded: Int64 = 0
        switch order.status {
        case .refunded?, .returned?:
            refunded = order.refundedMinor ?? order.totalMinor ?? 0
            total = nil  // what the order cost is not in a refund mail
        case .cancelled?:
            refunded = order.refundedMinor ?? order.totalMinor ?? 0  // nothing is spent on it
        default:
            refunded = order.refundedMinor ?? 0
        }
        let delivery = order.deliveryDate ?? (order.status == .delivered ? eventDate : nil)
        try db.cachedStatement(sql: """
            INSERT INTO purchase_order (vendor_id, number, order_date, currency, total_minor, status, extracted_by,
                subtotal_minor, shipping_minor, tax_minor, discount_minor, refunded_minor, delivery_date, due_date, warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                vendor.rawValue, number, (order.date ?? eventDate).map(Self.seconds), order.currency, total,
                order.status?.rawValue, order.extractedBy, order.subtotalMinor, order.shippingMinor, order.taxMinor,
                order.discountMinor, max(0, refunded), delivery.map(Self.day), order.dueDate.map(Self.day),
                Self.json(order.warnings),
            ])
        let orderID = db.lastInsertedRowID
        try replaceItems(of: orderID, with: order.items, in: db)
        return orderID
    }

    /// A later (or earlier) mail about a stored order.
    private func update(_ existing: Row, with order: StoredOrder, eventDate: Date?, in db: Database) throws {
        let orderID: Int64 = existing["id"]
        let statuses = try String?.fetchAll(db.cachedStatement(sql: "SELECT status FROM order_message WHERE order_id = ?"), arguments: [orderID])
        let priced = statuses.contains { $0 == nil || [.processing, .shipped, .delivered].contains($0.flatMap(OrderStatus.init(rawValue:))) }
        let storedStatus = (existing["status"] as String?).flatMap(OrderStatus.init(rawValue:))
        var status = [storedStatus, order.status].compactMap { $0 }.max { $0.rank < $1.rank }
        let currency: String? = existing["currency"] ?? order.currency
        let sameCurrency = order.currency == nil || currency == nil || order.currency == currency
        var total: Int64? = existing["total_minor"]
        var refunded: Int64 = existing["refunded_minor"] ?? 0
        var subtotal: Int64? = existing["subtotal_minor"]
        var shipping: Int64? = existing["shipping_minor"]
        var tax: Int64? = existing["tax_minor"]
        var discount: Int64? = existing["discount_minor"]
        var orderDate: Int64? = existing["order_date"]
        var delivery: Int64? = existing["delivery_date"]
        var dueDate: Int64? = existing["due_date"]

        switch order.status {
        case .refunded?, .returned?:
            if sameCurrency { refunded += order.refundedMinor ?? order.totalMinor ?? 0 }
        case .cancelled?:
            if sameCurrency {
                if priced || total != nil {
                    refunded += order.refundedMinor ?? order.totalMinor ?? 0
                } else {
                    total = order.totalMinor
                    refunded = max(refunded, order.refundedMinor ?? order.totalMinor ?? 0)
                }
            }
        default:
            if sameCurrency {
                if total == nil || !priced { total = order.totalMinor ?? total }
                subtotal = subtotal ?? order.subtotalMinor
                shipping = shipping ?? order.shippingMinor
                tax = tax ?? order.taxMinor
                discount = discount ?? order.discountMinor
            }
            if let date = (order.date ?? eventDate).map(Self.seconds) { orderDate = min(orderDate ?? date, date) }
        }
        if let total { refunded = min(refunded, total) }
        // A cancellation that gives back less than the order cost cancelled part of it: the
        // rest goes on, with the status of the order's other mails, whichever mail came first.
        // A cancellation that names no amount cancels the whole order.
        let wholeCancellation = order.status == .cancelled && (order.refundedMinor ?? order.totalMinor ?? 0) == 0
        if status == .cancelled, let total, refunded > 0, refunded < total, !wholeCancellation {
            let others = (statuses.map { $0.flatMap(OrderStatus.init(rawValue:)) } + [order.status]).compactMap { $0 }
            status = others.filter { $0 != .cancelled }.max { $0.rank < $1.rank } ?? status
        }
        if order.status == .delivered, delivery == nil { delivery = (order.deliveryDate ?? eventDate).map(Self.day) }
        if delivery == nil { delivery = order.deliveryDate.map(Self.day) }
        if dueDate == nil { dueDate = order.dueDate.map(Self.day) }
        let storedWarnings = (existing["warnings"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        let warnings = storedWarnings + order.warnings.filter { !storedWarnings.contains($0) }

        var extractedBy: String? = existing["extracted_by"]
        let counts = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*) AS n, count(unit_price_minor) AS priced FROM order_item WHERE order_id = ?"),
                                      arguments: [orderID])
        let storedScore = (counts?["n"] as Int? ?? 0) * 2 + (counts?["priced"] as Int? ?? 0)
        let newScore = order.items.count * 2 + order.items.filter { $0.unitPriceMinor != nil }.count
        let refundMail = [.refunded, .returned, .cancelled].contains(order.status)
        if newScore > storedScore, !refundMail || storedScore == 0 {
            try replaceItems(of: orderID, with: order.items, in: db)
            extractedBy = order.extractedBy
        }
        try db.cachedStatement(sql: """
            UPDATE purchase_order SET status = ?, currency = ?, total_minor = ?, refunded_minor = ?, subtotal_minor = ?,
                shipping_minor = ?, tax_minor = ?, discount_minor = ?, order_date = ?, delivery_date = ?, due_date = ?,
                warnings = ?, extracted_by = ?
            WHERE id = ?
            """).execute(arguments: [
                status?.rawValue, currency, total, max(0, refunded), subtotal, shipping, tax, discount, orderDate, delivery,
                dueDate, Self.json(warnings), extractedBy, orderID,
            ])
    }

    private func replaceItems(of orderID: Int64, with items: [StoredOrderItem], in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM order_item WHERE order_id = ?").execute(arguments: [orderID])
        for (position, item) in items.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO order_item (order_id, position, name, quantity, unit_price_minor, line_total_minor, sku)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [orderID, position, item.name, item.quantity, item.unitPriceMinor,
                                         item.lineTotalMinor, item.sku])
        }
    }

    /// The return window's and the warranty's end, from the delivery date else the order date.
    private func updateDeadlines(_ orderID: Int64, returnDays: Int?, warrantyMonths: Int?, in db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT order_date, delivery_date FROM purchase_order WHERE id = ?"), arguments: [orderID]) else {
            return
        }
        let base = (row["delivery_date"] as Int64?) ?? (row["order_date"] as Int64?).map { Self.day(Date(timeIntervalSince1970: TimeInterval($0))) }
        let start = base.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        let returnUntil = start.flatMap { date in returnDays.flatMap { Self.utc.date(byAdding: .day, value: $0, to: date) } }
        let warrantyUntil = start.flatMap { date in warrantyMonths.flatMap { Self.utc.date(byAdding: .month, value: $0, to: date) } }
        try db.cachedStatement(sql: "UPDATE purchase_order SET return_until = ?, warranty_until = ? WHERE id = ?")
            .execute(arguments: [returnUntil.map(Self.day), warrantyUntil.map(Self.day), orderID])
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// The Unix seconds of the date's midnight UTC (deadline columns hold calendar days).
    static func day(_ date: Date) -> Int64 {
        let seconds = seconds(date)
        return seconds - ((seconds % 86_400) + 86_400) % 86_400
    }

    static func json(_ strings: [String]) -> String { JSONStrings.encode(strings) }
}
