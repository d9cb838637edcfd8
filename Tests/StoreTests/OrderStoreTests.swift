import Foundation
import MailroomCore
import Testing

@testable import Store

@Suite("Orders in the store")
struct OrderStoreTests {
    let store: MailStore
    let vendor = StoredVendor(id: VendorID("shop"), name: "Shop", sector: .retail, domain: "shop.example")
    static let day: TimeInterval = 86_400
    /// 2025-10-01T10:00:00Z
    static let start = Date(timeIntervalSince1970: 1_759_312_800)

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-orders-\(UUID().uuidString)")
        store = try MailStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    func mail(_ hash: String, day offset: Double, _ order: StoredOrder?) -> NewMessage {
        NewMessage(
            location: .file(path: "\(hash).eml", position: 0), messageID: "<\(hash)@shop.example>", contentHash: hash,
            date: Self.start.addingTimeInterval(offset * Self.day), fromName: "Shop", fromAddress: "orders@shop.example",
            subject: hash, size: 100, rawHeader: Data("Subject: \(hash)\r\n".utf8), warnings: [], parts: [], attachments: [],
            vendor: vendor, category: .orders, order: order
        )
    }

    func order(_ status: OrderStatus?, total: Int64? = 5_998, refunded: Int64? = nil, items: [StoredOrderItem] = [],
               tracking: [StoredTracking] = [], number: String? = "A-100", currency: String = "EUR",
               returnDays: Int? = 14, warrantyMonths: Int? = 24) -> StoredOrder
    {
        StoredOrder(number: number, currency: currency, totalMinor: total, refundedMinor: refunded, status: status, items: items,
                    tracking: tracking, extractedBy: "text", returnDays: returnDays, warrantyMonths: warrantyMonths)
    }

    let pricedItems = [StoredOrderItem(name: "Mug", quantity: 2, unitPriceMinor: 1_499), StoredOrderItem(name: "Teapot", quantity: 1, unitPriceMinor: 3_000)]

    func midnight(_ offset: Double) -> Date {
        let date = Self.start.addingTimeInterval(offset * Self.day)
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 / Self.day).rounded(.down) * Self.day)
    }

    @Test("confirmation, shipping notice and delivery make one order with its timeline and deadlines")
    func lifecycle() throws {
        let shippedItems = pricedItems.map { StoredOrderItem(name: $0.name, quantity: $0.quantity, unitPriceMinor: nil) }
        _ = try store.insert([
            mail("confirm", day: 0, order(.processing, items: pricedItems)),
            mail("shipped", day: 2, order(.shipped, total: nil, items: shippedItems, tracking: [StoredTracking(carrier: "UPS", number: "1ZE6R2740681239710")])),
            mail("delivered", day: 4, order(.delivered, total: nil)),
        ], now: Self.start)
        let stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.status == .delivered)
        #expect(stored.totalMinor == 5_998 && stored.spendMinor == 5_998)
        #expect(stored.items == pricedItems)
        #expect(stored.tracking == [StoredTracking(carrier: "UPS", number: "1ZE6R2740681239710")])
        #expect(stored.timeline.map(\.status) == [.processing, .shipped, .delivered])
        #expect(stored.orderDate == Self.start)
        #expect(stored.deliveryDate == midnight(4))
        #expect(stored.returnUntil == midnight(18))
        let warranty = Calendar(identifier: .gregorian).date(byAdding: .year, value: 2, to: midnight(4))
        #expect(stored.warrantyUntil == warranty)
        #expect(try store.orderNumbers(vendor: VendorID("shop")) == ["A-100"])
    }

    @Test("a late-arriving confirmation never moves a delivered order back")
    func statusOnlyMovesForward() throws {
        _ = try store.insert([mail("delivered", day: 4, order(.delivered, total: nil))], now: Self.start)
        _ = try store.insert([mail("confirm", day: 0, order(.processing, items: pricedItems))], now: Self.start)
        let stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.status == .delivered)
        #expect(stored.totalMinor == 5_998)
        #expect(stored.items.count == 2)
        #expect(stored.orderDate == Self.start)
        #expect(stored.timeline.map(\.status) == [.processing, .delivered])
    }

    @Test("a refund lowers the spend, whichever mail comes first")
    func refunds() throws {
        _ = try store.insert([mail("refund", day: 10, order(.refunded, total: 1_499, items: [pricedItems[0]]))], now: Self.start)
        var stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.totalMinor == nil && stored.refundedMinor == 1_499)
        _ = try store.insert([mail("confirm", day: 0, order(.processing, items: pricedItems))], now: Self.start)
        stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.totalMinor == 5_998)
        #expect(stored.refundedMinor == 1_499)
        #expect(stored.spendMinor == 4_499)
        #expect(stored.status == .refunded)
        #expect(stored.items == pricedItems)
    }

    @Test("a cancellation of part of a priced order gives back what it says; a cancelled order costs nothing")
    func cancellations() throws {
        _ = try store.insert([
            mail("confirm", day: 0, order(.processing, items: pricedItems)),
            mail("cancel", day: 1, order(.cancelled, total: 3_000, refunded: 3_000)),
        ], now: Self.start)
        let partly = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(partly.spendMinor == 2_998 && partly.status == .processing)
        #expect(partly.timeline.map(\.status) == [.processing, .cancelled])
        _ = try store.insert([mail("cancel-b", day: 1, order(.cancelled, total: 4_200, number: "B-7"))], now: Self.start)
        let cancelled = try #require(try store.order(vendor: VendorID("shop"), number: "B-7"))
        #expect(cancelled.totalMinor == 4_200 && cancelled.spendMinor == 0 && cancelled.status == .cancelled)
        // The vendor's spend is what the orders not cancelled cost.
        let spend = try store.orderTotals(MailFilter()).first { $0.vendor == VendorID("shop") }
        #expect(spend?.spendMinor == 2_998)
    }

    @Test("a partial cancellation read before the confirmation still leaves the rest of the order")
    func partialCancellationFirst() throws {
        _ = try store.insert([
            mail("cancel", day: 4, order(.cancelled, total: 2_998, items: [StoredOrderItem(name: "Mug", quantity: 2, unitPriceMinor: 1_499)])),
            mail("confirm", day: 0, order(.processing, total: 22_997, items: pricedItems)),
        ], now: Self.start)
        let stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.status == .processing)
        #expect(stored.totalMinor == 22_997 && stored.spendMinor == 19_999)
        #expect(stored.items == pricedItems)
    }

    @Test("a cancellation that names no amount cancels the whole priced order")
    func wholeCancellation() throws {
        _ = try store.insert([
            mail("confirm", day: 0, order(.processing, items: pricedItems)),
            mail("cancel", day: 1, order(.cancelled, total: nil)),
        ], now: Self.start)
        let stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.status == .cancelled && stored.spendMinor == 0)
        #expect(try store.orderTotals(MailFilter()).first { $0.vendor == VendorID("shop") }?.spendMinor == 0)
    }

    @Test("a message stored twice counts once")
    func duplicates() throws {
        let refund = mail("refund", day: 10, order(.refunded, total: 1_000))
        _ = try store.insert([mail("confirm", day: 0, order(.processing)), refund], now: Self.start)
        var copy = refund
        copy.location = .file(path: "copy.eml", position: 0)
        let summary = try store.insert([copy], now: Self.start)
        #expect(summary.duplicates == 1)
        let stored = try #require(try store.order(vendor: VendorID("shop"), number: "A-100"))
        #expect(stored.refundedMinor == 1_000)
        #expect(stored.timeline.count == 2)
    }

    @Test("bills without a return window, orders without a number, refunds in another currency")
    func edges() throws {
        _ = try store.insert([
            mail("bill", day: 0, order(nil, number: "F-1", returnDays: nil, warrantyMonths: nil)),
            mail("receipt", day: 0, order(nil, number: nil)),
            mail("usd", day: 0, order(.processing, number: "C-1", currency: "USD")),
            mail("usd-refund", day: 3, order(.refunded, total: 500, number: "C-1", currency: "EUR")),
        ], now: Self.start)
        let bill = try #require(try store.order(vendor: VendorID("shop"), number: "F-1"))
        #expect(bill.returnUntil == nil && bill.warrantyUntil == nil)
        #expect(bill.status == nil)
        #expect(try store.order(vendor: VendorID("shop"), number: "message:receipt") != nil)
        let dollars = try #require(try store.order(vendor: VendorID("shop"), number: "C-1"))
        #expect(dollars.currency == "USD" && dollars.refundedMinor == 0 && dollars.status == .refunded)
        // Before delivery, the return window counts from the order date.
        #expect(dollars.returnUntil == midnight(14))
    }

    @Test("mail without a vendor stores no order")
    func noVendor() throws {
        var message = mail("personal", day: 0, order(.processing))
        message.vendor = nil
        _ = try store.insert([message], now: Self.start)
        let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase_order") }
        #expect(count == 0)
    }
}
