extension MessageParser {
    /// Decodes every field into ``Message/headers`` and fills the typed header properties.
    static func readHeaders(_ fields: [RawHeaderField], into message: inout Message, log: inout WarningLog) {
        var sawDate = false
        message.headers.reserveCapacity(fields.count)
        for field in fields {
            let raw = HeaderText.string(field.value, field: field.name, log: &log)
            let decoded = EncodedWords.decode(raw, log: &log)
            message.headers.append(HeaderField(name: field.name, value: decoded))

            switch field.name.lowercased() {
            case "subject":
                if message.subject == nil { message.subject = decoded }
            case "from":
                if message.from.isEmpty { message.from = AddressParser.parse(raw, field: field.name, log: &log) }
            case "to":
                message.to += AddressParser.parse(raw, field: field.name, log: &log)
            case "cc":
                message.cc += AddressParser.parse(raw, field: field.name, log: &log)
            case "reply-to":
                if message.replyTo.isEmpty { message.replyTo = AddressParser.parse(raw, field: field.name, log: &log) }
            case "sender":
                if message.sender == nil { message.sender = AddressParser.parse(raw, field: field.name, log: &log).first }
            case "return-path":
                if message.returnPath == nil { message.returnPath = returnPath(raw) }
            case "date":
                guard !sawDate else { continue }
                sawDate = true
                readDate(raw, into: &message, log: &log)
            case "message-id":
                if message.messageID == nil { message.messageID = StructuredFields.messageID(raw) }
            case "in-reply-to":
                if message.inReplyTo.isEmpty { message.inReplyTo = StructuredFields.messageIDList(raw) }
            case "references":
                if message.references.isEmpty { message.references = StructuredFields.messageIDList(raw) }
            case "list-id":
                if message.list.id == nil {
                    let listID = StructuredFields.listID(raw, log: &log)
                    message.list.id = listID.id
                    message.list.name = listID.name
                }
            case "list-unsubscribe":
                if message.list.unsubscribe.isEmpty { message.list.unsubscribe = StructuredFields.listUnsubscribe(raw) }
            case "list-unsubscribe-post":
                if message.list.unsubscribePost == nil { message.list.unsubscribePost = nonEmpty(raw.trimmingSpaces) }
            case "precedence":
                if message.list.precedence == nil { message.list.precedence = StructuredFields.keyword(raw) }
            case "feedback-id":
                if message.list.feedbackID == nil { message.list.feedbackID = nonEmpty(raw.trimmingSpaces) }
            case "auto-submitted":
                if message.list.autoSubmitted == nil { message.list.autoSubmitted = StructuredFields.keyword(raw) }
            case "dkim-signature":
                if let signature = AuthenticationFields.dkimSignature(raw) {
                    message.dkimSignatures.append(signature)
                } else {
                    log.add(WarningCode.badDKIMSignature, "DKIM-Signature without d= tag")
                }
            case "authentication-results":
                message.authenticationResults += AuthenticationFields.authenticationResults(raw)
            default:
                continue
            }
        }
        if !sawDate, !fields.isEmpty {
            log.add(WarningCode.missingDate, "no Date field")
        }
    }

    private static func readDate(_ raw: String, into message: inout Message, log: inout WarningLog) {
        guard let parsed = DateParser.parse(raw) else {
            log.add(WarningCode.badDate, "unreadable Date \"\(raw.prefix(80))\"")
            return
        }
        message.date = parsed.date
        if parsed.zoneMissing {
            log.add(WarningCode.missingTimezone, "Date \"\(raw.prefix(80))\" has no time zone; read as UTC")
        }
    }

    /// `Return-Path: <addr>` (RFC 5321 §4.4) without brackets; `<>` (null sender) gives `nil`.
    private static func returnPath(_ raw: String) -> String? {
        let cleaned = HeaderText.removingComments(raw)
        if let token = HeaderText.angleTokens(cleaned).first { return nonEmpty(String(token.dropFirst().dropLast())) }
        if cleaned.utf8.containsPair(0x3C, 0x3E) { return nil }
        return nonEmpty(cleaned.trimmingSpaces)
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
