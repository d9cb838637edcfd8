import Foundation
import MailroomCore
import Store

/// An order in listings (`orders`, vendor cards), every key always present; money as
/// decimal strings: `{"vendor":{"id","name"},"number","date","currency","total","refunded",
/// "status","items":[{"name","quantity","unitPrice","lineTotal"}],"tracking":[{"carrier",
/// "number"}],"extractedBy"}`.
public struct OrderItem: Sendable, Hashable, Encodable {
    public var row: OrderRow

    public init(_ row: OrderRow) { self.row = row }

    /// The total as money, when both the amount and the currency are known.
    public var total: Money? {
        guard let minor = row.totalMinor, let currency = row.currency else { return nil }
        return Money(minor: minor, currency: currency)
    }

    /// A money column of this order as a decimal string.
    public func amount(_ minor: Int64?) -> String? {
        guard let minor else { return nil }
        return row.currency.map { Money(minor: minor, currency: $0).amount }
            ?? Money(minor: minor, currency: "XXX").amount
    }

    enum CodingKeys: String, CodingKey {
        case vendor, number, date, currency, total, refunded, status, items, tracking, extractedBy
    }
    enum VendorKeys: String, CodingKey { case id, name }
    enum LineKeys: String, CodingKey { case name, quantity, unitPrice, lineTotal }
    enum TrackingKeys: String, CodingKey { case carrier, number }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var vendor = container.nestedContainer(keyedBy: VendorKeys.self, forKey: .vendor)
        try vendor.encode(row.vendor, forKey: .id)
        try vendor.encode(row.vendorName, forKey: .name)
        try container.encode(row.number, forKey: .number)
        try container.encode(row.date.map(DateText.instant), forKey: .date)
        try container.encode(row.currency, forKey: .currency)
        try container.encode(amount(row.totalMinor), forKey: .total)
        try container.encode(amount(row.refundedMinor), forKey: .refunded)
        try container.encode(row.status, forKey: .status)
        var items = container.nestedUnkeyedContainer(forKey: .items)
        for item in row.items {
            var line = items.nestedContainer(keyedBy: LineKeys.self)
            try line.encode(item.name, forKey: .name)
            try line.encode(item.quantity, forKey: .quantity)
            try line.encode(amount(item.unitPriceMinor), forKey: .unitPrice)
            try line.encode(amount(item.lineTotalMinor), forKey: .lineTotal)
        }
        var tracking = container.nestedUnkeyedContainer(forKey: .tracking)
        for parcel in row.tracking {
            var entry = tracking.nestedContainer(keyedBy: TrackingKeys.self)
            try entry.encode(parcel.carrier, forKey: .carrier)
            try entry.encode(parcel.number, forKey: .number)
        }
        try container.encode(row.extractedBy, forKey: .extractedBy)
    }
}

/// A deadline in `upcoming` and vendor cards: `{"date":"2026-04-14","kind":"return",
/// "vendor":{"id","name"},"order","total":{"currency","amount"}|null}`.
public struct DeadlineItem: Sendable, Hashable, Encodable {
    public var row: DeadlineRow

    public init(_ row: DeadlineRow) { self.row = row }

    /// The calendar day (deadlines are days, stored as their midnight UTC).
    public var day: String { DateText.storedDay(row.date) }

    public var total: Money? {
        guard let minor = row.totalMinor, let currency = row.currency else { return nil }
        return Money(minor: minor, currency: currency)
    }

    enum CodingKeys: String, CodingKey { case date, kind, vendor, order, total }
    enum VendorKeys: String, CodingKey { case id, name }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(day, forKey: .date)
        try container.encode(row.kind.rawValue, forKey: .kind)
        var vendor = container.nestedContainer(keyedBy: VendorKeys.self, forKey: .vendor)
        try vendor.encode(row.vendor, forKey: .id)
        try vendor.encode(row.vendorName, forKey: .name)
        try container.encode(row.orderNumber, forKey: .order)
        try container.encode(total, forKey: .total)
    }
}
