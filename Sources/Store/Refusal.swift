import Foundation
import MailroomCore

/// One refused-partner rule as stored (ARCHITECTURE.md, "Refused partners").
///
/// A rule names a vendor or a sector, optionally narrowed to one category; its action refuses
/// that mail or accepts it as an exception to a broader refusal.
public struct Refusal: Sendable, Hashable, Codable {
    /// What a rule is about: one vendor or a whole sector.
    public enum Target: Sendable, Hashable, Codable {
        case vendor(VendorID)
        case sector(Sector)
    }

    /// `refuse` hides the mail; `accept` is an exception that shows it again.
    public enum Action: String, Sendable, Hashable, Codable {
        case refuse, accept
    }

    /// Row id in the store (0 for a rule not stored yet).
    public var id: Int64
    public var target: Target
    /// The one category the rule is narrowed to, or `nil` for all of the target's mail.
    public var category: Category?
    public var action: Action
    public var createdAt: Date

    public init(id: Int64 = 0, target: Target, category: Category?, action: Action, createdAt: Date) {
        self.id = id
        self.target = target
        self.category = category
        self.action = action
        self.createdAt = createdAt
    }
}
