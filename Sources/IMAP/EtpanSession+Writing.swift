import CEtpan
import Foundation

/// The commands that change a mailbox: STORE of a keyword, MOVE, COPY, the `\Deleted` + UID
/// EXPUNGE that completes a COPY, CREATE and APPEND. Sync never calls them on its own; only the
/// refusal action (`refusals.action`) and the tests do.
extension EtpanSession {
    /// UID STORE ±FLAGS.SILENT (keyword) (RFC 3501 §6.4.6).
    func uidStoreKeyword(_ keyword: String, uids: UIDSet, adding: Bool) throws(IMAPError) {
        let command = adding ? "add the keyword \(keyword)" : "remove the keyword \(keyword)"
        guard let flags = mr_imap_flag_list_keyword(keyword) else { throw .protocolError(command: command, detail: "out of memory") }
        try uidStore(flags, uids: uids, adding: adding, command: command)
    }

    /// UID STORE +FLAGS.SILENT (\Deleted) of exactly `uids`.
    func uidStoreDeleted(_ uids: UIDSet) throws(IMAPError) {
        let command = "mark moved messages \\Deleted"
        guard let flags = mailimap_flag_list_new_empty() else { throw .protocolError(command: command, detail: "out of memory") }
        let deleted = mailimap_flag_new_deleted()
        guard let deleted, mailimap_flag_list_add(flags, deleted) == Int32(MAILIMAP_NO_ERROR) else {
            if let deleted { mailimap_flag_free(deleted) }
            mailimap_flag_list_free(flags)
            throw .protocolError(command: command, detail: "out of memory")
        }
        try uidStore(flags, uids: uids, adding: true, command: command)
    }

    /// Takes `flags` (freed here in every case).
    private func uidStore(_ flags: UnsafeMutablePointer<mailimap_flag_list>, uids: UIDSet, adding: Bool, command: String) throws(IMAPError) {
        guard let session else {
            mailimap_flag_list_free(flags)
            throw .connectionLost(server: server, during: command)
        }
        let attribute = adding ? mailimap_store_att_flags_new_add_flags_silent(flags) : mailimap_store_att_flags_new_remove_flags_silent(flags)
        guard let attribute else {
            mailimap_flag_list_free(flags)
            throw .protocolError(command: command, detail: "out of memory")
        }
        defer { mailimap_store_att_flags_free(attribute) }
        guard let set = makeSet(uids) else { throw .protocolError(command: command, detail: "out of memory") }
        defer { mailimap_set_free(set) }
        try check(mailimap_uid_store(session, set, attribute), command)
    }

    /// UID MOVE (RFC 6851) with the `COPYUID` the server sends (RFC 4315), if any.
    func uidMove(_ uids: UIDSet, toWireName wireName: String, name: String) throws(IMAPError) -> UIDMapping? {
        try copyOrMove(uids, toWireName: wireName, command: "move messages to \(name)", move: true)
    }

    /// UID COPY (RFC 3501 §6.4.7) with the `COPYUID` the server sends (RFC 4315), if any.
    func uidCopy(_ uids: UIDSet, toWireName wireName: String, name: String) throws(IMAPError) -> UIDMapping? {
        try copyOrMove(uids, toWireName: wireName, command: "copy messages to \(name)", move: false)
    }

    private func copyOrMove(_ uids: UIDSet, toWireName wireName: String, command: String, move: Bool) throws(IMAPError) -> UIDMapping? {
        guard let session else { throw .connectionLost(server: server, during: command) }
        guard let set = makeSet(uids) else { throw .protocolError(command: command, detail: "out of memory") }
        defer { mailimap_set_free(set) }
        var validity: UInt32 = 0
        var sources: UnsafeMutablePointer<mailimap_set>?
        var destinations: UnsafeMutablePointer<mailimap_set>?
        defer {
            if let sources { mailimap_set_free(sources) }
            if let destinations { mailimap_set_free(destinations) }
        }
        let code =
            move
            ? mailimap_uidplus_uid_move(session, set, wireName, &validity, &sources, &destinations)
            : mailimap_uidplus_uid_copy(session, set, wireName, &validity, &sources, &destinations)
        try check(code, command)
        guard let sources, let destinations else { return nil }
        return UIDMapping(
            uidValidity: UIDValidity(validity), sources: EtpanTranslation.orderedUIDs(sources),
            destinations: EtpanTranslation.orderedUIDs(destinations))
    }

    /// UID EXPUNGE (RFC 4315 §2.1) of exactly `uids`: other messages marked `\Deleted` stay.
    func uidExpunge(_ uids: UIDSet) throws(IMAPError) {
        let command = "expunge the moved messages"
        guard let session else { throw .connectionLost(server: server, during: command) }
        guard let set = makeSet(uids) else { throw .protocolError(command: command, detail: "out of memory") }
        defer { mailimap_set_free(set) }
        try check(mailimap_uid_expunge(session, set), command)
    }

    /// CREATE (RFC 3501 §6.3.3).
    func create(wireName: String, name: String) throws(IMAPError) {
        guard let session else { throw .connectionLost(server: server, during: "create the mailbox \(name)") }
        try check(mailimap_create(session, wireName), "create the mailbox \(name)")
    }

    func append(_ message: Data, toWireName wireName: String, name: String, flags: [String]) throws(IMAPError) {
        guard let session else { throw .connectionLost(server: server, during: "add a message to \(name)") }
        let flagList = mailimap_flag_list_new_empty()
        defer { if let flagList { mailimap_flag_list_free(flagList) } }
        for flag in flags {
            let item: UnsafeMutablePointer<mailimap_flag>? =
                switch flag.lowercased() {
                case "\\seen": mailimap_flag_new_seen()
                case "\\flagged": mailimap_flag_new_flagged()
                case "\\answered": mailimap_flag_new_answered()
                case "\\draft": mailimap_flag_new_draft()
                case "\\deleted": mailimap_flag_new_deleted()
                default: mailimap_flag_new_flag_keyword(strdup(flag))
                }
            if let item, let flagList { _ = mailimap_flag_list_add(flagList, item) }
        }
        let code = message.withUnsafeBytes { bytes in
            mailimap_append(session, wireName, flagList, nil, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
        }
        try check(code, "add a message to \(name)")
    }
}
