import CEtpan
import Foundation

/// One libetpan IMAP session. Every call blocks; the owner (``IMAPConnection``) makes them on
/// one serial queue only, never two at once (hence `@unchecked Sendable`).
///
/// This file and `EtpanSession+*.swift` are the only users of libetpan's IMAP API.
final class EtpanSession: @unchecked Sendable {
    let endpoint: IMAPEndpoint
    private(set) var session: UnsafeMutablePointer<mailimap>?
    /// Whether `mailstream_setup_idle` ran on the current stream.
    private var idleReady = false
    /// The stream IDLE waits on, for ``interruptIdle()`` from other threads (under `idleLock`).
    private var idleStream: UnsafeMutablePointer<mailstream>?
    /// An interrupt that came before the first IDLE (under `idleLock`).
    private var interruptPending = false
    private let idleLock = NSLock()

    init(endpoint: IMAPEndpoint, timeoutSeconds: Int) {
        Self.ignoreBrokenPipes
        self.endpoint = endpoint
        session = mailimap_new(0, nil)
        if let session { mailimap_set_timeout(session, time_t(timeoutSeconds)) }
    }

    deinit { close() }

    /// libetpan writes to its socket without `MSG_NOSIGNAL`: a server that closes the connection
    /// while a command is sent would kill the process with SIGPIPE. Ignored once, process-wide,
    /// before the first session, so the write fails with EPIPE and becomes an IMAP error.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    var server: String { endpoint.description }

    /// The last response text the server sent (for error messages).
    var responseText: String? {
        guard let text = session?.pointee.imap_response else { return nil }
        return String(cString: text)
    }

    func check(_ code: Int32, _ command: String) throws(IMAPError) {
        let result = ResultCode(code)
        guard !result.isSuccess else { return }
        throw result.error(command: command, server: server, response: responseText)
    }

    // MARK: Connecting

    /// Opens the TCP connection and, for `tls` and `starttls`, the TLS session; reads the greeting.
    func open() throws(IMAPError) {
        guard let session else { throw .protocolError(command: "connect", detail: "out of memory") }
        let port = UInt16(clamping: endpoint.port)
        switch endpoint.security {
        case .tls:
            try check(mailimap_ssl_connect(session, endpoint.host, port), "connect")
        case .plain, .starttls:
            try check(mailimap_socket_connect(session, endpoint.host, port), "connect")
            if endpoint.security == .starttls {
                let capabilities = try capability()
                guard capabilities.startTLS else {
                    throw .tlsFailed(server: server, reason: "the server does not offer STARTTLS; use security: tls or another port")
                }
                try check(mailimap_socket_starttls(session), "start TLS")
            }
        }
    }

    /// The server's certificate chain as DER blobs, leaf first; empty without TLS.
    func certificateChain() -> [Data] {
        guard let stream = session?.pointee.imap_stream, let chain = mailstream_get_certificate_chain(stream) else { return [] }
        defer { mailstream_certificate_chain_free(chain) }
        var result: [Data] = []
        for index in 0..<mr_carray_count(chain) {
            guard let raw = mr_carray_get(chain, index) else { continue }
            let string = raw.assumingMemoryBound(to: MMAPString.self)
            guard let bytes = string.pointee.str else { continue }
            result.append(Data(bytes: bytes, count: string.pointee.len))
        }
        return result
    }

    func login(_ credentials: IMAPCredentials) throws(IMAPError) {
        guard let session else { throw .connectionLost(server: server, during: "log in") }
        let code = mailimap_login(session, credentials.user, credentials.password)
        if code == Int32(MAILIMAP_ERROR_LOGIN) {
            throw .loginRefused(server: server, user: credentials.user, response: ResultCode.clean(responseText))
        }
        try check(code, "log in as \(credentials.user)")
    }

    func capability() throws(IMAPError) -> Capabilities {
        guard let session else { throw .connectionLost(server: server, during: "ask for capabilities") }
        var data: UnsafeMutablePointer<mailimap_capability_data>?
        try check(mailimap_capability(session, &data), "ask for capabilities")
        defer { if let data { mailimap_capability_data_free(data) } }
        var names: [String] = []
        var iterator = mr_clist_begin(data?.pointee.cap_list)
        while let item = iterator {
            defer { iterator = mr_clist_next(item) }
            guard let capability = mr_clist_content(item)?.assumingMemoryBound(to: mailimap_capability.self) else { continue }
            if capability.pointee.cap_type == Int32(MAILIMAP_CAPABILITY_AUTH_TYPE), let auth = capability.pointee.cap_data.cap_auth_type {
                names.append("AUTH=" + String(cString: auth))
            } else if let name = capability.pointee.cap_data.cap_name {
                names.append(String(cString: name))
            }
        }
        return Capabilities(names)
    }

    /// ENABLE (RFC 5161); returns what the server enabled.
    func enable(_ names: [String]) throws(IMAPError) -> [String] {
        guard let session else { throw .connectionLost(server: server, during: "enable \(names.joined(separator: " "))") }
        let copies = names.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        let request = pointers.withUnsafeBufferPointer { mr_imap_capability_data($0.baseAddress, Int32($0.count)) }
        defer { if let request { mailimap_capability_data_free(request) } }
        var result: UnsafeMutablePointer<mailimap_capability_data>?
        try check(mailimap_enable(session, request, &result), "enable \(names.joined(separator: " "))")
        defer { if let result { mailimap_capability_data_free(result) } }
        var enabled: [String] = []
        var iterator = mr_clist_begin(result?.pointee.cap_list)
        while let item = iterator {
            defer { iterator = mr_clist_next(item) }
            if let capability = mr_clist_content(item)?.assumingMemoryBound(to: mailimap_capability.self),
                let name = capability.pointee.cap_data.cap_name
            {
                enabled.append(String(cString: name))
            }
        }
        return enabled
    }

    func logout() {
        guard let session, session.pointee.imap_stream != nil else { return }
        _ = mailimap_logout(session)
    }

    /// Frees the session (closing the connection if open).
    func close() {
        guard let session else { return }
        idleLock.withLock { idleStream = nil }
        if idleReady, let stream = session.pointee.imap_stream {
            mailstream_unsetup_idle(stream)
            idleReady = false
        }
        mailimap_free(session)
        self.session = nil
    }

    // MARK: Mailboxes

    /// LIST "" "*": every mailbox, names decoded from modified UTF-7.
    func list() throws(IMAPError) -> [MailboxInfo] {
        guard let session else { throw .connectionLost(server: server, during: "list mailboxes") }
        var result: UnsafeMutablePointer<clist>?
        try check(mailimap_list(session, "", "*", &result), "list mailboxes")
        defer { if let result { mailimap_list_result_free(result) } }
        var mailboxes: [MailboxInfo] = []
        var iterator = mr_clist_begin(result)
        while let item = iterator {
            defer { iterator = mr_clist_next(item) }
            guard let entry = mr_clist_content(item)?.assumingMemoryBound(to: mailimap_mailbox_list.self),
                let rawName = entry.pointee.mb_name
            else { continue }
            let wireName = String(cString: rawName)
            var attributes: Set<String> = []
            if let flags = entry.pointee.mb_flag {
                if flags.pointee.mbf_type == Int32(MAILIMAP_MBX_LIST_FLAGS_SFLAG) {
                    switch Int(flags.pointee.mbf_sflag) {
                    case Int(MAILIMAP_MBX_LIST_SFLAG_NOSELECT): attributes.insert("Noselect")
                    case Int(MAILIMAP_MBX_LIST_SFLAG_MARKED): attributes.insert("Marked")
                    case Int(MAILIMAP_MBX_LIST_SFLAG_UNMARKED): attributes.insert("Unmarked")
                    default: break
                    }
                }
                var flagIterator = mr_clist_begin(flags.pointee.mbf_oflags)
                while let flagItem = flagIterator {
                    defer { flagIterator = mr_clist_next(flagItem) }
                    guard let flag = mr_clist_content(flagItem)?.assumingMemoryBound(to: mailimap_mbx_list_oflag.self) else { continue }
                    if flag.pointee.of_type == Int32(MAILIMAP_MBX_LIST_OFLAG_NOINFERIORS) {
                        attributes.insert("Noinferiors")
                    } else if let text = flag.pointee.of_flag_ext {
                        attributes.insert(String(cString: text))
                    }
                }
            }
            let delimiter = entry.pointee.mb_delimiter == 0 ? nil : Character(UnicodeScalar(UInt8(bitPattern: entry.pointee.mb_delimiter)))
            mailboxes.append(MailboxInfo(name: ModifiedUTF7.decode(wireName), wireName: wireName, delimiter: delimiter, attributes: attributes))
        }
        return mailboxes
    }

    /// SELECT, with `(CONDSTORE)` when asked (RFC 7162 §3.1.8).
    func select(wireName: String, name: String, condstore: Bool) throws(IMAPError) -> SelectedMailbox {
        guard let session else { throw .connectionLost(server: server, during: "open \(name)") }
        var modSeq: UInt64 = 0
        if condstore {
            try check(mailimap_select_condstore(session, wireName, &modSeq), "open the mailbox \(name)")
        } else {
            try check(mailimap_select(session, wireName), "open the mailbox \(name)")
        }
        guard let info = session.pointee.imap_selection_info else {
            throw .protocolError(command: "open the mailbox \(name)", detail: "no selection information")
        }
        guard info.pointee.sel_uidvalidity != 0 else {
            throw .protocolError(command: "open the mailbox \(name)", detail: "the server sent no UIDVALIDITY")
        }
        return SelectedMailbox(
            name: name, uidValidity: UIDValidity(info.pointee.sel_uidvalidity),
            uidNext: info.pointee.sel_uidnext == 0 ? nil : IMAPUID(info.pointee.sel_uidnext),
            highestModSeq: modSeq == 0 ? nil : ModSeq(modSeq), exists: Int(info.pointee.sel_exists),
            permanentFlags: EtpanTranslation.permanentFlags(info.pointee.sel_perm_flags))
    }

    // MARK: Idle

    /// Starts IDLE (RFC 2177) and waits up to `seconds` for the server to say something.
    func idle(seconds: Int) throws(IMAPError) -> IdleOutcome {
        guard let session, let stream = session.pointee.imap_stream else { throw .connectionLost(server: server, during: "wait for new mail") }
        if !idleReady {
            guard mailstream_setup_idle(stream) == 0 else {
                throw .protocolError(command: "wait for new mail", detail: "cannot set up IDLE")
            }
            idleReady = true
            let pending = idleLock.withLock {
                idleStream = stream
                defer { interruptPending = false }
                return interruptPending
            }
            if pending { mailstream_interrupt_idle(stream) }
        }
        try check(mailimap_idle(session), "wait for new mail (IDLE)")
        let waited = mailstream_wait_idle(stream, Int32(clamping: seconds))
        try check(mailimap_idle_done(session), "end IDLE")
        switch Int(waited) {
        case Int(MAILSTREAM_IDLE_HASDATA): return .changed
        case Int(MAILSTREAM_IDLE_TIMEOUT): return .timedOut
        case Int(MAILSTREAM_IDLE_INTERRUPTED), Int(MAILSTREAM_IDLE_CANCELLED): return .interrupted
        default: throw .connectionLost(server: server, during: "wait for new mail")
        }
    }

    /// Wakes a wait in ``idle(seconds:)``; safe from any thread. With no wait in progress,
    /// the next wait returns at once.
    func interruptIdle() {
        idleLock.withLock {
            if let idleStream { mailstream_interrupt_idle(idleStream) } else { interruptPending = true }
        }
    }

    /// A libetpan set from UIDs; `*` (open end) is written as 0.
    func makeSet(_ uids: UIDSet, openEnd: Bool = false) -> UnsafeMutablePointer<mailimap_set>? {
        guard let set = mailimap_set_new_empty() else { return nil }
        for (index, range) in uids.ranges.enumerated() {
            let last = openEnd && index == uids.ranges.count - 1 ? 0 : range.upperBound
            _ = mailimap_set_add_interval(set, range.lowerBound, last)
        }
        return set
    }
}
