import CEtpan
import Foundation

/// libetpan's FETCH structures into the module's Swift values: the one translation boundary.
enum EtpanTranslation {
    static func message(_ attribute: UnsafeMutablePointer<mailimap_msg_att>, bytes: inout Int) -> FetchedMessage {
        var message = FetchedMessage()
        var iterator = mr_clist_begin(attribute.pointee.att_list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let item = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_msg_att_item.self) else { continue }
            switch Int(item.pointee.att_type) {
            case Int(MAILIMAP_MSG_ATT_ITEM_DYNAMIC):
                message.flags = flags(item.pointee.att_data.att_dyn)
            case Int(MAILIMAP_MSG_ATT_ITEM_STATIC):
                guard let value = item.pointee.att_data.att_static else { continue }
                readStatic(value, into: &message, bytes: &bytes)
            case Int(MAILIMAP_MSG_ATT_ITEM_EXTENSION):
                guard let data = item.pointee.att_data.att_extension_data,
                    data.pointee.ext_extension?.pointee.ext_id == Int32(MAILIMAP_EXTENSION_CONDSTORE),
                    data.pointee.ext_type == Int32(MAILIMAP_CONDSTORE_TYPE_FETCH_DATA),
                    let response = data.pointee.ext_data?.assumingMemoryBound(to: mailimap_condstore_fetch_mod_resp.self)
                else { continue }
                message.modSeq = ModSeq(response.pointee.cs_modseq_value)
            default:
                continue
            }
        }
        return message
    }

    private static func readStatic(_ value: UnsafeMutablePointer<mailimap_msg_att_static>, into message: inout FetchedMessage, bytes: inout Int) {
        switch Int(value.pointee.att_type) {
        case Int(MAILIMAP_MSG_ATT_UID):
            message.uid = IMAPUID(value.pointee.att_data.att_uid)
        case Int(MAILIMAP_MSG_ATT_RFC822_SIZE):
            message.size = Int(value.pointee.att_data.att_rfc822_size)
        case Int(MAILIMAP_MSG_ATT_INTERNALDATE):
            message.internalDate = value.pointee.att_data.att_internal_date.flatMap(date)
        case Int(MAILIMAP_MSG_ATT_BODYSTRUCTURE):
            if let body = value.pointee.att_data.att_bodystructure { message.structure = structure(body, section: "") }
        case Int(MAILIMAP_MSG_ATT_BODY_SECTION):
            guard let section = value.pointee.att_data.att_body_section else { return }
            var buffer = [CChar](repeating: 0, count: 128)
            mr_imap_section_describe(section.pointee.sec_section, &buffer, buffer.count)
            let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let data = section.pointee.sec_body_part.map { Data(bytes: $0, count: section.pointee.sec_length) } ?? Data()
            bytes += data.count
            if name == "HEADER" { message.header = data } else { message.sections[name] = data }
        default:
            return
        }
    }

    /// Flags as the server spells them; `\Recent` is session state and is left out.
    static func flags(_ dynamic: UnsafeMutablePointer<mailimap_msg_att_dynamic>?) -> [String] {
        var result: [String] = []
        var iterator = mr_clist_begin(dynamic?.pointee.att_list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let fetch = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_flag_fetch.self),
                fetch.pointee.fl_type == Int32(MAILIMAP_FLAG_FETCH_OTHER), let flag = fetch.pointee.fl_flag,
                let name = flagName(flag)
            else { continue }
            result.append(name)
        }
        return result
    }

    /// A flag as the server spells it (`\Seen`, `$Forwarded`).
    static func flagName(_ flag: UnsafeMutablePointer<mailimap_flag>) -> String? {
        switch Int(flag.pointee.fl_type) {
        case Int(MAILIMAP_FLAG_ANSWERED): MessageFlag.answered
        case Int(MAILIMAP_FLAG_FLAGGED): MessageFlag.flagged
        case Int(MAILIMAP_FLAG_DELETED): MessageFlag.deleted
        case Int(MAILIMAP_FLAG_SEEN): MessageFlag.seen
        case Int(MAILIMAP_FLAG_DRAFT): MessageFlag.draft
        case Int(MAILIMAP_FLAG_KEYWORD): flag.pointee.fl_data.fl_keyword.map { String(cString: $0) }
        case Int(MAILIMAP_FLAG_EXTENSION): flag.pointee.fl_data.fl_extension.map { "\\" + String(cString: $0) }
        default: nil
        }
    }

    /// PERMANENTFLAGS of a SELECT (`\*` for "new keywords can be made"); `nil` when not sent.
    static func permanentFlags(_ list: UnsafeMutablePointer<clist>?) -> [String]? {
        guard let list else { return nil }
        var result: [String] = []
        var iterator = mr_clist_begin(list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let perm = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_flag_perm.self) else { continue }
            if perm.pointee.fl_type == Int32(MAILIMAP_FLAG_PERM_ALL) {
                result.append("\\*")
            } else if let flag = perm.pointee.fl_flag, let name = flagName(flag) {
                result.append(name)
            }
        }
        return result
    }

    /// A libetpan set's UIDs in the order the server wrote them (a `COPYUID` pairs two sets by
    /// position); each range ascending.
    static func orderedUIDs(_ set: UnsafeMutablePointer<mailimap_set>) -> [IMAPUID] {
        var result: [IMAPUID] = []
        var iterator = mr_clist_begin(set.pointee.set_list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let item = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_set_item.self) else { continue }
            let first = item.pointee.set_first
            let last = item.pointee.set_last == 0 ? first : item.pointee.set_last
            guard first != 0 else { continue }
            let range = min(first, last)...max(first, last)
            // A COPYUID set is as large as the request; a larger range is not to be trusted.
            guard range.count <= 1_000_000 else { return [] }
            result += range.map { IMAPUID($0) }
        }
        return result
    }

    /// INTERNALDATE (`dd-Mon-yyyy hh:mm:ss +zzzz`) as an instant.
    static func date(_ value: UnsafeMutablePointer<mailimap_date_time>) -> Date? {
        let time = value.pointee
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        components.year = Int(time.dt_year)
        components.month = Int(time.dt_month)
        components.day = Int(time.dt_day)
        components.hour = Int(time.dt_hour)
        components.minute = Int(time.dt_min)
        components.second = Int(time.dt_sec)
        guard let local = components.date else { return nil }
        let zone = Int(time.dt_zone)
        let offset = (zone < 0 ? -1 : 1) * ((abs(zone) / 100) * 3600 + (abs(zone) % 100) * 60)
        return local.addingTimeInterval(TimeInterval(-offset))
    }

    static func uidSet(_ set: UnsafeMutablePointer<mailimap_set>) -> UIDSet {
        var result = UIDSet()
        var iterator = mr_clist_begin(set.pointee.set_list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let item = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_set_item.self) else { continue }
            let first = item.pointee.set_first
            let last = item.pointee.set_last == 0 ? first : item.pointee.set_last
            result.insert(min(first, last)...max(first, last))
        }
        return result
    }

    // MARK: BODYSTRUCTURE

    /// `section` is the parent's section ("" at the top).
    static func structure(_ body: UnsafeMutablePointer<mailimap_body>, section: String) -> BodyStructure? {
        switch Int(body.pointee.bd_type) {
        case Int(MAILIMAP_BODY_1PART):
            guard let part = body.pointee.bd_data.bd_body_1part else { return nil }
            return single(part, section: section.isEmpty ? "1" : section).map(BodyStructure.single)
        case Int(MAILIMAP_BODY_MPART):
            guard let multipart = body.pointee.bd_data.bd_body_mpart else { return nil }
            var parts: [BodyStructure] = []
            var index = 0
            var iterator = mr_clist_begin(multipart.pointee.bd_list)
            while let node = iterator {
                defer { iterator = mr_clist_next(node) }
                guard let child = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_body.self) else { continue }
                index += 1
                let childSection = section.isEmpty ? "\(index)" : "\(section).\(index)"
                if let structure = structure(child, section: childSection) { parts.append(structure) }
            }
            let subtype = multipart.pointee.bd_media_subtype.map { String(cString: $0).lowercased() } ?? "mixed"
            let parameters = self.parameters(multipart.pointee.bd_ext_mpart?.pointee.bd_parameter)
            return .multipart(subtype: subtype, parameters: parameters, parts: parts, section: section)
        default:
            return nil
        }
    }

    private static func single(_ part: UnsafeMutablePointer<mailimap_body_type_1part>, section: String) -> BodyPart? {
        let type: String
        let subtype: String
        let fields: UnsafeMutablePointer<mailimap_body_fields>?
        switch Int(part.pointee.bd_type) {
        case Int(MAILIMAP_BODY_TYPE_1PART_TEXT):
            guard let text = part.pointee.bd_data.bd_type_text else { return nil }
            type = "text"
            subtype = text.pointee.bd_media_text.map { String(cString: $0).lowercased() } ?? "plain"
            fields = text.pointee.bd_fields
        case Int(MAILIMAP_BODY_TYPE_1PART_MSG):
            guard let message = part.pointee.bd_data.bd_type_msg else { return nil }
            type = "message"
            subtype = "rfc822"
            fields = message.pointee.bd_fields
        case Int(MAILIMAP_BODY_TYPE_1PART_BASIC):
            guard let basic = part.pointee.bd_data.bd_type_basic, let media = basic.pointee.bd_media_basic else { return nil }
            type = mediaType(media)
            subtype = media.pointee.med_subtype.map { String(cString: $0).lowercased() } ?? "octet-stream"
            fields = basic.pointee.bd_fields
        default:
            return nil
        }
        let disposition = part.pointee.bd_ext_1part?.pointee.bd_disposition
        return BodyPart(
            section: section, type: type, subtype: subtype, parameters: parameters(fields?.pointee.bd_parameter),
            encoding: encoding(fields?.pointee.bd_encoding), size: Int(fields?.pointee.bd_size ?? 0),
            disposition: disposition?.pointee.dsp_type.map { String(cString: $0).lowercased() },
            dispositionParameters: parameters(disposition?.pointee.dsp_attributes),
            contentID: fields?.pointee.bd_id.map { String(cString: $0) })
    }

    private static func mediaType(_ media: UnsafeMutablePointer<mailimap_media_basic>) -> String {
        switch Int(media.pointee.med_type) {
        case Int(MAILIMAP_MEDIA_BASIC_APPLICATION): "application"
        case Int(MAILIMAP_MEDIA_BASIC_AUDIO): "audio"
        case Int(MAILIMAP_MEDIA_BASIC_IMAGE): "image"
        case Int(MAILIMAP_MEDIA_BASIC_MESSAGE): "message"
        case Int(MAILIMAP_MEDIA_BASIC_VIDEO): "video"
        default: media.pointee.med_basic_type.map { String(cString: $0).lowercased() } ?? "application"
        }
    }

    private static func encoding(_ value: UnsafeMutablePointer<mailimap_body_fld_enc>?) -> String {
        guard let value else { return "7bit" }
        switch Int(value.pointee.enc_type) {
        case Int(MAILIMAP_BODY_FLD_ENC_7BIT): return "7bit"
        case Int(MAILIMAP_BODY_FLD_ENC_8BIT): return "8bit"
        case Int(MAILIMAP_BODY_FLD_ENC_BINARY): return "binary"
        case Int(MAILIMAP_BODY_FLD_ENC_BASE64): return "base64"
        case Int(MAILIMAP_BODY_FLD_ENC_QUOTED_PRINTABLE): return "quoted-printable"
        default: return value.pointee.enc_value.map { String(cString: $0).lowercased() } ?? "7bit"
        }
    }

    /// Parameters with lowercased names; values as sent.
    private static func parameters(_ list: UnsafeMutablePointer<mailimap_body_fld_param>?) -> [String: String] {
        var result: [String: String] = [:]
        var iterator = mr_clist_begin(list?.pointee.pa_list)
        while let node = iterator {
            defer { iterator = mr_clist_next(node) }
            guard let parameter = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_single_body_fld_param.self),
                let name = parameter.pointee.pa_name, let value = parameter.pointee.pa_value
            else { continue }
            result[String(cString: name).lowercased()] = String(decoding: Data(bytes: value, count: strlen(value)), as: UTF8.self)
        }
        return result
    }
}
