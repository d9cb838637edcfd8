import Foundation
import MailroomCore

/// A message as `mailroom export` writes it: metadata, vendor, category, and its text only
/// when asked for.
public struct ExportMessageRow: Sendable, Hashable {
    public var message: MessageRow
    /// The registrable domain of the sender identity.
    public var vendorDomain: String?
    public var size: Int
    /// Parser warning codes, as stored (a JSON array).
    public var warnings: [String]
    /// Where the message was found: file paths (`path#position` inside an mbox) and
    /// `account/mailbox/uid` of IMAP copies.
    public var locations: [String]
    /// The plain text part (empty when the message has no text part); `nil` unless asked for,
    /// and when ``html`` holds the body instead.
    public var text: String?
    /// The HTML part's source, when the message has no plain text (`Dashboard` renders it:
    /// ``text`` is then `nil`).
    public var html: String?
    /// Whether refusals hide it.
    public var hidden: Bool
}

/// A user correction as stored.
public struct CorrectionRow: Sendable, Hashable {
    public var id: Int64
    /// The message the correction was made on (its `Message-ID`, or a content key).
    public var messageKey: String
    /// The stream the correction extends to (a list or sender), when any.
    public var stream: String?
    public var category: Category?
    public var vendor: VendorID?
    public var createdAt: Date
}
