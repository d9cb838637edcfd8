import MailroomCore

/// Vendor cards made together, with each vendor's newest orders and messages: what the
/// report's vendor pages show (see `Dashboard.cards(_:scope:orders:messages:domains:)`).
public struct VendorCards: Sendable {
    /// The cards, by vendor.
    public var cards: [VendorID: VendorCard] = [:]
    /// Each vendor's newest orders in the scope's window (any category), newest first.
    public var orders: [VendorID: [OrderItem]] = [:]
    /// Each vendor's newest messages in the scope, newest first.
    public var messages: [VendorID: [MessageItem]] = [:]

    public init() {}
}
