import Foundation
import GRDB
import MailroomCore

/// What a dashboard query selects: a time window, a category, a sector, a vendor, and whether
/// mail hidden by refusals is included.
public struct MailFilter: Sendable, Hashable {
    /// Inclusive start of the window (message date, or order date for orders).
    public var since: Date?
    /// Exclusive end of the window.
    public var until: Date?
    public var category: Category?
    public var sector: Sector?
    public var vendor: VendorID?
    /// The mail refusals hide; ignored when `includeHidden` is set.
    public var hidden: HiddenMail
    /// Shows hidden mail too (`--include-refused`).
    public var includeHidden: Bool

    public init(
        since: Date? = nil, until: Date? = nil, category: Category? = nil, sector: Sector? = nil,
        vendor: VendorID? = nil, hidden: HiddenMail = .nothing, includeHidden: Bool = false
    ) {
        self.since = since
        self.until = until
        self.category = category
        self.sector = sector
        self.vendor = vendor
        self.hidden = hidden
        self.includeHidden = includeHidden
    }

    /// The hidden mail that matters to this filter: one vendor's when it names one.
    var scopedHidden: HiddenMail {
        vendor.map { hidden.restricted(to: $0) } ?? hidden
    }

    /// An SQL condition over `message` rows aliased `m` (the vendor sector needs `vendor` joined
    /// as `v` when `sector` is set).
    func messageSQL(applyCategory: Bool = true) -> (sql: String, arguments: StatementArguments) {
        var terms: [String] = ["1"]
        var arguments = StatementArguments()
        if let since { terms.append("m.date >= ?"); arguments += [Int64(since.timeIntervalSince1970)] }
        if let until { terms.append("m.date < ?"); arguments += [Int64(until.timeIntervalSince1970)] }
        if applyCategory, let category { terms.append("m.category = ?"); arguments += [category.rawValue] }
        if let sector {
            terms.append("m.vendor_id IN (SELECT id FROM vendor WHERE sector = ?)")
            arguments += [sector.rawValue]
        }
        if let vendor { terms.append("m.vendor_id = ?"); arguments += [vendor.rawValue] }
        if !includeHidden {
            let hiddenSQL = scopedHidden.hiddenSQL(vendor: "m.vendor_id", category: "m.category")
            if hiddenSQL.sql != "0" {
                terms.append("NOT \(hiddenSQL.sql)")
                arguments += StatementArguments(hiddenSQL.arguments)
            }
        }
        return (terms.joined(separator: " AND "), arguments)
    }

    /// An SQL condition over `purchase_order` rows aliased `o`: orders count as `orders` mail of
    /// their vendor for refusals.
    func orderSQL() -> (sql: String, arguments: StatementArguments) {
        var terms: [String] = ["1"]
        var arguments = StatementArguments()
        if let since { terms.append("o.order_date >= ?"); arguments += [Int64(since.timeIntervalSince1970)] }
        if let until { terms.append("o.order_date < ?"); arguments += [Int64(until.timeIntervalSince1970)] }
        if let sector {
            terms.append("o.vendor_id IN (SELECT id FROM vendor WHERE sector = ?)")
            arguments += [sector.rawValue]
        }
        if let vendor { terms.append("o.vendor_id = ?"); arguments += [vendor.rawValue] }
        if !includeHidden {
            let hiddenSQL = scopedHidden.hiddenSQL(vendor: "o.vendor_id", category: "'orders'")
            if hiddenSQL.sql != "0" {
                terms.append("NOT \(hiddenSQL.sql)")
                arguments += StatementArguments(hiddenSQL.arguments)
            }
        }
        return (terms.joined(separator: " AND "), arguments)
    }
}
