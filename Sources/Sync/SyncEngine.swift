import Config
import Foundation
import IMAP
import Logging
import Pipeline
import Store

/// Syncs IMAP accounts into the store: `mailroom sync` runs one pass, the daemon many.
///
/// Per mailbox (ARCHITECTURE.md, "IMAP sync"): SELECT (with CONDSTORE when offered); a new
/// UIDVALIDITY starts the mailbox over; flag changes and expunges of stored messages come from
/// QRESYNC (`CHANGEDSINCE … VANISHED`), else CONDSTORE plus a UID diff, else a full flag fetch;
/// new messages (`UID > last synced`) are fetched in batches — header and BODYSTRUCTURE, then
/// text parts only, always with PEEK — analysed like `import`, and stored with the mailbox's
/// checkpoint in one transaction per batch. Fetching, analysing and storing run as three
/// stages at once, each at its own pace, handing batches on in UID order (``BatchPipeline``).
/// After the mailboxes, the optional server-side refusal
/// action (``refusalAction``) runs over the same connection: the only change a pass ever makes
/// on the server, and only when the config asks for it.
public struct SyncEngine: Sendable {
    /// Where synced mail and checkpoints go.
    public let store: MailStore
    /// Made on first need, so a sync with nothing new never loads the rules.
    public let analyzer: @Sendable () throws -> Analyzer
    /// Logs (never passwords).
    public let logger: Logger
    /// The clock for stored dates and certificate validity.
    public let now: @Sendable () -> Date
    /// The environment `password_env` and `password_command` see.
    public var environment: [String: String]
    /// Messages per fetch and per transaction, at most.
    public var batchSize = 250
    /// Octets of header and text per batch, at most (a batch holds at least one message): with
    /// one batch in each stage's hands (fetched, analysed, stored), this bounds what a sync holds
    /// in memory.
    public var batchBytes = 8 << 20
    /// At most this many octets of each text part are fetched (`BODY.PEEK[n]<0.limit>`).
    public var partLimit = 256 * 1024
    /// How long a command may wait for the server.
    public var timeout: Duration = .seconds(60)
    /// The server-side refusal action applied after each pass (`nil`: none).
    public var refusalAction: RefusalActionPlan?

    let analysisQueue = BlockingQueue(label: "mailroom.sync.analysis")
    let writerQueue = BlockingQueue(label: "mailroom.sync.writer")
    let analyzerCache = AnalyzerCache()
    let notices = OnceNotices()

    public init(
        store: MailStore, analyzer: @escaping @Sendable () throws -> Analyzer, logger: Logger,
        environment: [String: String], now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.analyzer = analyzer
        self.logger = logger
        self.environment = environment
        self.now = now
    }

    /// The IMAP endpoint and credentials of an account (runs its password command).
    public func connectionSettings(_ account: AccountConfig) throws(SyncError) -> (IMAPEndpoint, IMAPCredentials) {
        let trust: CertificateTrust =
            if let pin = account.fingerprint { .pinned(sha256: pin) } else if let file = account.caFile { .caFile(file) } else { .systemRoots }
        let security = IMAPEndpoint.Security(rawValue: account.security.rawValue) ?? .tls
        let endpoint = IMAPEndpoint(host: account.host, port: account.effectivePort, security: security, trust: trust)
        let password: String
        do {
            password = try account.password.resolve(account: account.name, environment: environment)
        } catch {
            throw .config(error)
        }
        return (endpoint, IMAPCredentials(user: account.user, password: password))
    }

    /// Opens a logged-in connection to an account.
    public func connect(_ account: AccountConfig) async throws(SyncError) -> IMAPConnection {
        let (endpoint, credentials) = try connectionSettings(account)
        var logger = self.logger
        logger[metadataKey: "account"] = "\(account.name)"
        let connection = IMAPConnection(endpoint: endpoint, timeout: timeout, logger: logger, now: now)
        do {
            try await connection.open(credentials: credentials)
        } catch {
            await connection.close()
            throw .imap(error)
        }
        return connection
    }

    /// One pass over an account: every chosen mailbox (or only `onlyMailboxes`).
    ///
    /// `shouldStop` is asked between batches: when it says yes, the batch in hand is finished
    /// and stored, and the pass ends (graceful shutdown).
    public func sync(
        _ account: AccountConfig, onlyMailboxes: [String] = [], progress: @escaping @Sendable (SyncProgress) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) async -> AccountSyncResult {
        var result = AccountSyncResult(account: account.name)
        let accountID: Int64
        do {
            accountID = try store.accountID(named: account.name)
        } catch {
            result.error = .store(error)
            return result
        }
        let connection: IMAPConnection
        do {
            connection = try await connect(account)
        } catch {
            result.error = error
            try? store.recordSyncError(error.description, account: accountID)
            return result
        }
        do throws(SyncError) {
            let mailboxes = try await mailboxes(of: account, connection: connection, only: onlyMailboxes)
            result = try await sync(mailboxes, of: account, accountID: accountID, connection: connection, progress: progress, shouldStop: shouldStop)
            await connection.logout()
        } catch {
            result.error = error
            try? store.recordSyncError(error.description, account: accountID)
            await connection.close()
        }
        result.bytesFetched = connection.bytesFetched
        return result
    }

    /// The mailboxes of an account that a sync covers.
    public func mailboxes(of account: AccountConfig, connection: IMAPConnection, only: [String] = []) async throws(SyncError) -> [MailboxInfo] {
        let all: [MailboxInfo]
        do {
            all = try await connection.listMailboxes()
        } catch {
            throw .imap(error)
        }
        guard only.isEmpty else {
            return try only.map { name throws(SyncError) in
                guard let mailbox = all.first(where: { MailboxSelection.matches(name, $0) && $0.isSelectable }) else {
                    throw .unknownMailbox(account: account.name, name: name, known: all.filter(\.isSelectable).map(\.name).sorted())
                }
                return mailbox
            }
        }
        return MailboxSelection(include: account.include, exclude: account.exclude).choose(from: all)
    }

    /// Syncs mailboxes over an open connection. A mailbox the server refuses to open is
    /// reported and skipped; a lost connection ends the pass (thrown).
    public func sync(
        _ mailboxes: [MailboxInfo], of account: AccountConfig, accountID: Int64, connection: IMAPConnection,
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) async throws(SyncError) -> AccountSyncResult {
        var result = AccountSyncResult(account: account.name)
        for mailbox in mailboxes {
            if shouldStop() { break }
            var syncer = MailboxSyncer(
                engine: self, account: account.name, accountID: accountID, mailbox: mailbox, connection: connection,
                progress: progress, shouldStop: shouldStop)
            do throws(SyncError) {
                result.mailboxes.append(try await syncer.run())
            } catch {
                var failed = syncer.result
                failed.error = error.description
                result.mailboxes.append(failed)
                if let id = syncer.checkpoint?.id { try? store.recordSyncError(error.description, account: accountID, mailbox: id) }
                // A command the server refused concerns this mailbox; anything else ends the pass.
                guard case .imap(.commandFailed) = error else { throw error }
                logger.warning("\(account.name)/\(mailbox.name): \(error)")
            }
        }
        if let plan = refusalAction, plan.settings.action != .none, !shouldStop() {
            let synced = mailboxes.filter { mailbox in result.mailboxes.contains { $0.name == mailbox.name && $0.error == nil } }
            var runner = RefusalActionRunner(engine: self, plan: plan, account: account, accountID: accountID, connection: connection)
            do throws(SyncError) {
                try await runner.run(over: synced)
            } catch {
                // The mailboxes' results stand; the lost connection is the account's error.
                result.error = error
            }
            result.refusals = runner.summary
        }
        result.bytesFetched = connection.bytesFetched
        return result
    }
}

/// The analyzer, made once on first use and shared by every pass.
final class AnalyzerCache: @unchecked Sendable {
    private let lock = NSLock()
    private var analyzer: Analyzer?

    func get(_ make: () throws -> Analyzer) throws -> Analyzer {
        try lock.withLock {
            if let analyzer { return analyzer }
            let made = try make()
            analyzer = made
            return made
        }
    }
}
