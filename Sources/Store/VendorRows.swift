import Foundation
import MailroomCore

/// A stored vendor.
public struct VendorRow: Sendable, Hashable {
    public var id: VendorID
    public var name: String
    public var sector: Sector?
    /// The registrable domain it was first seen from.
    public var domain: String?

    public init(id: VendorID, name: String, sector: Sector?, domain: String?) {
        self.id = id
        self.name = name
        self.sector = sector
        self.domain = domain
    }
}

/// A vendor's mail in one category: how many, first and last date.
public struct CategoryActivity: Sendable, Hashable {
    public var vendor: VendorID
    /// `nil` for mail not classified yet.
    public var category: Category?
    public var count: Int
    public var first: Date?
    public var last: Date?
    /// Whether refusals hide this mail.
    public var hidden: Bool
}

/// A vendor's orders in one currency.
public struct OrderTotal: Sendable, Hashable {
    public var vendor: VendorID
    /// ISO 4217 code, `nil` for orders whose currency is unknown.
    public var currency: String?
    public var orders: Int
    /// Totals less refunds of the orders not cancelled, in minor units.
    public var spendMinor: Int64
    public var lastOrderDate: Date?
    /// Whether refusals hide these orders (they count as the vendor's `orders` mail).
    public var hidden: Bool
}

/// Messages per calendar month (`2026-03`), optionally per category.
public struct MonthlyCount: Sendable, Hashable {
    public var month: String
    public var category: Category?
    public var count: Int
}

/// Spend per calendar month and currency.
public struct MonthlySpend: Sendable, Hashable {
    public var month: String
    public var currency: String
    public var spendMinor: Int64
}

/// A vendor's messages of one category on one day (days since 1970-01-01 in a time zone).
public struct DailyCount: Sendable, Hashable {
    public var vendor: VendorID
    /// Days since 1970-01-01 (negative before), in the time zone the query was given.
    public var day: Int
    public var category: Category?
    public var count: Int
}
