/// Readers for `DKIM-Signature` and `Authentication-Results`.
enum AuthenticationFields {
    /// The identity tags of a `DKIM-Signature` tag list (RFC 6376 §3.2, §3.5), or `nil` without `d=`.
    ///
    /// Only `d=`, `s=` and `i=` are read; the long `b=` and `bh=` values are skipped unread.
    static func dkimSignature(_ value: String) -> DKIMSignature? {
        var domain: String?
        var selector: String?
        var identity: String?
        let bytes = Array(value.utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x3B) ?? bytes.count // ";"
            if let equals = bytes[start..<end].firstIndex(of: 0x3D) {
                let tag = bytes[start..<equals].filter { !isWhitespace($0) }
                if tag.count == 1 {
                    // Folding whitespace is insignificant inside tag values (§3.2). Only the
                    // wanted tags' values are read: `b=` and `bh=` are hundreds of bytes.
                    let value = { String(decoding: bytes[(equals + 1)..<end].filter { !isWhitespace($0) }, as: UTF8.self) }
                    switch tag[0] | 0x20 {
                    case 0x64 where domain == nil: domain = value() // d
                    case 0x73 where selector == nil: selector = value() // s
                    case 0x69 where identity == nil: identity = value() // i
                    default: break
                    }
                }
            }
            start = end + 1
        }
        guard let domain, !domain.isEmpty else { return nil }
        return DKIMSignature(
            domain: domain.lowercased(),
            selector: selector.flatMap { $0.isEmpty ? nil : $0 },
            identity: identity.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// The method results of one `Authentication-Results` field (RFC 8601 §2.2).
    ///
    /// Comments are dropped, spacing around `=` and `;` is free, `method/version` loses its
    /// version, and `server; none` yields no result. https://www.rfc-editor.org/rfc/rfc8601#section-2.2
    static func authenticationResults(_ value: String) -> [AuthenticationResult] {
        let cleaned = HeaderText.removingComments(value)
        let segments = splitOutsideQuotes(cleaned, separator: 0x3B)
        guard let head = segments.first else { return [] }
        // authserv-id, optionally followed by a version number.
        let servID = head.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).first.map(String.init) ?? ""
        var results: [AuthenticationResult] = []
        for segment in segments.dropFirst() {
            let pairs = keyValuePairs(segment)
            guard let (methodKey, resultValue) = pairs.first else { continue }
            var method = methodKey.lowercased()
            if let slash = method.firstIndex(of: "/") { method = String(method[..<slash]) }
            guard !method.isEmpty, method != "none" else { continue }
            var properties: [String: String] = [:]
            for (key, propertyValue) in pairs.dropFirst() {
                let lowered = key.lowercased()
                if properties[lowered] == nil { properties[lowered] = propertyValue }
            }
            results.append(AuthenticationResult(authServID: servID, method: method, result: resultValue.lowercased(), properties: properties))
        }
        return results
    }

    /// `key = value` pairs of one resinfo, values unquoted; `key=` with spaces around `=` works.
    ///
    /// The tokens' bytes (quotes taken off) are written one after the other into one buffer and
    /// the tokens are ranges of it: an array per token cost more than the rest of the reading.
    static func keyValuePairs(_ segment: String) -> [(String, String)] {
        var storage: [UInt8] = []
        storage.reserveCapacity(segment.utf8.count)
        var tokens: [Range<Int>] = []
        var start = 0 // where the current token's bytes start in `storage`
        var inQuotes = false
        var escaped = false
        for byte in segment.utf8 {
            if escaped { storage.append(byte); escaped = false; continue }
            if inQuotes {
                if byte == 0x5C { escaped = true } else if byte == 0x22 { inQuotes = false } else { storage.append(byte) }
                continue
            }
            switch byte {
            case 0x22: inQuotes = true
            case 0x3D:
                if storage.count > start { tokens.append(start..<storage.count) }
                storage.append(byte)
                tokens.append((storage.count - 1)..<storage.count)
                start = storage.count
            case 0x20, 0x09, 0x0D, 0x0A:
                if storage.count > start { tokens.append(start..<storage.count) }
                start = storage.count
            default: storage.append(byte)
            }
        }
        if storage.count > start { tokens.append(start..<storage.count) }
        // A token is `=` when its bytes are one `=` (a quoted "=" too, as before).
        func isEquals(_ token: Range<Int>) -> Bool { token.count == 1 && storage[token.lowerBound] == 0x3D }
        func text(_ token: Range<Int>) -> String { String(decoding: storage[token], as: UTF8.self) }
        var pairs: [(String, String)] = []
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, isEquals(tokens[index + 1]), !isEquals(tokens[index]), !isEquals(tokens[index + 2]) {
                pairs.append((text(tokens[index]), text(tokens[index + 2])))
                index += 3
            } else if index + 1 < tokens.count, isEquals(tokens[index + 1]), !isEquals(tokens[index]) {
                pairs.append((text(tokens[index]), "")) // key= with empty value
                index += 2
            } else {
                index += 1
            }
        }
        return pairs
    }

    /// Splits at `separator` (an ASCII byte) outside double quotes.
    static func splitOutsideQuotes(_ text: String, separator: UInt8) -> [String] {
        var parts: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var inQuotes = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if escaped { escaped = false; continue }
            if byte == 0x5C, inQuotes { escaped = true; continue }
            if byte == 0x22 { inQuotes.toggle() }
            if byte == separator, !inQuotes {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }
}
