import CEtpan
import Dispatch
import Foundation
import Logging
import MailroomCore

/// One connection to one IMAP server, usable from async code.
///
/// libetpan blocks on every call, so the session lives on its own serial queue (never on the
/// cooperative pool) and each method hops there and back. Calls are serialised: one command
/// at a time, in order. After a lost connection every call fails; open a new connection.
public final class IMAPConnection: @unchecked Sendable {
    // `etpan` is touched only on `queue`; `state` only under `lock`.
    /// The server this connection talks to.
    public let endpoint: IMAPEndpoint
    private let queue: DispatchQueue
    private let etpan: EtpanSession
    private let verifier: CertificateVerifier
    private let logger: Logger
    private let lock = NSLock()
    private var state = State()

    private struct State {
        var capabilities = Capabilities([])
        var bytesFetched = 0
        var closed = false
    }

    /// - Parameters:
    ///   - timeout: how long a command may wait for the server before the connection counts as lost.
    ///   - now: the clock certificate validity is checked against.
    public init(endpoint: IMAPEndpoint, timeout: Duration = .seconds(60), logger: Logger, now: @escaping @Sendable () -> Date) {
        self.endpoint = endpoint
        self.logger = logger
        queue = DispatchQueue(label: "mailroom.imap.\(endpoint.host)")
        etpan = EtpanSession(endpoint: endpoint, timeoutSeconds: Int(timeout.components.seconds))
        verifier = CertificateVerifier(trust: endpoint.trust, now: now)
    }

    deinit {
        let etpan = self.etpan
        queue.async { etpan.close() }
    }

    /// What the server said it can do after login.
    public var capabilities: Capabilities { lock.withLock { state.capabilities } }

    /// Octets of message data received so far (headers and body sections).
    public var bytesFetched: Int { lock.withLock { state.bytesFetched } }

    /// Runs `body` on the session's queue and awaits it.
    func run<T: Sendable>(_ body: @escaping @Sendable (EtpanSession) throws(IMAPError) -> T) async throws(IMAPError) -> T {
        let etpan = self.etpan
        let result: Result<T, IMAPError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(IMAPError) {
                    continuation.resume(returning: .success(try body(etpan)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    // MARK: Session

    /// Connects, checks the certificate, logs in, reads the capabilities and enables QRESYNC
    /// (else CONDSTORE) when the server offers it. No credential is sent before the
    /// certificate is accepted.
    @discardableResult
    public func open(credentials: IMAPCredentials) async throws(IMAPError) -> Capabilities {
        if endpoint.security == .plain && !HostName.isLoopback(endpoint.host) {
            throw .refused("cannot connect to \(endpoint) without TLS: plain connections are allowed only to this machine (localhost, 127.0.0.1); use security: tls or starttls")
        }
        logger.debug("connecting to \(endpoint) (\(endpoint.security.rawValue))")
        let chain = try await run { session throws(IMAPError) in
            try session.open()
            return session.certificateChain()
        }
        if endpoint.security != .plain {
            try await verifier.verify(chain: chain, host: endpoint.host, server: endpoint.description)
        }
        try await run { session throws(IMAPError) in try session.login(credentials) }
        logger.debug("logged in to \(endpoint) as \(credentials.user)")
        var capabilities = try await run { session throws(IMAPError) in try session.capability() }
        if capabilities.enable && (capabilities.qresync || capabilities.condstore) {
            let wanted = capabilities.qresync ? ["QRESYNC"] : ["CONDSTORE"]
            let enabled = try await run { session throws(IMAPError) in try session.enable(wanted) }
            if !enabled.contains(where: { $0.uppercased() == wanted[0] }) {
                logger.debug("the server did not enable \(wanted[0]); going without it")
                capabilities = Capabilities(capabilities.names.subtracting(["QRESYNC"]))
            }
        }
        let final = capabilities
        lock.withLock { state.capabilities = final }
        return final
    }

    /// Logs out politely, then closes the connection. Errors are ignored: the connection is
    /// going away either way.
    public func logout() async {
        _ = try? await run { session throws(IMAPError) in
            session.logout()
            session.close()
        }
        lock.withLock { state.closed = true }
    }

    /// Closes the connection without a word to the server.
    public func close() async {
        _ = try? await run { session throws(IMAPError) in session.close() }
        lock.withLock { state.closed = true }
    }

    // MARK: Mailboxes

    /// Every mailbox, with its special use (RFC 6154) and decoded name.
    public func listMailboxes() async throws(IMAPError) -> [MailboxInfo] {
        try await run { session throws(IMAPError) in try session.list() }
    }

    /// SELECT the mailbox (with CONDSTORE when the server has it).
    public func select(_ mailbox: MailboxInfo) async throws(IMAPError) -> SelectedMailbox {
        let condstore = capabilities.condstore
        return try await run { session throws(IMAPError) in
            try session.select(wireName: mailbox.wireName, name: mailbox.name, condstore: condstore)
        }
    }

    // MARK: Fetching

    /// UIDs of the messages with a UID greater than `uid` (`UID SEARCH UID n+1:*`).
    public func uids(after uid: IMAPUID) async throws(IMAPError) -> [IMAPUID] {
        let start = uid.rawValue == .max ? uid.rawValue : uid.rawValue + 1
        let found = try await run { session throws(IMAPError) in
            try session.uidSearch(UIDSet(start...start), openEnd: true, command: "list new messages")
        }
        // `n:*` always matches the last message, even when its UID is below n.
        return found.filter { $0 > uid }.sorted()
    }

    /// UIDs that still exist among `uids` (`UID SEARCH UID set`).
    public func existing(_ uids: UIDSet) async throws(IMAPError) -> [IMAPUID] {
        guard !uids.isEmpty else { return [] }
        return try await run { session throws(IMAPError) in try session.uidSearch(uids, command: "list messages") }
    }

    /// UID, FLAGS, RFC822.SIZE, INTERNALDATE, BODYSTRUCTURE and `BODY.PEEK[HEADER]` of `uids`
    /// (and MODSEQ with CONDSTORE), in ascending UID order. With `headerLimit`, at most that
    /// many octets of each header: a longer one comes back cut (`headerCut`), for `headers(_:)`
    /// to fetch whole when it is needed, so a run of huge headers never fills memory at once.
    public func summaries(_ uids: UIDSet, headerLimit: Int? = nil) async throws(IMAPError) -> [MessageSummary] {
        guard !uids.isEmpty else { return [] }
        var request = FetchRequest()
        request.flags = true
        request.size = true
        request.internalDate = true
        request.structure = true
        request.header = true
        request.headerLimit = headerLimit
        request.modSeq = capabilities.condstore
        let fetched = try await fetch(uids, request: request, command: "fetch message headers")
        return fetched.compactMap { message in
            guard let uid = message.uid, uids.contains(uid), let header = message.header else { return nil }
            var summary = MessageSummary(
                uid: uid, flags: message.flags ?? [], size: message.size ?? 0, internalDate: message.internalDate,
                structure: message.structure, header: header, modSeq: message.modSeq)
            if let headerLimit { summary.headerCut = Self.isCut(header, limit: headerLimit) }
            return summary
        }.sorted { $0.uid < $1.uid }
    }

    /// The whole `BODY.PEEK[HEADER]` of `uids`.
    public func headers(_ uids: UIDSet) async throws(IMAPError) -> [IMAPUID: Data] {
        guard !uids.isEmpty else { return [:] }
        var request = FetchRequest()
        request.header = true
        let fetched = try await fetch(uids, request: request, command: "fetch long headers")
        var result: [IMAPUID: Data] = [:]
        for message in fetched {
            guard let uid = message.uid, uids.contains(uid), let header = message.header else { continue }
            result[uid] = header
        }
        return result
    }

    /// A header fetched with a limit is whole when shorter than the limit, or when it ends
    /// where a header block ends (its blank line).
    static func isCut(_ header: Data, limit: Int) -> Bool {
        guard header.count >= limit else { return false }
        return !(header.suffix(4).elementsEqual("\r\n\r\n".utf8) || header.suffix(2).elementsEqual("\n\n".utf8))
    }

    /// `BODY.PEEK[section]<0.limit>` for each section of each UID: never sets `\Seen`.
    public func sections(_ sections: [String], of uids: UIDSet, limit: Int) async throws(IMAPError) -> [IMAPUID: [String: Data]] {
        guard !uids.isEmpty, !sections.isEmpty else { return [:] }
        var request = FetchRequest()
        request.sections = sections
        request.sectionLimit = limit
        let fetched = try await fetch(uids, request: request, command: "fetch message text")
        var result: [IMAPUID: [String: Data]] = [:]
        for message in fetched {
            guard let uid = message.uid, uids.contains(uid) else { continue }
            result[uid, default: [:]].merge(message.sections) { $1 }
        }
        return result
    }

    /// Flags of `uids`; with `changedSince`, only of messages changed since then (CONDSTORE),
    /// and with `vanished` also the UIDs expunged since then (QRESYNC).
    public func flags(of uids: UIDSet, changedSince: ModSeq? = nil, vanished: Bool = false) async throws(IMAPError) -> MailboxChanges {
        guard !uids.isEmpty else { return MailboxChanges() }
        var flagsRequest = FetchRequest()
        flagsRequest.flags = true
        flagsRequest.modSeq = changedSince != nil
        let request = flagsRequest
        let useVanished = vanished && changedSince != nil && capabilities.qresync
        let (messages, gone, bytes) = try await run { session throws(IMAPError) in
            try session.uidFetch(uids, request: request, changedSince: changedSince, vanished: useVanished, command: "fetch flag changes")
        }
        lock.withLock { state.bytesFetched += bytes }
        var changes = MailboxChanges(vanished: gone)
        for message in messages {
            guard let uid = message.uid, let flags = message.flags, uids.contains(uid) else { continue }
            changes.flags[uid] = flags
        }
        return changes
    }

    private func fetch(_ uids: UIDSet, request: FetchRequest, command: String) async throws(IMAPError) -> [FetchedMessage] {
        let (messages, _, bytes) = try await run { session throws(IMAPError) in
            try session.uidFetch(uids, request: request, command: command)
        }
        lock.withLock { state.bytesFetched += bytes }
        return messages
    }

    // MARK: Idle

    /// IDLE (RFC 2177) on the selected mailbox until the server says something, `seconds`
    /// pass, ``interruptIdle()`` is called, or the task is cancelled.
    public func idle(seconds: Int) async throws(IMAPError) -> IdleOutcome {
        let result: Result<IdleOutcome, IMAPError> = await withTaskCancellationHandler {
            do throws(IMAPError) {
                return .success(try await run { session throws(IMAPError) in try session.idle(seconds: seconds) })
            } catch {
                return .failure(error)
            }
        } onCancel: {
            interruptIdle()
        }
        return try result.get()
    }

    /// Wakes an IDLE wait from any thread. A call with no wait in progress makes the next wait
    /// return at once.
    public func interruptIdle() { etpan.interruptIdle() }
}
