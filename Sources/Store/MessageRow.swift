import Foundation
import MailroomCore

/// A stored message as listings show it: metadata only, never the body.
public struct MessageRow: Sendable, Hashable {
    /// Row id in the store.
    public var id: Int64
    /// `Message-ID` with angle brackets.
    public var messageID: String?
    public var date: Date?
    public var fromName: String?
    public var fromAddress: String?
    public var subject: String?
    public var vendor: VendorID?
    public var vendorName: String?
    public var category: Category?
    /// `true` when an IMAP copy carries `\Seen`, `false` when IMAP copies exist without it,
    /// `nil` when only files hold the message (imported mail has no flags).
    public var read: Bool?
    /// A search hit's context (`search` only), matched words in `[` `]`.
    public var snippet: String?
}
