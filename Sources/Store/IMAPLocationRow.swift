import MailroomCore

/// Where one stored message sits on an IMAP server, and whether refusals hide it: what sync
/// needs to apply the `refusals.action` of the config (add a keyword, or move the message).
public struct IMAPLocationRow: Sendable, Hashable {
    public var account: String
    public var mailbox: String
    public var uidValidity: Int64
    public var uid: Int64
    /// Space-separated IMAP flags and keywords as last synced.
    public var flags: String
    public var vendor: VendorID?
    public var category: Category?
    /// Whether refusals hide the message.
    public var hidden: Bool
}
