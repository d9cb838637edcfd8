import Foundation

/// What the first fetch of a new message returns: everything but its body parts.
public struct MessageSummary: Sendable {
    public var uid: IMAPUID
    /// Flags as the server spells them (`\Seen`, `$Forwarded`); `\Recent` is left out.
    public var flags: [String]
    /// RFC822.SIZE: the whole message in octets.
    public var size: Int
    /// INTERNALDATE: when the server received the message.
    public var internalDate: Date?
    /// BODYSTRUCTURE; `nil` when the server sent none it could describe.
    public var structure: BodyStructure?
    /// BODY[HEADER]: the header block with its terminating blank line, as stored.
    public var header: Data
    /// The message's modification sequence, with CONDSTORE.
    public var modSeq: ModSeq?

    public init(uid: IMAPUID, flags: [String], size: Int, internalDate: Date?, structure: BodyStructure?, header: Data, modSeq: ModSeq?) {
        self.uid = uid
        self.flags = flags
        self.size = size
        self.internalDate = internalDate
        self.structure = structure
        self.header = header
        self.modSeq = modSeq
    }
}

/// Flag changes and expunges since a checkpoint.
public struct MailboxChanges: Sendable {
    /// New flags of messages that changed (or of every message asked for, without CONDSTORE).
    public var flags: [IMAPUID: [String]] = [:]
    /// UIDs the server reported expunged (QRESYNC `VANISHED`); empty otherwise.
    public var vanished = UIDSet()

    public init(flags: [IMAPUID: [String]] = [:], vanished: UIDSet = UIDSet()) {
        self.flags = flags
        self.vanished = vanished
    }
}

/// A mailbox after SELECT (RFC 3501 §6.3.1, RFC 7162 §3.1.2).
public struct SelectedMailbox: Sendable, Hashable {
    public var name: String
    public var uidValidity: UIDValidity
    /// The UID the next message will get; `nil` if the server did not say.
    public var uidNext: IMAPUID?
    /// HIGHESTMODSEQ, when CONDSTORE is on and the mailbox supports it.
    public var highestModSeq: ModSeq?
    /// How many messages the mailbox holds.
    public var exists: Int

    public init(name: String, uidValidity: UIDValidity, uidNext: IMAPUID?, highestModSeq: ModSeq?, exists: Int) {
        self.name = name
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.exists = exists
    }
}

/// How an IDLE wait ended.
public enum IdleOutcome: Sendable, Hashable {
    /// The server sent something (new mail, flag change, expunge).
    case changed
    /// The wait timed out with nothing from the server.
    case timedOut
    /// Another task interrupted the wait (shutdown, re-check).
    case interrupted
}
