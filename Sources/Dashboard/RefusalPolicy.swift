import MailroomCore
import Store

/// Decides whether refusals hide a vendor's mail of one category (ARCHITECTURE.md, "Refused
/// partners"): a pure function of the rules.
///
/// The most specific rule that names the mail wins, in this order: vendor + category, vendor,
/// sector + category, sector. A rule's action decides: `refuse` hides, `accept` shows (an
/// exception to a broader refusal). Mail no rule names is shown; mail without a vendor is
/// never hidden (refusals name vendors and sectors). Mail not classified yet is named only by
/// rules without a category.
public struct RefusalPolicy: Sendable {
    /// The four levels, most specific first.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case vendorCategory, vendor, sectorCategory, sector

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The outcome for some mail, with the rule that decided (`nil` when none applies).
    public struct Decision: Sendable, Hashable {
        public var hidden: Bool
        public var rule: Refusal?
    }

    private var rules: [RuleKey: Refusal] = [:]

    private struct RuleKey: Hashable {
        var target: Refusal.Target
        var category: Category?
    }

    /// A policy over `rules` (a later rule for the same target and category replaces an earlier one).
    public init(rules: [Refusal]) {
        for rule in rules { self.rules[RuleKey(target: rule.target, category: rule.category)] = rule }
    }

    /// Whether there are no rules at all.
    public var isEmpty: Bool { rules.isEmpty }

    /// The decision for mail of `vendor` (in `sector`) in `category`.
    public func decide(vendor: VendorID?, sector: Sector?, category: Category?) -> Decision {
        guard let vendor else { return Decision(hidden: false, rule: nil) }
        var candidates: [RuleKey] = []
        if let category { candidates.append(RuleKey(target: .vendor(vendor), category: category)) }
        candidates.append(RuleKey(target: .vendor(vendor), category: nil))
        if let sector {
            if let category { candidates.append(RuleKey(target: .sector(sector), category: category)) }
            candidates.append(RuleKey(target: .sector(sector), category: nil))
        }
        for key in candidates {
            if let rule = rules[key] { return Decision(hidden: rule.action == .refuse, rule: rule) }
        }
        return Decision(hidden: false, rule: nil)
    }

    /// Whether mail of `vendor` (in `sector`) in `category` is hidden.
    public func hides(vendor: VendorID?, sector: Sector?, category: Category?) -> Bool {
        decide(vendor: vendor, sector: sector, category: category).hidden
    }

    /// What the rules hide among `vendors`, as the store filters it.
    public func hiddenMail(vendors: [VendorRow]) -> HiddenMail {
        guard !isEmpty else { return .nothing }
        var whole: Set<VendorID> = []
        var pairs: Set<HiddenMail.Pair> = []
        let categories: [Category?] = Category.allCases.map { $0 } + [nil]
        for vendor in vendors {
            let hidden = categories.filter { hides(vendor: vendor.id, sector: vendor.sector, category: $0) }
            if hidden.count == categories.count {
                whole.insert(vendor.id)
            } else {
                for category in hidden { pairs.insert(HiddenMail.Pair(vendor: vendor.id, category: category)) }
            }
        }
        return HiddenMail(vendors: whole, pairs: pairs)
    }
}
