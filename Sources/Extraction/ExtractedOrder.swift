import Foundation
import MailroomCore

/// One line item of an extracted order.
public struct ExtractedItem: Sendable, Hashable {
    public var name: String
    /// 1…9999.
    public var quantity: Int
    public var unitPrice: Money?
    public var lineTotal: Money?
    public var sku: String?

    public init(name: String, quantity: Int, unitPrice: Money?, lineTotal: Money?, sku: String?) {
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.lineTotal = lineTotal
        self.sku = sku
    }
}

/// What one mail says about an order: the result of ``OrderExtractor``.
public struct ExtractedOrder: Sendable, Hashable {
    /// The order (or booking, or invoice) reference.
    public var number: String?
    /// The date the order was placed, when the mail states it.
    public var date: Date?
    /// ISO 4217 code of the order's amounts.
    public var currency: String?
    /// What the order costs; for a refund or cancellation mail, what is given back.
    public var total: Money?
    public var subtotal: Money?
    public var shipping: Money?
    public var tax: Money?
    /// Discounts, as a positive amount.
    public var discount: Money?
    /// What this mail says is refunded (refunds and paid cancellations).
    public var refunded: Money?
    public var items: [ExtractedItem]
    public var status: OrderStatus?
    public var tracking: [TrackingNumber]
    /// The source the items and totals come from.
    public var extractedBy: ExtractionSource
    /// When the invoice must be paid, when the mail states it.
    public var dueDate: Date?
    /// When the goods were delivered, when the mail states it.
    public var deliveryDate: Date?
    /// Problems found while checking the order: `totals-do-not-reconcile`,
    /// `tracking-check-digit` (a number was rejected), `total-computed`, `items-truncated` (more
    /// lines than ``OrderExtractor/Context/maximumItems``; the first ones are kept).
    public var warnings: [String]

    public init(number: String? = nil, date: Date? = nil, currency: String? = nil, total: Money? = nil,
                subtotal: Money? = nil, shipping: Money? = nil, tax: Money? = nil, discount: Money? = nil,
                refunded: Money? = nil, items: [ExtractedItem] = [], status: OrderStatus? = nil,
                tracking: [TrackingNumber] = [], extractedBy: ExtractionSource, dueDate: Date? = nil,
                deliveryDate: Date? = nil, warnings: [String] = [])
    {
        self.number = number
        self.date = date
        self.currency = currency
        self.total = total
        self.subtotal = subtotal
        self.shipping = shipping
        self.tax = tax
        self.discount = discount
        self.refunded = refunded
        self.items = items
        self.status = status
        self.tracking = tracking
        self.extractedBy = extractedBy
        self.dueDate = dueDate
        self.deliveryDate = deliveryDate
        self.warnings = warnings
    }
}

/// The vendor a message comes from, as extraction needs it.
public struct ExtractionVendor: Sendable, Hashable {
    /// The vendor's id, to find its extractor rule (`Rules/extractors/<id>.yaml`).
    public var id: VendorID?
    /// The registrable domain of the sender (`amazon.co.uk`): its country settles `$` and `kr`.
    public var domain: String?

    public init(id: VendorID?, domain: String?) {
        self.id = id
        self.domain = domain
    }
}
