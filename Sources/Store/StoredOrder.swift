import Foundation
import MailroomCore

/// What one message says about an order, as the store records it; money in minor units.
///
/// Messages about the same (vendor, number) make one order: see ``MailStore`` order methods.
public struct StoredOrder: Sendable, Hashable {
    /// The order reference; a mail without one makes an order of its own.
    public var number: String?
    /// When the order was placed, when the mail states it (else the message's date is used).
    public var date: Date?
    /// ISO 4217 code.
    public var currency: String?
    /// The order's total; for a refund or cancellation mail, what is given back.
    public var totalMinor: Int64?
    public var subtotalMinor: Int64?
    public var shippingMinor: Int64?
    public var taxMinor: Int64?
    public var discountMinor: Int64?
    /// What this mail says is refunded.
    public var refundedMinor: Int64?
    public var status: OrderStatus?
    public var items: [StoredOrderItem]
    public var tracking: [StoredTracking]
    /// `schema.org`, `microdata`, `rules`, `html-table` or `text`.
    public var extractedBy: String
    /// When an invoice is due, when the mail states it.
    public var dueDate: Date?
    /// When the goods were delivered, when the mail states it (else a delivered mail's date).
    public var deliveryDate: Date?
    public var warnings: [String]
    /// Days to return the goods after delivery; `nil` when there is no return window.
    public var returnDays: Int?
    /// Months of legal warranty after delivery; `nil` when there is none.
    public var warrantyMonths: Int?

    public init(
        number: String?, date: Date? = nil, currency: String?, totalMinor: Int64?, subtotalMinor: Int64? = nil,
        shippingMinor: Int64? = nil, taxMinor: Int64? = nil, discountMinor: Int64? = nil, refundedMinor: Int64? = nil,
        status: OrderStatus?, items: [StoredOrderItem] = [], tracking: [StoredTracking] = [], extractedBy: String,
        dueDate: Date? = nil, deliveryDate: Date? = nil, warnings: [String] = [], returnDays: Int? = 14,
        warrantyMonths: Int? = 24
    ) {
        self.number = number
        self.date = date
        self.currency = currency
        self.totalMinor = totalMinor
        self.subtotalMinor = subtotalMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.discountMinor = discountMinor
        self.refundedMinor = refundedMinor
        self.status = status
        self.items = items
        self.tracking = tracking
        self.extractedBy = extractedBy
        self.dueDate = dueDate
        self.deliveryDate = deliveryDate
        self.warnings = warnings
        self.returnDays = returnDays
        self.warrantyMonths = warrantyMonths
    }
}

/// A line item as stored.
public struct StoredOrderItem: Sendable, Hashable {
    public var name: String
    public var quantity: Int
    public var unitPriceMinor: Int64?
    public var lineTotalMinor: Int64?
    public var sku: String?

    public init(name: String, quantity: Int, unitPriceMinor: Int64?, lineTotalMinor: Int64? = nil, sku: String? = nil) {
        self.name = name
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
        self.lineTotalMinor = lineTotalMinor
        self.sku = sku
    }
}

/// A tracking number as stored.
public struct StoredTracking: Sendable, Hashable {
    public var carrier: String?
    public var number: String

    public init(carrier: String?, number: String) {
        self.carrier = carrier
        self.number = number
    }
}
