import Foundation
import MailroomCore
import Store

/// Aggregates for the report's overview and the export, with the refusals applied.
extension Dashboard {
    /// Message counts per category (`nil`: not classified), people's mail included.
    public func categoryCounts(_ scope: Scope) throws(DashboardError) -> [Category?: Int] {
        try Self.run { () throws(StoreError) in try store.categoryCounts(filter(scope)) }
    }

    /// Messages per month (in the dashboard's time zone) and category.
    public func monthlyActivity(_ scope: Scope) throws(DashboardError) -> [MonthlyCount] {
        try Self.run { () throws(StoreError) in try store.monthlyActivity(filter(scope), utcOffset: utcOffset) }
    }

    /// Spend per month (order date, in the dashboard's time zone) and currency.
    public func monthlySpend(_ scope: Scope) throws(DashboardError) -> [MonthlySpend] {
        try Self.run { () throws(StoreError) in try store.monthlySpend(filter(scope), utcOffset: utcOffset) }
    }

    /// Messages refusals hide, per vendor, within the scope's window and sector.
    public func hiddenCounts(_ scope: Scope) throws(DashboardError) -> [VendorID: Int] {
        try Self.run { () throws(StoreError) in try store.hiddenCounts(filter(scope)) }
    }

    /// Every vendor's registrable domains.
    public func vendorDomains() throws(DashboardError) -> [VendorID: Set<String>] {
        try Self.run { () throws(StoreError) in try store.vendorDomains() }
    }

    /// The person's corrections, oldest first.
    public func corrections() throws(DashboardError) -> [CorrectionRow] {
        try Self.run { () throws(StoreError) in try store.corrections() }
    }
}
