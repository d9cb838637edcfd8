import CEtpan
import Foundation

/// What to ask for in a UID FETCH (RFC 3501 §6.4.5).
struct FetchRequest {
    var flags = false
    var size = false
    var internalDate = false
    var structure = false
    var header = false
    /// At most this many octets of the header (`BODY.PEEK[HEADER]<0.limit>`); `nil` for all of it.
    var headerLimit: Int?
    var modSeq = false
    /// Body sections (`1.2`, `TEXT`), always fetched with `BODY.PEEK` so nothing is marked `\Seen`.
    var sections: [String] = []
    /// At most this many octets of each section (`<0.limit>`); `nil` for all of it.
    var sectionLimit: Int?
}

/// One FETCH response, translated.
struct FetchedMessage {
    var uid: IMAPUID?
    var flags: [String]?
    var size: Int?
    var internalDate: Date?
    var structure: BodyStructure?
    var header: Data?
    var sections: [String: Data] = [:]
    var modSeq: ModSeq?
}

extension EtpanSession {
    /// UID FETCH of `uids` (`openEnd`: the last range ends at `*`), optionally with
    /// `CHANGEDSINCE` (RFC 7162 §3.1.4) and `VANISHED` (RFC 7162 §3.2.6).
    func uidFetch(
        _ uids: UIDSet, openEnd: Bool = false, request: FetchRequest, changedSince: ModSeq? = nil, vanished: Bool = false,
        command: String
    ) throws(IMAPError) -> (messages: [FetchedMessage], vanished: UIDSet, bytes: Int) {
        guard let session else { throw .connectionLost(server: server, during: command) }
        guard let set = makeSet(uids, openEnd: openEnd) else { throw .protocolError(command: command, detail: "out of memory") }
        defer { mailimap_set_free(set) }
        guard let fetchType = makeFetchType(request) else { throw .protocolError(command: command, detail: "bad fetch request") }
        defer { mailimap_fetch_type_free(fetchType) }

        var list: UnsafeMutablePointer<clist>?
        var vanishedData: UnsafeMutablePointer<mailimap_qresync_vanished>?
        defer {
            if let list { mailimap_fetch_list_free(list) }
            if let vanishedData { mailimap_qresync_vanished_free(vanishedData) }
        }
        let code: Int32
        if vanished, let changedSince {
            code = mailimap_uid_fetch_qresync(session, set, fetchType, changedSince.rawValue, &list, &vanishedData)
        } else if let changedSince {
            code = mailimap_uid_fetch_changedsince(session, set, fetchType, changedSince.rawValue, &list)
        } else {
            code = mailimap_uid_fetch(session, set, fetchType, &list)
        }
        try check(code, command)

        var messages: [FetchedMessage] = []
        var bytes = 0
        var iterator = mr_clist_begin(list)
        while let item = iterator {
            defer { iterator = mr_clist_next(item) }
            guard let attribute = mr_clist_content(item)?.assumingMemoryBound(to: mailimap_msg_att.self) else { continue }
            let message = EtpanTranslation.message(attribute, bytes: &bytes)
            messages.append(message)
        }
        var vanishedUIDs = UIDSet()
        if let known = vanishedData?.pointee.qr_known_uids {
            vanishedUIDs = EtpanTranslation.uidSet(known)
        }
        return (messages, vanishedUIDs, bytes)
    }

    /// UID SEARCH UID `uids`: the UIDs that exist among them (RFC 3501 §6.4.4).
    func uidSearch(_ uids: UIDSet, openEnd: Bool = false, command: String) throws(IMAPError) -> [IMAPUID] {
        guard let session else { throw .connectionLost(server: server, during: command) }
        guard let set = makeSet(uids, openEnd: openEnd), let key = mailimap_search_key_new_uid(set) else {
            throw .protocolError(command: command, detail: "out of memory")
        }
        defer { mailimap_search_key_free(key) }
        var result: UnsafeMutablePointer<clist>?
        try check(mailimap_uid_search(session, nil, key, &result), command)
        defer { if let result { mailimap_search_result_free(result) } }
        var found: [IMAPUID] = []
        var iterator = mr_clist_begin(result)
        while let item = iterator {
            defer { iterator = mr_clist_next(item) }
            if let value = mr_clist_content(item)?.assumingMemoryBound(to: UInt32.self) { found.append(IMAPUID(value.pointee)) }
        }
        return found
    }

    private func makeFetchType(_ request: FetchRequest) -> UnsafeMutablePointer<mailimap_fetch_type>? {
        guard let type = mailimap_fetch_type_new_fetch_att_list_empty() else { return nil }
        var attributes: [UnsafeMutablePointer<mailimap_fetch_att>?] = [mailimap_fetch_att_new_uid()]
        if request.flags { attributes.append(mailimap_fetch_att_new_flags()) }
        if request.size { attributes.append(mailimap_fetch_att_new_rfc822_size()) }
        if request.internalDate { attributes.append(mailimap_fetch_att_new_internaldate()) }
        if request.structure { attributes.append(mailimap_fetch_att_new_bodystructure()) }
        if request.modSeq { attributes.append(mailimap_fetch_att_new_modseq()) }
        if request.header {
            if let limit = request.headerLimit {
                attributes.append(mailimap_fetch_att_new_body_peek_section_partial(mailimap_section_new_header(), 0, UInt32(clamping: limit)))
            } else {
                attributes.append(mailimap_fetch_att_new_body_peek_section(mailimap_section_new_header()))
            }
        }
        for section in request.sections {
            guard let spec = mr_imap_section_new(section) else { continue }
            if let limit = request.sectionLimit {
                attributes.append(mailimap_fetch_att_new_body_peek_section_partial(spec, 0, UInt32(clamping: limit)))
            } else {
                attributes.append(mailimap_fetch_att_new_body_peek_section(spec))
            }
        }
        for attribute in attributes {
            guard let attribute else { continue }
            if mailimap_fetch_type_new_fetch_att_list_add(type, attribute) != Int32(MAILIMAP_NO_ERROR) {
                mailimap_fetch_att_free(attribute)
            }
        }
        return type
    }
}
