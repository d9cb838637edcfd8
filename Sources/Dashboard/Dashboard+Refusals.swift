import Foundation
import MailroomCore
import Store

extension Dashboard {
    /// What `refuse` or `accept` changed, in words for the person.
    public struct RefusalChange: Sendable, Hashable {
        /// One sentence per change made (empty when nothing changed).
        public var changes: [String]
        /// Why nothing changed, when nothing did.
        public var note: String?
    }

    /// Every rule with its undo command and the messages it decides, oldest first.
    public func refusalItems() throws(DashboardError) -> [RefusalItem] {
        let activity = try Self.run { () throws(StoreError) in try store.categoryActivity(MailFilter(includeHidden: true)) }
        let sectors = Dictionary(uniqueKeysWithValues: vendors.map { ($0.id, $0.sector) })
        var decided: [Int64: Int] = [:]
        for row in activity {
            if let rule = policy.decide(vendor: row.vendor, sector: sectors[row.vendor] ?? nil, category: row.category).rule {
                decided[rule.id, default: 0] += row.count
            }
        }
        return refusals.map { RefusalItem(rule: $0, messages: decided[$0.id] ?? 0) }
    }

    /// Refuses the target's mail (of one category, or all of it).
    public func refuse(_ target: Refusal.Target, category: Category?) throws(DashboardError) -> RefusalChange {
        let existing = refusals.first { $0.target == target && $0.category == category }
        if existing?.action == .refuse {
            return RefusalChange(changes: [], note: "already refused: \(RefusalItem.arguments(target, category))")
        }
        try Self.run { () throws(StoreError) in try store.setRefusal(target, category: category, action: .refuse, now: now) }
        let verb = existing == nil ? "refused" : "refused again (the exception is gone)"
        return RefusalChange(changes: ["\(verb): \(RefusalItem.arguments(target, category))"], note: nil)
    }

    /// Shows the target's mail again: removes its refusal (a target without a category also
    /// loses the refusals of its single categories), then, when a broader refusal still hides
    /// it, records an `accept` exception. `sector` is the vendor's sector when it has no mail
    /// stored yet (a vendor of the catalog).
    public func accept(_ target: Refusal.Target, category: Category?, sector vendorSector: Sector? = nil) throws(DashboardError) -> RefusalChange {
        var changes: [String] = []
        var remaining = refusals
        for rule in refusals where rule.target == target && rule.action == .refuse
            && (rule.category == category || category == nil) {
            try Self.run { () throws(StoreError) in _ = try store.removeRefusal(rule.target, category: rule.category) }
            remaining.removeAll { $0.id == rule.id }
            changes.append("no longer refused: \(RefusalItem.arguments(rule.target, rule.category))")
        }
        let policy = RefusalPolicy(rules: remaining)
        let stillHidden: Bool
        switch target {
        case .vendor(let id):
            let sector = vendor(id)?.sector ?? vendorSector
            let categories = category.map { [$0] } ?? Category.allCases
            stillHidden = categories.contains { policy.hides(vendor: id, sector: sector, category: $0) }
        case .sector(let sector):
            stillHidden = category != nil && remaining.contains {
                $0.target == .sector(sector) && $0.category == nil && $0.action == .refuse
            }
        }
        let exact = remaining.first { $0.target == target && $0.category == category }
        if stillHidden && exact?.action != .accept {
            try Self.run { () throws(StoreError) in try store.setRefusal(target, category: category, action: .accept, now: now) }
            changes.append("accepted as an exception to a broader refusal: \(RefusalItem.arguments(target, category))")
        }
        if changes.isEmpty {
            return RefusalChange(changes: [], note: "nothing to accept: \(RefusalItem.arguments(target, category)) is not refused")
        }
        return RefusalChange(changes: changes, note: nil)
    }

    /// The IMAP copies of mail with a vendor and whether refusals hide each one, for sync's
    /// `refusals.action` (`keyword` or `move`); only the hidden ones when `hiddenOnly`.
    public func imapLocations(hiddenOnly: Bool) throws(DashboardError) -> [IMAPLocationRow] {
        try Self.run { () throws(StoreError) in try store.imapLocations(hidden: hidden, hiddenOnly: hiddenOnly) }
    }
}
