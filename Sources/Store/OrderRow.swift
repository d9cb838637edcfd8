import Foundation
import MailroomCore

/// A stored order with its line items and tracking numbers.
public struct OrderRow: Sendable, Hashable {
    public var id: Int64
    public var vendor: VendorID
    public var vendorName: String
    public var number: String
    public var date: Date?
    public var currency: String?
    public var totalMinor: Int64?
    public var refundedMinor: Int64
    public var status: String?
    public var extractedBy: String?
    public var deliveryDate: Date?
    public var returnUntil: Date?
    public var warrantyUntil: Date?
    public var dueDate: Date?
    public var items: [OrderItemRow]
    public var tracking: [TrackingRow]
}

/// One line of an order.
public struct OrderItemRow: Sendable, Hashable {
    public var orderID: Int64
    public var position: Int
    public var name: String
    public var quantity: Int
    public var unitPriceMinor: Int64?
    public var lineTotalMinor: Int64?
    public var sku: String?
}

/// A parcel tracking number of an order.
public struct TrackingRow: Sendable, Hashable {
    public var carrier: String?
    public var number: String
}

/// A date by which something must be done about an order.
public struct DeadlineRow: Sendable, Hashable {
    /// What the date is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The last day to return the goods.
        case returnWindow = "return"
        /// The end of the warranty.
        case warranty
        /// The invoice is due.
        case payment
        /// The announced delivery day of an order not delivered yet.
        case delivery
    }

    public var kind: Kind
    public var date: Date
    public var orderID: Int64
    public var orderNumber: String
    public var vendor: VendorID
    public var vendorName: String
    public var currency: String?
    public var totalMinor: Int64?
}
