import Config
import Foundation
import IMAP
import Store

/// Applies `refusals.action` to an account's refused mail after a pass, over the pass's
/// connection and only in the mailboxes the pass synced (their stored UIDs and flags are fresh).
///
/// - `keyword`: `UID STORE +FLAGS.SILENT (keyword)` on each hidden copy that Mailroom has not
///   tagged yet, where the mailbox keeps new keywords (PERMANENTFLAGS); flags like `\Seen` are
///   untouched. Keywords Mailroom added to mail that is no longer hidden (`accept`) are taken
///   off again.
/// - `move`: each hidden message not moved before goes to the folder with UID MOVE, or, on a
///   server without MOVE, UID COPY then `\Deleted` + UID EXPUNGE of exactly the copied UIDs.
///   Both need UIDPLUS: its `COPYUID` says where each message went, and the stored location
///   follows it, so the next pass neither counts an expunge nor stores the message twice. Moved
///   mail is never moved back. Nothing is ever deleted that was not copied first.
///
/// What was done is recorded in the store (`refusal_action`), so each message is handled once.
struct RefusalActionRunner {
    let engine: SyncEngine
    let plan: RefusalActionPlan
    let account: AccountConfig
    let accountID: Int64
    let connection: IMAPConnection
    private(set) var summary = RefusalActionSummary()

    /// UIDs per STORE, MOVE or COPY command.
    static let chunkSize = 500

    init(engine: SyncEngine, plan: RefusalActionPlan, account: AccountConfig, accountID: Int64, connection: IMAPConnection) {
        self.engine = engine
        self.plan = plan
        self.account = account
        self.accountID = accountID
        self.connection = connection
        summary.action = plan.settings.action.rawValue
    }

    private var store: MailStore { engine.store }
    private var settings: RefusalSettings { plan.settings }

    /// Applies the action in `mailboxes`. A command the server refuses is reported in the
    /// summary; a lost connection is thrown.
    mutating func run(over mailboxes: [MailboxInfo]) async throws(SyncError) {
        guard settings.action != .none, !mailboxes.isEmpty else { return }
        let hidden: HiddenMail
        do {
            hidden = try plan.hiddenMail()
        } catch {
            report(error: "cannot apply the refusal action to \(account.name): cannot read the refusals: \(error)", key: "hidden")
            return
        }
        do throws(SyncError) {
            switch settings.action {
            case .none: return
            case .keyword: for mailbox in mailboxes { try await tag(mailbox, hidden: hidden) }
            case .move: try await move(from: mailboxes, hidden: hidden)
            }
        } catch {
            guard case .imap(.commandFailed) = error else { throw error }
            report(error: "cannot apply the refusal action to \(account.name): \(error)", key: "command \(error)")
        }
    }

    // MARK: Keyword

    private mutating func tag(_ mailbox: MailboxInfo, hidden: HiddenMail) async throws(SyncError) {
        let keyword = settings.keyword
        let checkpoint = try stored { () throws(StoreError) in try store.checkpoint(account: accountID, mailbox: mailbox.name) }
        let candidates = try stored { () throws(StoreError) in try store.locationsToTag(mailbox: checkpoint.id, keyword: keyword, hidden: hidden) }
        let removals = try stored { () throws(StoreError) in try store.keywordsToRemove(mailbox: checkpoint.id, hidden: hidden) }
        guard !candidates.isEmpty || !removals.isEmpty else { return }
        let selected = try await imap { () throws(IMAPError) in try await connection.select(mailbox) }
        guard selected.uidValidity.rawValue == checkpoint.uidValidity else { return }  // the next pass resyncs it

        // Copies that carry the keyword already (another client, another Mailroom) only get recorded.
        let (present, missing) = (candidates.filter { $0.hasFlag(keyword) }, candidates.filter { !$0.hasFlag(keyword) })
        try stored { () throws(StoreError) in try store.recordTagged(present, keyword: keyword, now: engine.now()) }
        if !missing.isEmpty {
            if selected.keepsKeyword(keyword) {
                for chunk in Self.chunks(missing) {
                    try await imap { () throws(IMAPError) in try await connection.addKeyword(keyword, to: UIDSet(chunk.map { IMAPUID($0.uid) })) }
                    try stored { () throws(StoreError) in try store.recordTagged(chunk, keyword: keyword, now: engine.now()) }
                    summary.tagged += chunk.count
                }
            } else {
                report(
                    warning: "cannot add the keyword \(keyword) in \(account.name)/\(mailbox.name): the server does not keep new keywords "
                        + "there (PERMANENTFLAGS); refused mail there is only hidden locally", key: "keyword \(mailbox.name)")
            }
        }
        // A keyword the person took off already only loses its record.
        try stored { () throws(StoreError) in try store.recordUntagged(removals.filter { !$0.location.hasFlag($0.keyword) }) }
        for (value, group) in Dictionary(grouping: removals.filter { $0.location.hasFlag($0.keyword) }, by: \.keyword) {
            for chunk in Self.chunks(group) {
                try await imap { () throws(IMAPError) in
                    try await connection.removeKeyword(value, from: UIDSet(chunk.map { IMAPUID($0.location.uid) }))
                }
                try stored { () throws(StoreError) in try store.recordUntagged(chunk) }
                summary.untagged += chunk.count
            }
        }
    }

    // MARK: Move

    private mutating func move(from mailboxes: [MailboxInfo], hidden: HiddenMail) async throws(SyncError) {
        guard let folder = settings.folder else { return }
        var pending: [(MailboxInfo, MailboxCheckpoint, [ActionLocation])] = []
        for mailbox in mailboxes where mailbox.name != folder {
            let checkpoint = try stored { () throws(StoreError) in try store.checkpoint(account: accountID, mailbox: mailbox.name) }
            let locations = try stored { () throws(StoreError) in try store.locationsToMove(mailbox: checkpoint.id, hidden: hidden) }
            if !locations.isEmpty { pending.append((mailbox, checkpoint, locations)) }
        }
        guard !pending.isEmpty else { return }
        let capabilities = connection.capabilities
        guard capabilities.uidPlus else {
            report(
                warning: "cannot move refused mail of \(account.name) to \(folder): the server does not offer UIDPLUS, so the moved "
                    + "messages could not be followed; they stay where they are, hidden locally", key: "uidplus")
            return
        }
        guard let target = try await targetMailbox(folder) else { return }
        let targetID = try stored { () throws(StoreError) in try store.checkpoint(account: accountID, mailbox: target.name).id }
        for (mailbox, checkpoint, locations) in pending {
            let selected = try await imap { () throws(IMAPError) in try await connection.select(mailbox) }
            guard selected.uidValidity.rawValue == checkpoint.uidValidity else { continue }
            for chunk in Self.chunks(locations) {
                let uids = UIDSet(chunk.map { IMAPUID($0.uid) })
                let mapping: UIDMapping?
                if capabilities.move {
                    mapping = try await imap { () throws(IMAPError) in try await connection.move(uids, to: target) }
                } else {
                    mapping = try await imap { () throws(IMAPError) in try await connection.copy(uids, to: target) }
                }
                // Recorded before the originals of a copy are removed: if the removal fails,
                // they stay on the server and are not copied again.
                try stored { () throws(StoreError) in
                    try store.recordMoved(
                        chunk, to: targetID, destinations: Self.destinations(mapping), uidValidity: mapping?.uidValidity.rawValue,
                        folder: folder, now: engine.now())
                }
                guard let mapping else {
                    report(
                        warning: "the server did not say where the messages of \(account.name)/\(mailbox.name) went (no COPYUID)"
                            + (capabilities.move ? "; they are stored until that mailbox is synced again" : "; the copies stay in both mailboxes"),
                        key: "copyuid")
                    if capabilities.move { summary.moved += chunk.count }
                    continue
                }
                if !capabilities.move {
                    try await imap { () throws(IMAPError) in try await connection.removeCopied(mapping) }
                }
                summary.moved += mapping.destinations.count
            }
        }
    }

    /// The folder refused mail goes to, created when the config allows it; `nil` (reported)
    /// when it is missing.
    private mutating func targetMailbox(_ folder: String) async throws(SyncError) -> MailboxInfo? {
        let all = try await imap { () throws(IMAPError) in try await connection.listMailboxes() }
        if let found = all.first(where: { $0.name == folder && $0.isSelectable }) { return found }
        guard settings.createFolder else {
            report(
                error: "cannot move refused mail of \(account.name) to \(folder): the account has no such mailbox "
                    + "(create it, or set `create_folder: true` under `refusals:`; mailboxes: "
                    + all.filter(\.isSelectable).map(\.name).sorted().joined(separator: ", ") + ")",
                key: "folder")
            return nil
        }
        try await imap { () throws(IMAPError) in try await connection.createMailbox(folder) }
        engine.logger.notice("\(account.name): created the mailbox \(folder) for refused mail")
        let again = try await imap { () throws(IMAPError) in try await connection.listMailboxes() }
        guard let created = again.first(where: { $0.name == folder && $0.isSelectable }) else {
            report(error: "cannot move refused mail of \(account.name) to \(folder): the mailbox was created but is not listed", key: "folder")
            return nil
        }
        return created
    }

    static func destinations(_ mapping: UIDMapping?) -> [UInt32: UInt32] {
        guard let mapping else { return [:] }
        return Dictionary(uniqueKeysWithValues: mapping.destinations.map { ($0.key.rawValue, $0.value.rawValue) })
    }

    static func chunks<T>(_ items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
    }

    // MARK: Reporting

    private mutating func report(error: String, key: String) {
        if engine.notices.first("\(account.name) error \(key)") { summary.errors.append(error) } else { engine.logger.debug("\(error)") }
    }

    private mutating func report(warning: String, key: String) {
        if engine.notices.first("\(account.name) warning \(key)") { summary.warnings.append(warning) } else { engine.logger.debug("\(warning)") }
    }

    private func imap<T>(_ body: () async throws(IMAPError) -> T) async throws(SyncError) -> T {
        do { return try await body() } catch { throw .imap(error) }
    }

    private func stored<T>(_ body: () throws(StoreError) -> T) throws(SyncError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}
