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
    func hiddenSQL(vendor: String, category: String) -> (sql: String, arguments: [String]) {
        guard !isEmpty else { return ("0", []) }
        var terms: [String] = []
        var arguments: [String] = []
        if !vendors.isEmpty {
            let sorted = vendors.map(\.rawValue).sorted()
            terms.append("\(vendor) IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ",")))")
            arguments += sorted
        }
        let categorised = pairs.compactMap { pair in pair.category.map { (pair.vendor.rawValue, $0.rawValue) } }
            .sorted { $0 < $1 }
        if !categorised.isEmpty {
            let values = Array(repeating: "(?,?)", count: categorised.count).joined(separator: ",")
            terms.append("(\(vendor), \(category)) IN (VALUES \(values))")
            for (vendorID, categoryName) in categorised { arguments += [vendorID, categoryName] }
        }
        let unclassified = pairs.filter { $0.category == nil }.map(\.vendor.rawValue).sorted()
        if !unclassified.isEmpty {
            let marks = Array(repeating: "?", count: unclassified.count).joined(separator: ",")
            terms.append("(\(category) IS NULL AND \(vendor) IN (\(marks)))")
            arguments += unclassified
        }
        return ("coalesce(\(terms.joined(separator: " OR ")), 0)", arguments)
    }
}
