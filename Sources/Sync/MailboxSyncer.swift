import Foundation
import IMAP
import Pipeline
import Store

/// One pass over one mailbox (see ``SyncEngine``).
struct MailboxSyncer {
    let engine: SyncEngine
    let account: String
    let accountID: Int64
    let mailbox: MailboxInfo
    let connection: IMAPConnection
    let progress: @Sendable (SyncProgress) -> Void
    let shouldStop: @Sendable () -> Bool
    private(set) var result: MailboxSyncResult
    private(set) var checkpoint: MailboxCheckpoint?

    init(
        engine: SyncEngine, account: String, accountID: Int64, mailbox: MailboxInfo, connection: IMAPConnection,
        progress: @escaping @Sendable (SyncProgress) -> Void, shouldStop: @escaping @Sendable () -> Bool
    ) {
        self.engine = engine
        self.account = account
        self.accountID = accountID
        self.mailbox = mailbox
        self.connection = connection
        self.progress = progress
        self.shouldStop = shouldStop
        result = MailboxSyncResult(name: mailbox.name)
    }

    private var store: MailStore { engine.store }

    private func imap<T>(_ body: () async throws(IMAPError) -> T) async throws(SyncError) -> T {
        do { return try await body() } catch { throw .imap(error) }
    }

    private func stored<T>(_ body: () throws(StoreError) -> T) throws(SyncError) -> T {
        do { return try body() } catch { throw .store(error) }
    }

    mutating func run() async throws(SyncError) -> MailboxSyncResult {
        var state = try stored { () throws(StoreError) in try store.checkpoint(account: accountID, mailbox: mailbox.name) }
        checkpoint = state
        let selected = try await imap { () throws(IMAPError) in try await connection.select(mailbox) }
        if state.uidValidity != selected.uidValidity.rawValue {
            if state.uidValidity != nil {
                engine.logger.notice("\(account)/\(mailbox.name): UIDVALIDITY changed (\(state.uidValidity ?? 0) → \(selected.uidValidity)); syncing the mailbox again")
                result.resynced = true
            }
            try stored { () throws(StoreError) in try store.restart(mailbox: state.id, uidValidity: selected.uidValidity.rawValue) }
            state.uidValidity = selected.uidValidity.rawValue
            state.uidNext = nil
            state.highestModSeq = nil
            state.lastSyncedUID = 0
            checkpoint = state
        }
        try await syncChanges(state: state, selected: selected)
        let complete = try await syncNew(state: state, selected: selected)
        if result.resynced || state.lastSyncedUID == 0 {
            _ = try stored { () throws(StoreError) in try store.removeStaleLocations(mailbox: state.id) }
        }
        if complete {
            try stored { () throws(StoreError) in
                try store.completePass(mailbox: state.id, uidNext: selected.uidNext?.rawValue, highestModSeq: selected.highestModSeq?.rawValue, now: engine.now())
            }
        }
        return result
    }

    /// Flag changes and expunges of the messages already stored.
    private mutating func syncChanges(state: MailboxCheckpoint, selected: SelectedMailbox) async throws(SyncError) {
        guard state.lastSyncedUID > 0, let validity = state.uidValidity else { return }
        let capabilities = connection.capabilities
        let known = UIDSet(1...state.lastSyncedUID)
        var flags: [IMAPUID: [String]] = [:]
        var expunged: [UInt32] = []
        if capabilities.condstore, let since = state.highestModSeq, let current = selected.highestModSeq {
            // Every flag change and expunge raises HIGHESTMODSEQ (RFC 7162 §3.1.1).
            guard current.rawValue != since else { return }
            let changes = try await imap { () throws(IMAPError) in
                try await connection.flags(of: known, changedSince: ModSeq(since), vanished: capabilities.qresync)
            }
            flags = changes.flags
            let storedFlags = try stored { () throws(StoreError) in try store.storedFlags(mailbox: state.id, uidValidity: validity) }
            if capabilities.qresync {
                expunged = changes.vanished.map(\.rawValue).filter { storedFlags[$0] != nil }
            } else {
                let existing = Set(try await imap { () throws(IMAPError) in try await connection.existing(known) }.map(\.rawValue))
                expunged = storedFlags.keys.filter { !existing.contains($0) }
            }
        } else {
            // Without CONDSTORE: every stored message's flags, and the UIDs gone from the list.
            let storedFlags = try stored { () throws(StoreError) in try store.storedFlags(mailbox: state.id, uidValidity: validity) }
            guard !storedFlags.isEmpty else { return }
            flags = try await imap { () throws(IMAPError) in try await connection.flags(of: known) }.flags
            expunged = storedFlags.keys.filter { flags[IMAPUID($0)] == nil }
        }
        let flagTexts = Dictionary(uniqueKeysWithValues: flags.map { ($0.key.rawValue, MessageAssembler.flagText($0.value)) })
        let summary = try stored { () throws(StoreError) in
            try store.applyChanges(mailbox: state.id, uidValidity: validity, flags: flagTexts, expunged: expunged.sorted())
        }
        result.changed += summary.changed
        result.expunged += summary.expunged
    }

    /// New messages, in batches; false when stopped before the end.
    private mutating func syncNew(state: MailboxCheckpoint, selected: SelectedMailbox) async throws(SyncError) -> Bool {
        let last = IMAPUID(state.lastSyncedUID)
        if let next = selected.uidNext, next.rawValue <= last.rawValue + 1 { return true }
        if selected.exists == 0 { return true }
        let uids = try await imap { () throws(IMAPError) in try await connection.uids(after: last) }
        guard !uids.isEmpty, let validity = state.uidValidity else { return true }
        let analyzer: Analyzer
        do {
            analyzer = try engine.analyzerCache.get(engine.analyzer)
        } catch {
            throw .analyzer("\(error)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let context = BatchContext(
            connection: connection, analyzer: analyzer, store: store, mailbox: state.id, validity: UIDValidity(validity),
            path: "imap://\(account)/\(mailbox.name)", limit: engine.partLimit, now: engine.now,
            analysisQueue: engine.analysisQueue, writerQueue: engine.writerQueue)
        let (account, name, total, progress) = (self.account, mailbox.name, uids.count, self.progress)
        let pipeline = BatchPipeline(
            context: context, uids: uids, batchSize: engine.batchSize, batchBytes: engine.batchBytes, mailboxName: name,
            logger: engine.logger, shouldStop: shouldStop
        ) { done in
            progress(SyncProgress(account: account, mailbox: name, done: done, total: total, elapsed: clock.now - started))
        }
        let outcome = await pipeline.run()
        result.new += outcome.inserted
        result.linked += outcome.duplicates
        if let error = outcome.error { throw error }
        return outcome.complete
    }
}
