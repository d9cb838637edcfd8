import MailroomCore

/// Which stored mail refusals hide, as (vendor, category) pairs: what the store needs to filter
/// every query on the SQL side.
///
/// Computed by the `Dashboard` module from the refusal rules (the pure decision lives there);
/// the store only turns it into a predicate. Mail without a vendor is never hidden.
public struct HiddenMail: Sendable, Hashable {
    /// Vendors all of whose mail is hidden, whatever its category (unclassified mail included).
    public var vendors: Set<VendorID>
    /// Hidden categories of the other vendors; `nil` stands for mail not classified yet.
    public var pairs: Set<Pair>

    /// One vendor's mail of one category.
    public struct Pair: Sendable, Hashable {
        public var vendor: VendorID
        public var category: Category?

        public init(vendor: VendorID, category: Category?) {
            self.vendor = vendor
            self.category = category
        }
    }

    /// Nothing hidden.
    public static let nothing = HiddenMail(vendors: [], pairs: [])

    public init(vendors: Set<VendorID>, pairs: Set<Pair>) {
        self.vendors = vendors
        self.pairs = pairs
    }

    /// Whether any mail is hidden at all.
    public var isEmpty: Bool { vendors.isEmpty && pairs.isEmpty }

    /// Whether mail of `vendor` in `category` is hidden.
    public func hides(vendor: VendorID?, category: Category?) -> Bool {
        guard let vendor else { return false }
        return vendors.contains(vendor) || pairs.contains(Pair(vendor: vendor, category: category))
    }

    /// What is hidden of one vendor's mail only: what queries about that vendor need (their
    /// SQL stays short and the same for every vendor with nothing hidden).
    public func restricted(to vendor: VendorID) -> HiddenMail {
        if vendors.contains(vendor) { return HiddenMail(vendors: [vendor], pairs: []) }
        return HiddenMail(vendors: [], pairs: pairs.filter { $0.vendor == vendor })
    }

    /// An SQL expression that is 1 for hidden rows and 0 for the others (never NULL), over the
    /// given vendor and category column expressions; sorted so that statements are cached.
    ///
    /// Pairs are grouped by category (`category = ? AND vendor IN (…)`): SQLite evaluates that
    /// about six times faster per row than a row-value `(vendor, category) IN (VALUES …)`, which
    /// mattered on whole-store scans (the report's overview).
    func hiddenSQL(vendor: String, category: String) -> (sql: String, arguments: [String]) {
        guard !isEmpty else { return ("0", []) }
        var terms: [String] = []
        var arguments: [String] = []
        func list(_ values: [String]) -> String {
            arguments += values
            return "\(vendor) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))"
        }
        if !vendors.isEmpty {
            terms.append(list(vendors.map(\.rawValue).sorted()))
        }
        var byCategory: [Category: [String]] = [:]
        for pair in pairs { if let hidden = pair.category { byCategory[hidden, default: []].append(pair.vendor.rawValue) } }
        for (hidden, vendorIDs) in byCategory.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            arguments.append(hidden.rawValue)
            terms.append("(\(category) = ? AND \(list(vendorIDs.sorted())))")
        }
        let unclassified = pairs.filter { $0.category == nil }.map(\.vendor.rawValue).sorted()
        if !unclassified.isEmpty {
            terms.append("(\(category) IS NULL AND \(list(unclassified)))")
        }
        return ("coalesce(\(terms.joined(separator: " OR ")), 0)", arguments)
    }
}
