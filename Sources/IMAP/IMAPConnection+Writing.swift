import Foundation

/// The commands that change a mailbox. A sync never changes one; only the optional refusal
/// action of the config (`refusals.action`: a keyword, or a move) and the tests call these.
/// Nothing here deletes a message that was not first copied elsewhere.
extension IMAPConnection {
    /// Adds a keyword (`$MailroomRefused`) to messages of the selected mailbox, silently
    /// (`UID STORE +FLAGS.SILENT`, RFC 3501 §6.4.6).
    public func addKeyword(_ keyword: String, to uids: UIDSet) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try await run { session throws(IMAPError) in try session.uidStoreKeyword(keyword, uids: uids, adding: true) }
    }

    /// Removes a keyword from messages of the selected mailbox (`UID STORE -FLAGS.SILENT`).
    public func removeKeyword(_ keyword: String, from uids: UIDSet) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try await run { session throws(IMAPError) in try session.uidStoreKeyword(keyword, uids: uids, adding: false) }
    }

    /// Moves messages of the selected mailbox to another with UID MOVE (RFC 6851); where they
    /// went, when the server says (`COPYUID`, RFC 4315). Never deletes.
    @discardableResult
    public func move(_ uids: UIDSet, to mailbox: MailboxInfo) async throws(IMAPError) -> UIDMapping? {
        guard !uids.isEmpty else { return nil }
        guard capabilities.move else { throw .refused("cannot move messages: the server does not offer MOVE") }
        return try await run { session throws(IMAPError) in try session.uidMove(uids, toWireName: mailbox.wireName, name: mailbox.name) }
    }

    /// Copies messages of the selected mailbox to another (UID COPY); where they went, when
    /// the server says (`COPYUID`, RFC 4315).
    public func copy(_ uids: UIDSet, to mailbox: MailboxInfo) async throws(IMAPError) -> UIDMapping? {
        guard !uids.isEmpty else { return nil }
        return try await run { session throws(IMAPError) in try session.uidCopy(uids, toWireName: mailbox.wireName, name: mailbox.name) }
    }

    /// Completes a move made by ``copy(_:to:)`` on a server without MOVE: marks exactly the
    /// copied UIDs `\Deleted` and expunges exactly them (UID EXPUNGE, RFC 4315 §2.1), so no
    /// other message marked `\Deleted` is touched. Refused without UIDPLUS (a plain EXPUNGE
    /// would remove every `\Deleted` message of the mailbox).
    public func removeCopied(_ mapping: UIDMapping) async throws(IMAPError) {
        let uids = mapping.sources
        guard !uids.isEmpty else { return }
        guard capabilities.uidPlus else { throw .refused("cannot remove moved messages: the server does not offer UIDPLUS (UID EXPUNGE)") }
        try await run { session throws(IMAPError) in
            try session.uidStoreDeleted(uids)
            try session.uidExpunge(uids)
        }
    }

    /// Creates a mailbox (named as people read it).
    public func createMailbox(_ name: String) async throws(IMAPError) {
        let wireName = ModifiedUTF7.encode(name)
        try await run { session throws(IMAPError) in try session.create(wireName: wireName, name: name) }
    }

    /// APPEND a message to a mailbox (named as people read it).
    public func append(_ message: Data, to mailbox: String, flags: [String] = []) async throws(IMAPError) {
        let wireName = ModifiedUTF7.encode(mailbox)
        try await run { session throws(IMAPError) in try session.append(message, toWireName: wireName, name: mailbox, flags: flags) }
    }
}
