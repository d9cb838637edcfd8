import Intl

/// A parsed `Content-Type` or `Content-Disposition` value: the token and its parameters.
///
/// Parameter names are lowercased; RFC 2231 continuations (`name*0*=`, `name*1=`) and
/// charset/language values (`utf-8'en'%E2%82%AC`) are assembled and decoded, and RFC 2047
/// words in values (non-standard, common in file names) are decoded too.
/// https://www.rfc-editor.org/rfc/rfc2045#section-5.1, https://www.rfc-editor.org/rfc/rfc2231
struct ContentFields {
    /// Lowercased value before the first `;` (`text/html`, `attachment`).
    var token: String
    /// Decoded parameters by lowercased name.
    var parameters: [String: String]

    /// Parses `value`; never fails.
    init(_ value: String, log: inout WarningLog) {
        let parts = AuthenticationFields.splitOutsideQuotes(HeaderText.removingComments(value), separator: 0x3B)
        // ASCII values (nearly all) are read on their bytes: there every byte is a character
        // (CRLF aside, which holds no `=` or `*`), so the first `=` byte is the first `=`
        // character, and the token's whitespace is the bytes 0x09–0x0D and 0x20.
        let ascii = value.utf8.allSatisfy { $0 < 0x80 }
        token = ascii ? Self.asciiToken(parts.first ?? "") : (parts.first ?? "").trimmingSpaces.lowercased().filter { !$0.isWhitespace }
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for part in parts.dropFirst() {
            guard let equals = ascii ? part.utf8.firstIndex(of: 0x3D) : part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingSpaces.lowercased()
            guard !name.isEmpty else { continue }
            var raw = part[part.index(after: equals)...].trimmingSpaces
            if raw.hasPrefix("\"") {
                raw = String(raw.dropFirst())
                if raw.hasSuffix("\"") { raw = String(raw.dropLast()) }
                raw = raw.replacingBackslashEscapes
            }
            if let star = ascii ? name.utf8.firstIndex(of: 0x2A) : name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let suffix = name[name.index(after: star)...] // "", "0", "0*", "1"
                let encoded = name.hasSuffix("*")
                let number = Int(String(suffix.filter { $0.isASCIIDigit })) ?? 0
                extended[base, default: []].append((number, encoded, raw))
            } else if plain[name] == nil {
                plain[name] = raw
            }
        }
        for (name, segments) in extended {
            plain[name] = Self.assemble(segments.sorted { $0.index < $1.index }, log: &log)
        }
        for (name, value) in plain where value.utf8.containsPair(0x3D, 0x3F) {
            plain[name] = EncodedWords.decode(value, log: &log)
        }
        parameters = plain
    }

    /// An ASCII token lowercased without its whitespace: what `trimmingSpaces.lowercased()`
    /// then dropping `Character.isWhitespace` gives for ASCII, without a `Character` per byte.
    static func asciiToken(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != 0x20 && !(0x09...0x0D).contains(byte) {
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Joins RFC 2231 segments: percent-decodes encoded ones and applies the declared charset.
    private static func assemble(_ segments: [(index: Int, encoded: Bool, value: String)], log: inout WarningLog) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        for (position, segment) in segments.enumerated() {
            var text = Substring(segment.value)
            if segment.encoded, position == 0 {
                // charset'language'value
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            if segment.encoded {
                bytes.append(contentsOf: percentDecoded(text))
            } else {
                bytes.append(contentsOf: text.utf8)
            }
        }
        let decoded = Charset.decode(bytes, label: charset)
        EncodedWords.reportIssues(decoded, log: &log)
        return decoded.text
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == 0x25, index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }
}

/// What a body part's own header says about it (RFC 2045 §5, §6; RFC 2183).
struct PartHeader {
    /// Lowercased `type/subtype`; `text/plain` when absent or unreadable (RFC 2045 §5.2).
    var mimeType = "text/plain"
    /// Content-Type parameters (`charset`, `boundary`, `name`).
    var typeParameters: [String: String] = [:]
    /// Lowercased Content-Transfer-Encoding; `7bit` when absent.
    var transferEncoding = "7bit"
    /// Lowercased disposition (`inline`, `attachment`), or `nil`.
    var disposition: String?
    /// Disposition parameters (`filename`).
    var dispositionParameters: [String: String] = [:]

    init() {}

    /// Reads the MIME fields among `fields`, with `defaultType` when there is no Content-Type.
    init(fields: [RawHeaderField], defaultType: String = "text/plain", log: inout WarningLog) {
        mimeType = defaultType
        for field in fields {
            switch field.name.lowercased() {
            case "content-type":
                let parsed = ContentFields(HeaderText.string(field.value, field: field.name, log: &log), log: &log)
                let parts = parsed.token.split(separator: "/", maxSplits: 1)
                if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                    mimeType = parsed.token
                } else if parsed.token == "text" {
                    mimeType = "text/plain"
                }
                typeParameters = parsed.parameters
            case "content-transfer-encoding":
                let value = HeaderText.string(field.value, field: field.name, log: &log)
                transferEncoding = HeaderText.removingComments(value).trimmingSpaces.lowercased()
            case "content-disposition":
                let parsed = ContentFields(HeaderText.string(field.value, field: field.name, log: &log), log: &log)
                disposition = parsed.token.isEmpty ? nil : parsed.token
                dispositionParameters = parsed.parameters
            default:
                continue
            }
        }
    }

    /// The file name from the disposition, else the Content-Type `name`.
    var filename: String? {
        let name = dispositionParameters["filename"] ?? typeParameters["name"]
        guard let name, !name.trimmingSpaces.isEmpty else { return nil }
        return name
    }

    /// Whether this part is a body text to keep: text/plain or text/html, not an attachment.
    var isBodyText: Bool {
        guard mimeType == "text/plain" || mimeType == "text/html" else { return false }
        if disposition == "attachment" { return false }
        return filename == nil
    }

    var isMultipart: Bool { mimeType.hasPrefix("multipart/") }
}
