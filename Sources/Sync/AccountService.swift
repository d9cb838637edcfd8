import Config
import Foundation
import IMAP
import Logging
import ServiceLifecycle

/// The daemon's work for one account: sync everything, then wait on INBOX with IDLE (or poll
/// where the server has no IDLE) and sync what changes, re-checking the other mailboxes every
/// `recheckInterval`. Network failures and server restarts are retried with backoff; a graceful
/// shutdown finishes the batch in hand, logs out and returns.
///
/// `run()` never throws: one account's trouble never stops the others.
public struct AccountService: Service {
    /// The engine that syncs (store, analysis, clock).
    public let engine: SyncEngine
    /// The account this service keeps in step.
    public let account: AccountConfig
    /// Poll and re-check intervals.
    public let settings: DaemonSettings
    /// Called after each pass (the command line regenerates the report from here when the
    /// pass ``AccountSyncResult/changedStore``).
    public let onPass: @Sendable (AccountSyncResult) async -> Void
    /// Longest IDLE before it is renewed (RFC 2177 asks for less than 30 minutes).
    public var idleLimit: Duration = .seconds(25 * 60)

    public init(engine: SyncEngine, account: AccountConfig, settings: DaemonSettings, onPass: @escaping @Sendable (AccountSyncResult) async -> Void = { _ in }) {
        self.engine = engine
        self.account = account
        self.settings = settings
        self.onPass = onPass
    }

    private var logger: Logger {
        var logger = engine.logger
        logger[metadataKey: "account"] = "\(account.name)"
        return logger
    }

    public func run() async {
        var backoff = Backoff(base: .seconds(1), maximum: .seconds(300))
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do throws(SyncError) {
                try await session(backoff: &backoff)
                return
            } catch {
                if let id = try? engine.store.accountID(named: account.name) {
                    try? engine.store.recordSyncError(error.description, account: id)
                }
                // Login and certificate refusals need the person: retry slowly, in case they fix it.
                let delay = error.isTransient ? backoff.next() : backoff.maximum
                logger.error("\(error); trying again in \(delay.components.seconds) s")
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
        }
    }

    /// One connection's life: full pass, then watch until shutdown or failure.
    private func session(backoff: inout Backoff) async throws(SyncError) {
        let connection = try await engine.connect(account)
        do throws(SyncError) {
            let accountID: Int64
            do { accountID = try engine.store.accountID(named: account.name) } catch { throw .store(error) }
            let mailboxes = try await engine.mailboxes(of: account, connection: connection)
            try await pass(mailboxes, accountID: accountID, connection: connection)
            backoff.reset()
            let inbox = mailboxes.first(where: \.isInbox)
            let others = mailboxes.filter { !$0.isInbox }
            let clock = ContinuousClock()
            var lastRecheck = clock.now
            let recheck = Duration.seconds(settings.recheckInterval)
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let untilRecheck = recheck - (clock.now - lastRecheck)
                if let inbox, connection.capabilities.idle {
                    do {
                        _ = try await connection.select(inbox)
                        let wait = max(.seconds(1), min(untilRecheck, idleLimit))
                        let outcome = try await withGracefulShutdownHandler {
                            try await connection.idle(seconds: Int(wait.components.seconds))
                        } onGracefulShutdown: {
                            connection.interruptIdle()
                        }
                        logger.debug("IDLE ended: \(outcome)")
                    } catch let error as IMAPError {
                        throw .imap(error)
                    } catch {
                        throw .imap(.cancelled)
                    }
                } else {
                    let wait = min(.seconds(settings.pollInterval), max(.seconds(1), untilRecheck))
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
                }
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                if let inbox { try await pass([inbox], accountID: accountID, connection: connection) }
                if clock.now - lastRecheck >= recheck {
                    try await pass(inbox == nil ? mailboxes : others, accountID: accountID, connection: connection)
                    lastRecheck = clock.now
                }
            }
            await connection.logout()
            logger.info("logged out")
        } catch {
            await connection.close()
            throw error
        }
    }

    private func pass(_ mailboxes: [MailboxInfo], accountID: Int64, connection: IMAPConnection) async throws(SyncError) {
        guard !mailboxes.isEmpty else { return }
        let result = try await engine.sync(
            mailboxes, of: account, accountID: accountID, connection: connection,
            shouldStop: { Task.isShuttingDownGracefully })
        for mailbox in result.mailboxes where mailbox.new + mailbox.changed + mailbox.expunged + mailbox.linked > 0 || mailbox.error != nil {
            logger.info("\(mailbox.name): \(mailbox.new) new, \(mailbox.linked) already stored, \(mailbox.changed) changed, \(mailbox.expunged) expunged\(mailbox.error.map { "; \($0)" } ?? "")")
        }
        if result.mailboxes.allSatisfy({ $0.new + $0.changed + $0.expunged + $0.linked == 0 }) {
            logger.debug("pass over \(mailboxes.count) mailbox(es): nothing changed")
        }
        let refusals = result.refusals
        if refusals.tagged + refusals.untagged + refusals.moved > 0 {
            logger.info("refused mail: \(refusals.tagged) tagged, \(refusals.untagged) untagged, \(refusals.moved) moved")
        }
        refusals.errors.forEach { logger.error("\($0)") }
        refusals.warnings.forEach { logger.warning("\($0)") }
        await onPass(result)
        // The refusal action lost the connection: reconnect.
        if let error = result.error { throw error }
    }
}

/// Runs one ``AccountService`` per account in a `ServiceGroup` until SIGTERM or SIGINT.
public enum Daemon {
    /// Runs the services until SIGTERM or SIGINT, then waits for each to finish its batch and log out.
    public static func run(services: [AccountService], logger: Logger) async throws {
        let configurations = services.map {
            ServiceGroupConfiguration.ServiceConfiguration(
                service: $0, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore,
                serviceName: "account \($0.account.name)")
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: configurations, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
