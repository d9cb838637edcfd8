import Foundation
import GRDB
import MailroomCore

/// Reads of the dashboard: vendors, their activity, hidden counts. Every read takes a
/// `MailFilter` and applies its refusals in SQL.
extension MailStore {
    /// Every stored vendor, by id.
    public func vendorRows() throws(StoreError) -> [VendorRow] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name, sector, domain FROM vendor ORDER BY id")).map(Self.vendorRow(from:))
        }
    }

    /// The registrable domains each vendor's mail came from (`vendor.domain` and every
    /// `message.vendor_domain`), for finding a vendor by domain.
    public func vendorDomains() throws(StoreError) -> [VendorID: Set<String>] {
        try read { db in
            var domains: [VendorID: Set<String>] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT id AS vendor_id, domain FROM vendor WHERE domain IS NOT NULL
                UNION SELECT DISTINCT vendor_id, vendor_domain FROM message
                WHERE vendor_id IS NOT NULL AND vendor_domain IS NOT NULL
                """))
            while let row = try rows.next() {
                domains[VendorID(row["vendor_id"] as String), default: []].insert(row["domain"])
            }
            return domains
        }
    }

    /// The registrable domains one vendor's mail came from.
    public func vendorDomains(of vendor: VendorID) throws(StoreError) -> Set<String> {
        try read { db in
            var domains = Set(try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT vendor_domain FROM message INDEXED BY message_on_vendor_domains
                WHERE vendor_id = ? AND vendor_domain IS NOT NULL
                """), arguments: [vendor.rawValue]))
            if let domain = try String.fetchOne(db.cachedStatement(sql: "SELECT domain FROM vendor WHERE id = ?"), arguments: [vendor.rawValue]) {
                domains.insert(domain)
            }
            return domains
        }
    }

    /// The vendors whose mail came from one of `domains` (or whose first domain is one of them).
    public func vendors(withDomainIn domains: [String]) throws(StoreError) -> [VendorID: Set<String>] {
        guard !domains.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: domains.count).joined(separator: ",")
        return try read { db in
            var found: [VendorID: Set<String>] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT vendor_id, vendor_domain AS domain FROM message
                WHERE vendor_domain IN (\(marks)) AND vendor_id IS NOT NULL
                UNION SELECT id, domain FROM vendor WHERE domain IN (\(marks))
                """), arguments: StatementArguments(domains + domains)) {
                found[VendorID(row["vendor_id"] as String), default: []].insert(row["domain"])
            }
            return found
        }
    }

    /// Message counts and first/last dates per vendor and category of the mail `filter`
    /// selects, hidden mail included and marked (its `category` and `includeHidden` are
    /// ignored: refusals decide per vendor and category, so they apply to these groups exactly).
    /// Read from the (vendor, category, date) index alone.
    public func categoryActivity(_ filter: MailFilter) throws(StoreError) -> [CategoryActivity] {
        var unfiltered = filter
        unfiltered.includeHidden = true
        let condition = unfiltered.messageSQL(applyCategory: false)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT m.vendor_id, m.category, count(*) AS n, min(m.date) AS first, max(m.date) AS last
                FROM message m WHERE m.vendor_id IS NOT NULL AND \(condition.sql)
                GROUP BY m.vendor_id, m.category
                """), arguments: condition.arguments).map { row in
                let vendor = VendorID(row["vendor_id"] as String)
                let category = (row["category"] as String?).flatMap(Category.init(rawValue:))
                return CategoryActivity(vendor: vendor, category: category, count: row["n"], first: Self.date(row["first"]),
                                        last: Self.date(row["last"]), hidden: filter.hidden.hides(vendor: vendor, category: category))
            }
        }
    }

    /// How many messages refusals hide, per vendor, within the filter's window, sector and vendor.
    public func hiddenCounts(_ filter: MailFilter) throws(StoreError) -> [VendorID: Int] {
        guard !filter.hidden.isEmpty else { return [:] }
        var counts: [VendorID: Int] = [:]
        for group in try categoryActivity(filter) where group.hidden { counts[group.vendor, default: 0] += group.count }
        return counts
    }

    /// Order counts and spend per vendor and currency, hidden orders included and marked
    /// (orders count as `orders` mail for refusals).
    public func orderTotals(_ filter: MailFilter) throws(StoreError) -> [OrderTotal] {
        var unfiltered = filter
        unfiltered.includeHidden = true
        let condition = unfiltered.orderSQL()
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT o.vendor_id, o.currency, count(*) AS n,
                       sum(CASE WHEN o.status IS NOT 'cancelled' AND o.total_minor IS NOT NULL
                                THEN o.total_minor - o.refunded_minor ELSE 0 END) AS spend,
                       max(o.order_date) AS last
                FROM purchase_order o WHERE \(condition.sql)
                GROUP BY o.vendor_id, o.currency
                """), arguments: condition.arguments).map { row in
                let vendor = VendorID(row["vendor_id"] as String)
                return OrderTotal(vendor: vendor, currency: row["currency"], orders: row["n"], spendMinor: row["spend"] ?? 0,
                                  lastOrderDate: Self.date(row["last"]), hidden: filter.hidden.hides(vendor: vendor, category: .orders))
            }
        }
    }

    /// The SQL of a day number (days since 1970-01-01, rounded down) of `m.date` shifted by
    /// `utcOffset` seconds; its three `?` all take the offset.
    static let daySQL = "CASE WHEN m.date + ? >= 0 THEN (m.date + ?) / 86400 ELSE (m.date + ? - 86399) / 86400 END"

    /// Messages per month (in a time zone `utcOffset` seconds east of UTC) and category.
    /// Counted per day first: the month of each day is worked out once, not once per message.
    public func monthlyActivity(_ filter: MailFilter, utcOffset: Int) throws(StoreError) -> [MonthlyCount] {
        let condition = filter.messageSQL()
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT strftime('%Y-%m', day * 86400, 'unixepoch') AS month, category, sum(n) AS n
                FROM (SELECT \(Self.daySQL) AS day, m.category, count(*) AS n
                      FROM message m WHERE m.date IS NOT NULL AND \(condition.sql) GROUP BY day, m.category)
                GROUP BY month, category ORDER BY month
                """), arguments: [utcOffset, utcOffset, utcOffset] + condition.arguments).map { row in
                MonthlyCount(month: row["month"], category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                             count: row["n"])
            }
        }
    }

    /// Spend per month (order date, in a time zone `utcOffset` seconds east of UTC) and currency.
    public func monthlySpend(_ filter: MailFilter, utcOffset: Int) throws(StoreError) -> [MonthlySpend] {
        let condition = filter.orderSQL()
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT strftime('%Y-%m', o.order_date + ?, 'unixepoch') AS month, o.currency,
                       sum(o.total_minor - o.refunded_minor) AS spend
                FROM purchase_order o
                WHERE o.order_date IS NOT NULL AND o.currency IS NOT NULL AND o.total_minor IS NOT NULL
                  AND o.status IS NOT 'cancelled' AND \(condition.sql)
                GROUP BY month, o.currency ORDER BY month, o.currency
                """), arguments: [utcOffset] + condition.arguments).map { row in
                MonthlySpend(month: row["month"], currency: row["currency"], spendMinor: row["spend"] ?? 0)
            }
        }
    }

    static func vendorRow(from row: Row) -> VendorRow {
        VendorRow(id: VendorID(row["id"] as String), name: row["name"],
                  sector: (row["sector"] as String?).flatMap(Sector.init(rawValue:)), domain: row["domain"])
    }

    static func date(_ value: DatabaseValue) -> Date? {
        Int64.fromDatabaseValue(value).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}

extension MailStore {
    /// Message counts per category (`nil`: not classified) of the mail `filter` selects, people's
    /// mail included.
    public func categoryCounts(_ filter: MailFilter) throws(StoreError) -> [Category?: Int] {
        let condition = filter.messageSQL(applyCategory: false)
        return try read { db in
            var counts: [Category?: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT m.category, count(*) AS n FROM message m WHERE \(condition.sql) GROUP BY m.category
                """), arguments: condition.arguments) {
                counts[(row["category"] as String?).flatMap(Category.init(rawValue:)), default: 0] += row["n"] as Int
            }
            return counts
        }
    }
}
