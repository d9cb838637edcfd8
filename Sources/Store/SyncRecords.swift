import Foundation

/// Where the sync of one IMAP mailbox stands (RFC 4549 style checkpoint).
public struct MailboxCheckpoint: Sendable, Hashable {
    /// The `mailbox` row.
    public var id: Int64
    public var name: String
    /// UIDVALIDITY the stored UIDs belong to; `nil` before the first sync.
    public var uidValidity: UInt32?
    public var uidNext: UInt32?
    /// HIGHESTMODSEQ at the last complete pass; `nil` without CONDSTORE or before one.
    public var highestModSeq: UInt64?
    /// Every message with a UID up to this one is stored.
    public var lastSyncedUID: UInt32
}

/// Per account and mailbox: what `mailroom status` shows.
public struct AccountSyncStatus: Sendable, Hashable {
    public var name: String
    public var mailboxes: [MailboxSyncStatus]
}

/// One mailbox's sync state.
public struct MailboxSyncStatus: Sendable, Hashable {
    public var name: String
    /// Messages stored for the mailbox (at its current UIDVALIDITY).
    public var messages: Int
    /// The end of the last successful sync.
    public var lastSync: Date?
    public var lastError: String?
}

/// What applying flag changes and expunges did.
public struct ChangeSummary: Sendable, Hashable {
    /// Locations whose flags changed.
    public var changed = 0
    /// Locations removed (expunged on the server).
    public var expunged = 0
    /// Messages deleted because no location was left (never one with a user correction).
    public var deletedMessages = 0
    public init() {}
}

/// A stored message as seen through one IMAP mailbox.
public struct SyncedMessage: Sendable, Hashable {
    public var uid: UInt32
    public var flags: String
    public var contentHash: String
    public var messageID: String?
    public var category: String?
    public var size: Int
    public var attachments: Int
}

/// What the analysis decided for a stored message.
public struct StoredClassification: Sendable, Hashable {
    public var category: String?
    public var vendorID: String?
    public var messageID: String?
    public var subject: String?
}
