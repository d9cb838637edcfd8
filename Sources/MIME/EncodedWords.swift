import Intl

/// RFC 2047 encoded-word decoding (`=?charset?Q|B?text?=`), tolerant of real-world mail.
///
/// Adjacent encoded words separated only by whitespace are joined without that whitespace
/// (§6.2), and their bytes are joined before charset decoding, so a multi-byte character split
/// across two words survives. Malformed words are left exactly as written. Words glued to
/// surrounding text (not allowed by §5, common in practice) are decoded too.
/// https://www.rfc-editor.org/rfc/rfc2047
enum EncodedWords {
    /// Decodes every encoded word in `text`; charset problems are added to `log`.
    static func decode(_ text: String, log: inout WarningLog) -> String {
        guard text.utf8.containsPair(0x3D, 0x3F) else { return text } // "=?"
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pending: [UInt8] = []          // decoded bytes of the current run of encoded words
        var pendingCharset: String?
        var pendingIsOpen = false          // the last thing emitted was an encoded word
        var index = 0
        var literalStart = 0

        func flush(into output: inout [UInt8], log: inout WarningLog) {
            guard pendingIsOpen || !pending.isEmpty else { return }
            let decoded = Charset.decode(pending, label: pendingCharset ?? "utf-8")
            reportIssues(decoded, log: &log)
            output.append(contentsOf: decoded.text.utf8)
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
            pendingIsOpen = false
        }

        while index < bytes.count {
            guard bytes[index] == 0x3D, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
                  let word = parseWord(bytes, at: index)
            else {
                index += 1
                continue
            }
            let literal = bytes[literalStart..<index]
            let onlySpace = literal.allSatisfy(isWhitespace)
            if pendingIsOpen, onlySpace, pendingCharset == word.charset {
                // Same charset, adjacent: keep accumulating bytes.
            } else if pendingIsOpen, onlySpace {
                flush(into: &output, log: &log)
            } else {
                flush(into: &output, log: &log)
                output.append(contentsOf: literal)
            }
            pendingCharset = word.charset
            pending.append(contentsOf: word.decoded)
            pendingIsOpen = true
            if word.malformedPayload { log.add(WarningCode.badEncodedWord, "encoded word with invalid \(word.isBase64 ? "base64" : "Q") text") }
            index = word.end
            literalStart = index
        }
        flush(into: &output, log: &log)
        output.append(contentsOf: bytes[literalStart...])
        return String(decoding: output, as: UTF8.self)
    }

    static func reportIssues(_ decoded: Charset.Decoded, log: inout WarningLog) {
        for issue in decoded.issues {
            switch issue {
            case .unknownCharset(let label, let fallback):
                log.add(WarningCode.unknownCharset, "charset \"\(label)\" unknown; decoded as \(fallback)")
            case .invalidBytes(let count):
                log.add(WarningCode.invalidCharsetBytes, "\(count) invalid byte sequence(s) in \(decoded.charset)")
            }
        }
    }

    /// Longest encoded text accepted in one word.
    static let maximumWordLength = 4096

    private struct Word {
        var charset: String
        var decoded: [UInt8]
        var end: Int
        var isBase64: Bool
        var malformedPayload: Bool
    }

    /// Parses `=?charset?E?text?=` at `start`, or returns `nil` when it is not a valid word.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != 0x3F {
            let byte = bytes[index]
            if byte <= 0x20 || byte >= 0x7F || byte == 0x3D || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index + 3 < bytes.count, index > charsetStart else { return nil }
        var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) } // RFC 2231 §5 language
        let encoding = bytes[index + 1] | 0x20
        guard encoding == 0x62 || encoding == 0x71, bytes[index + 2] == 0x3F else { return nil } // b, q
        let textStart = index + 3
        var textEnd = textStart
        while textEnd + 1 < bytes.count, !(bytes[textEnd] == 0x3F && bytes[textEnd + 1] == 0x3D) {
            let byte = bytes[textEnd]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { return nil }
            // RFC 2047 §2 caps words at 75 bytes; real mail overshoots, but never by this much.
            // The bound keeps "=?" repeated without an end linear instead of quadratic.
            if textEnd - textStart > maximumWordLength { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < bytes.count else { return nil }
        let payload = bytes[textStart..<textEnd]
        let result: (bytes: [UInt8], clean: Bool) = encoding == 0x62
            ? Base64.decode(payload) : decodeQ(payload)
        return Word(charset: charset.lowercased(), decoded: result.bytes, end: textEnd + 2, isBase64: encoding == 0x62, malformedPayload: !result.clean)
    }

    /// The Q encoding (§4.2): `_` is a space, `=XX` a byte; a bad escape stays literal.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], clean: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var clean = true
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x5F {
                output.append(0x20)
            } else if byte == 0x3D, index + 2 < text.endIndex, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                if byte == 0x3D { clean = false }
                output.append(byte)
            }
            index += 1
        }
        return (output, clean)
    }

}

@inline(__always) func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
}
