import Foundation
import MailroomCore
import Store

/// The read model of the vendor-relationship dashboard over one store: vendor cards and
/// listings, with refusals applied to every query.
///
/// Built once per command or report run: it reads the vendors and the refusal rules and works
/// out what they hide. The clock and time zone are injected (`now` decides what is recent or
/// upcoming; `timeZone` which calendar day and month a date falls in).
public struct Dashboard: Sendable {
    public let store: MailStore
    public let now: Date
    public let timeZone: TimeZone
    /// Every stored vendor, by id.
    public let vendors: [VendorRow]
    /// The refusal and accept rules, oldest first.
    public let refusals: [Refusal]
    public let policy: RefusalPolicy
    /// What the rules hide, as the store filters it.
    public let hidden: HiddenMail
    /// The sectors' display names (`Rules/sectors.yaml`); a sector without one shows its id.
    public var sectorNames: [Sector: String] = [:]

    public init(store: MailStore, now: Date, timeZone: TimeZone) throws(DashboardError) {
        self.store = store
        self.now = now
        self.timeZone = timeZone
        vendors = try Self.run { () throws(StoreError) in try store.vendorRows() }
        refusals = try Self.run { () throws(StoreError) in try store.refusals() }
        policy = RefusalPolicy(rules: refusals)
        hidden = policy.hiddenMail(vendors: vendors)
    }

    /// The store filter for `scope`, with the refusals applied.
    public func filter(_ scope: Scope) -> MailFilter {
        MailFilter(since: scope.since, until: scope.until, category: scope.category, sector: scope.sector,
                   vendor: scope.vendor, hidden: hidden, includeHidden: scope.includeRefused)
    }

    /// The vendor with id `id`, if stored.
    public func vendor(_ id: VendorID) -> VendorRow? {
        vendors.first { $0.id == id }
    }

    /// Seconds east of UTC of the dashboard's time zone now (months are bucketed with it).
    var utcOffset: Int { timeZone.secondsFromGMT(for: now) }

    /// Runs a store call, turning its error into the dashboard's.
    static func run<T>(_ body: () throws(StoreError) -> T) throws(DashboardError) -> T {
        do { return try body() } catch { throw DashboardError.store(error) }
    }
}

/// What a query looks at: a time window, a category, a sector, a vendor, refused mail or not.
public struct Scope: Sendable, Hashable {
    /// Inclusive start (message date; order date for orders).
    public var since: Date?
    /// Exclusive end.
    public var until: Date?
    public var category: Category?
    public var sector: Sector?
    public var vendor: VendorID?
    /// Shows what refusals hide too (`--include-refused`).
    public var includeRefused: Bool

    public init(since: Date? = nil, until: Date? = nil, category: Category? = nil, sector: Sector? = nil,
                vendor: VendorID? = nil, includeRefused: Bool = false) {
        self.since = since
        self.until = until
        self.category = category
        self.sector = sector
        self.vendor = vendor
        self.includeRefused = includeRefused
    }
}
