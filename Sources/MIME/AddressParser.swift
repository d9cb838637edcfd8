/// Parses address lists (`From`, `To`, `Cc`, `Reply-To`, `Sender`), RFC 5322 §3.4, leniently.
///
/// Handles display names quoted or not, RFC 2047 words in display names (inside quoted
/// strings too, as real mail does), comments (`addr (Name)`), groups (`team: a, b;`),
/// obsolete routes, and unclosed brackets. Entries without an address are dropped with a
/// ``WarningCode/badAddress`` warning. https://www.rfc-editor.org/rfc/rfc5322#section-3.4
enum AddressParser {
    /// Parses `value` (raw header text, not yet RFC 2047 decoded).
    static func parse(_ value: String, field: String, log: inout WarningLog) -> [MailAddress] {
        var result: [MailAddress] = []
        for item in split(Array(value.utf8)) {
            guard let address = parseMailbox(item, field: field, log: &log) else { continue }
            result.append(address)
        }
        return result
    }

    /// Splits at top-level commas and group punctuation, keeping quotes, comments, brackets
    /// and encoded words intact.
    private static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var items: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        var inQuotes = false
        var commentDepth = 0
        var inAngle = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5C, inQuotes || commentDepth > 0 { index += 2; continue }
            if inQuotes {
                if byte == 0x22 { inQuotes = false }
            } else if commentDepth > 0 {
                if byte == 0x28 { commentDepth += 1 } else if byte == 0x29 { commentDepth -= 1 }
            } else if inAngle {
                if byte == 0x3E { inAngle = false }
            } else {
                switch byte {
                case 0x22: inQuotes = true
                case 0x28: commentDepth = 1
                case 0x3C: inAngle = true
                case 0x3D where index + 1 < bytes.count && bytes[index + 1] == 0x3F:
                    // An encoded word may carry a literal comma; skip to its end.
                    if let end = encodedWordEnd(bytes, from: index) { index = end; continue }
                case 0x2C, 0x3B: // , ;
                    items.append(bytes[start..<index])
                    start = index + 1
                case 0x3A: // group name ends; its members follow
                    start = index + 1
                default: break
                }
            }
            index += 1
        }
        items.append(bytes[start..<bytes.count])
        return items
    }

    private static func encodedWordEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 2
        var questionMarks = 0
        while index + 1 < bytes.count, index - start < 200 {
            if isWhitespace(bytes[index]) { return nil }
            if bytes[index] == 0x3F {
                if questionMarks >= 2, bytes[index + 1] == 0x3D { return index + 2 }
                questionMarks += 1
            }
            index += 1
        }
        return nil
    }

    private static func parseMailbox(_ item: ArraySlice<UInt8>, field: String, log: inout WarningLog) -> MailAddress? {
        var phrase: [UInt8] = []
        var angle: [UInt8]?
        var bare: [UInt8] = []
        var comment: [UInt8] = []
        var index = item.startIndex
        var sawAngle = false
        while index < item.endIndex {
            let byte = item[index]
            switch byte {
            case 0x22: // quoted string: unquote into the phrase (or the bare local part)
                var content: [UInt8] = []
                index += 1
                while index < item.endIndex, item[index] != 0x22 {
                    if item[index] == 0x5C, index + 1 < item.endIndex { index += 1 }
                    content.append(item[index])
                    index += 1
                }
                if sawAngle { break }
                phrase.append(contentsOf: content)
                bare.append(0x22)
                bare.append(contentsOf: content)
                bare.append(0x22)
            case 0x28: // comment
                var depth = 1
                index += 1
                while index < item.endIndex, depth > 0 {
                    let inner = item[index]
                    if inner == 0x5C, index + 1 < item.endIndex { index += 1; comment.append(item[index]) }
                    else if inner == 0x28 { depth += 1; comment.append(inner) }
                    else if inner == 0x29 { depth -= 1; if depth > 0 { comment.append(inner) } }
                    else { comment.append(inner) }
                    index += 1
                }
                comment.append(0x20)
                phrase.append(0x20)
                continue
            case 0x3C where !sawAngle:
                sawAngle = true
                var content: [UInt8] = []
                index += 1
                while index < item.endIndex, item[index] != 0x3E {
                    if !isWhitespace(item[index]) { content.append(item[index]) }
                    index += 1
                }
                angle = content
            default:
                if !sawAngle || angle == nil {
                    phrase.append(byte)
                    if !isWhitespace(byte) { bare.append(byte) }
                }
            }
            index += 1
        }

        var address: [UInt8]
        var name: [UInt8]
        if let angle {
            address = angle
            name = phrase
        } else {
            address = bare
            name = comment
        }
        // Obsolete route (`<@relay:user@host>`): keep the mailbox.
        if address.first == 0x40, let colon = address.lastIndex(of: 0x3A) { address = Array(address[(colon + 1)...]) }
        if address.first == 0x3A { address.removeFirst() }
        let addressText = String(decoding: address, as: UTF8.self)
        var nameText = HeaderText.collapsingWhitespace(String(decoding: name, as: UTF8.self))
        nameText = HeaderText.collapsingWhitespace(EncodedWords.decode(nameText, log: &log))

        if addressText.isEmpty {
            if !nameText.isEmpty { log.add(WarningCode.badAddress, "\(field): no address in \"\(nameText.prefix(80))\"") }
            return nil
        }
        if !addressText.utf8.contains(UInt8(ascii: "@")), angle == nil,
           HeaderText.collapsingWhitespace(String(decoding: phrase, as: UTF8.self)).utf8.contains(UInt8(ascii: " ")) {
            log.add(WarningCode.badAddress, "\(field): \"\(addressText.prefix(80))\" is not an address")
            return nil
        }
        if !addressText.utf8.contains(UInt8(ascii: "@")) {
            log.add(WarningCode.badAddress, "\(field): \"\(addressText.prefix(80))\" has no domain")
        }
        return MailAddress(name: nameText.isEmpty ? nil : nameText, address: addressText)
    }
}
