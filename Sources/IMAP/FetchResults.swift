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
    /// `header` holds only the first octets of a longer header block (fetched with a limit).
    public var headerCut = false

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
    /// PERMANENTFLAGS (RFC 3501 §7.1): the flags a STORE keeps, `\*` when new keywords may be
    /// created; `nil` when the server did not say (then every flag is permanent).
    public var permanentFlags: [String]?

    public init(
        name: String, uidValidity: UIDValidity, uidNext: IMAPUID?, highestModSeq: ModSeq?, exists: Int, permanentFlags: [String]? = nil
    ) {
        self.name = name
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.exists = exists
        self.permanentFlags = permanentFlags
    }

    /// Whether a STORE of `keyword` lasts in this mailbox: PERMANENTFLAGS names it or holds `\*`
    /// (RFC 3501 §7.1), or the server sent no PERMANENTFLAGS at all.
    public func keepsKeyword(_ keyword: String) -> Bool {
        guard let permanentFlags else { return true }
        return permanentFlags.contains { $0 == "\\*" || $0.caseInsensitiveCompare(keyword) == .orderedSame }
    }
}

/// Where a COPY or MOVE put messages (RFC 4315 §3, `COPYUID`): the destination's UIDVALIDITY
/// and, for each source UID, its UID in the destination.
public struct UIDMapping: Sendable, Hashable {
    public var uidValidity: UIDValidity
    /// Source UID → destination UID.
    public var destinations: [IMAPUID: IMAPUID]

    public init(uidValidity: UIDValidity, destinations: [IMAPUID: IMAPUID]) {
        self.uidValidity = uidValidity
        self.destinations = destinations
    }

    /// Pairs the two sets of a `COPYUID` response, whose UIDs correspond in order; `nil` when
    /// their sizes differ (the response cannot be trusted then).
    public init?(uidValidity: UIDValidity, sources: [IMAPUID], destinations: [IMAPUID]) {
        guard uidValidity.rawValue != 0, !sources.isEmpty, sources.count == destinations.count else { return nil }
        self.uidValidity = uidValidity
        self.destinations = Dictionary(zip(sources, destinations)) { first, _ in first }
    }

    /// The source UIDs the server accounted for.
    public var sources: UIDSet { UIDSet(destinations.keys) }
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
