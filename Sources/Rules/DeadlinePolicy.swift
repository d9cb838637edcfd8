import MailroomCore
import Yams

/// How long a customer may return goods and how long the legal warranty lasts, counted from
/// delivery (or from the order date while delivery is unknown).
///
/// Defaults follow EU consumer law: a 14-day withdrawal period and a 2-year legal guarantee.
/// `Rules/deadlines.yaml` overrides them per sector, a vendor file's `deadlines:` per vendor;
/// `none` means the deadline does not apply (a utility bill has no return window).
public struct DeadlinePolicy: Sendable, Hashable {
    /// One level of overrides; `nil` fields inherit from the broader level.
    public struct Override: Sendable, Hashable {
        /// Days to return goods; `.some(nil)` when there is no return window.
        public var returnDays: Int??
        /// Months of legal warranty; `.some(nil)` when there is none.
        public var warrantyMonths: Int??

        public init(returnDays: Int?? = nil, warrantyMonths: Int?? = nil) {
            self.returnDays = returnDays
            self.warrantyMonths = warrantyMonths
        }
    }

    /// Days to return goods, or `nil` when there is no return window.
    public var returnDays: Int?
    /// Months of legal warranty, or `nil` when there is none.
    public var warrantyMonths: Int?

    public init(returnDays: Int?, warrantyMonths: Int?) {
        self.returnDays = returnDays
        self.warrantyMonths = warrantyMonths
    }

    /// EU consumer law: 14 days to withdraw, 2 years of legal guarantee.
    public static let euDefault = DeadlinePolicy(returnDays: 14, warrantyMonths: 24)

    /// This policy with an override applied.
    public func applying(_ override: Override?) -> DeadlinePolicy {
        guard let override else { return self }
        var result = self
        if let days = override.returnDays { result.returnDays = days }
        if let months = override.warrantyMonths { result.warrantyMonths = months }
        return result
    }
}

/// The deadline settings of `Rules/deadlines.yaml`.
public struct DeadlineSettings: Sendable, Hashable {
    public var base: DeadlinePolicy = .euDefault
    public var sectors: [Sector: DeadlinePolicy.Override] = [:]

    public init(base: DeadlinePolicy = .euDefault, sectors: [Sector: DeadlinePolicy.Override] = [:]) {
        self.base = base
        self.sectors = sectors
    }

    /// What one `deadlines.yaml` says, applied over the settings loaded before it.
    struct Overrides {
        var base: DeadlinePolicy.Override?
        var sectors: [Sector: DeadlinePolicy.Override] = [:]
    }

    mutating func apply(_ overrides: Overrides) {
        base = base.applying(overrides.base)
        for (sector, override) in overrides.sectors { sectors[sector] = override }
    }

    static func read(_ text: String, reader: inout YAMLReader) -> Overrides {
        var overrides = Overrides()
        guard let root = reader.compose(text),
            let fields = reader.mapping(root, allowed: ["default", "sectors"], required: [], what: "the deadlines file")
        else { return overrides }
        if let node = fields["default"] { overrides.base = reader.deadlineOverride(node, what: "default") }
        if let node = fields["sectors"] {
            guard case .mapping(let mapping) = node else {
                reader.problem("sectors must map sector names to deadlines", at: node)
                return overrides
            }
            for (key, value) in mapping {
                guard let sector = reader.choice(key, what: "sector", as: Sector.self) else { continue }
                if let override = reader.deadlineOverride(value, what: "sector '\(sector.rawValue)'") {
                    overrides.sectors[sector] = override
                }
            }
        }
        return overrides
    }
}

extension YAMLReader {
    /// `{return_days: 30, warranty_months: none}`.
    mutating func deadlineOverride(_ node: Node, what: String) -> DeadlinePolicy.Override? {
        guard let map = mapping(node, allowed: ["return_days", "warranty_months"], required: [], what: "deadlines of \(what)") else {
            return nil
        }
        var override = DeadlinePolicy.Override()
        if let value = map["return_days"] { override.returnDays = .some(count(value, what: "return_days", range: 0...3650)) }
        if let value = map["warranty_months"] { override.warrantyMonths = .some(count(value, what: "warranty_months", range: 0...600)) }
        return override
    }

    /// A whole number in `range`, or `none` (nil).
    mutating func count(_ node: Node, what: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what: what) else { return nil }
        if text == "none" { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), or none", at: node)
            return nil
        }
        return value
    }
}
