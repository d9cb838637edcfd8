import Foundation

/// What one pass over a mailbox did.
public struct MailboxSyncResult: Sendable, Hashable, Codable {
    public var name: String
    /// New messages analysed and stored.
    public var new = 0
    /// Messages found on the server that were already stored (imported before, or in another
    /// mailbox): only their location was added.
    public var linked = 0
    /// Stored messages whose flags changed.
    public var changed = 0
    /// Stored locations removed because the server expunged them.
    public var expunged = 0
    /// Whether the mailbox's UIDVALIDITY changed and it was synced again from the start.
    public var resynced = false
    /// The error that stopped this mailbox's pass, if any.
    public var error: String?

    public init(name: String) { self.name = name }
}

/// What one pass over an account did.
public struct AccountSyncResult: Sendable {
    public var account: String
    public var mailboxes: [MailboxSyncResult] = []
    /// The error that stopped the account (login, certificate, connection), if any.
    public var error: SyncError?
    /// Octets of message data fetched.
    public var bytesFetched = 0
    /// What the server-side refusal action did after the pass.
    public var refusals = RefusalActionSummary()

    public init(account: String) { self.account = account }

    /// Whether every mailbox synced and the refusal action met no error.
    public var succeeded: Bool { error == nil && mailboxes.allSatisfy { $0.error == nil } && refusals.errors.isEmpty }

    /// Whether the pass changed what the store says: new messages, flag changes or expunges
    /// (what makes the daemon regenerate the report). A message found again in another
    /// mailbox, or moved by the refusal action, changes nothing the report shows.
    public var changedStore: Bool { mailboxes.contains { $0.new + $0.changed + $0.expunged > 0 } }
}

/// What the server-side refusal action (`refusals.action` in the config) did in one pass over
/// an account.
public struct RefusalActionSummary: Sendable, Hashable {
    /// `none`, `keyword` or `move`.
    public var action = "none"
    /// Locations that got the keyword.
    public var tagged = 0
    /// Locations whose keyword was taken off again (their mail is no longer refused).
    public var untagged = 0
    /// Messages moved to the refusal folder.
    public var moved = 0
    /// Why part of the action could not be done, for the person to fix (a missing folder).
    /// Each is reported once per process: the daemon does not repeat it every pass.
    public var errors: [String] = []
    /// Why the server made Mailroom skip part of the action (no UIDPLUS, keywords not kept).
    public var warnings: [String] = []

    public init() {}

    /// Whether anything was done or reported.
    public var isEmpty: Bool { tagged + untagged + moved == 0 && errors.isEmpty && warnings.isEmpty }
}

/// Progress of a mailbox's new messages, reported after each stored batch.
public struct SyncProgress: Sendable {
    public var account: String
    public var mailbox: String
    /// New messages handled so far in this mailbox, and how many there are.
    public var done: Int
    public var total: Int
    public var elapsed: Duration

    /// Messages per second so far.
    public var rate: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(done) / seconds : 0
    }

    /// Seconds left at the current rate, when it can be told.
    public var secondsLeft: Int? {
        rate > 0 ? Int(Double(total - done) / rate) : nil
    }
}
