import Foundation

/// A JSON value as schema.org markup carries it. Numbers stay text: prices are never floats.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written (`12.50`, `2`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object (`nil` otherwise).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A string or number as text, trimmed; `nil` for other values and empty text.
    public var text: String? {
        switch self {
        case .string(let value):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let value): return value
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// The value as a list: an array's elements, or the value itself (schema.org allows one
    /// value or many for any property).
    public var list: [JSONValue] {
        switch self {
        case .array(let values): values
        case .null: []
        default: [self]
        }
    }
}

/// A forgiving JSON reader for the JSON-LD real senders emit: comments, trailing commas,
/// single quotes, unquoted keys, raw newlines in strings, HTML entities, several values in one
/// block, and truncated input (what was read is kept). It never fails: junk is skipped.
public enum LenientJSON {
    /// Every top-level value in `text`, in order.
    public static func parse(_ text: String) -> [JSONValue] {
        var source = text
        // A whole block escaped as HTML (`{&quot;@type&quot;:…}`) is unescaped first.
        if !source.contains("\""), source.contains("&quot;") { source = HTMLEntityText.decode(source) }
        var reader = Reader(bytes: Array(source.utf8))
        var values: [JSONValue] = []
        while true {
            reader.skipTrivia()
            guard let byte = reader.peek() else { break }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                let before = reader.index
                values.append(reader.value(depth: 0))
                if reader.index == before { reader.index += 1 }
            } else {
                reader.index += 1  // junk between values: ",", ";", "<!--", "]]>"
            }
        }
        return values
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0
        static let maxDepth = 64

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Skips whitespace and comments (`//`, `/* */`, `<!--`, `-->`).
        mutating func skipTrivia() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C {
                    index += 1
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                    index += 2
                    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                        index += 1
                    }
                    index = min(bytes.count, index + 2)
                } else if starts(with: "<!--") {
                    index += 4
                } else if starts(with: "-->") {
                    index += 3
                } else if starts(with: "<![CDATA[") {
                    index += 9
                } else if starts(with: "]]>") {
                    index += 3
                } else {
                    return
                }
            }
        }

        func starts(with literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { Array($0) == Array(bytes[index..<(index + count)]) }
        }

        mutating func value(depth: Int) -> JSONValue {
            skipTrivia()
            guard let byte = peek() else { return .null }
            switch byte {
            case UInt8(ascii: "{"):
                return depth < Self.maxDepth ? object(depth: depth) : skipNested()
            case UInt8(ascii: "["):
                return depth < Self.maxDepth ? array(depth: depth) : skipNested()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return .string(string())
            default:
                let word = bareWord()
                switch word {
                case "true", "True": return .bool(true)
                case "false", "False": return .bool(false)
                case "null", "None", "undefined", "NaN", "": return .null
                default:
                    if let first = word.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                        || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39)
                    {
                        return .number(word.hasPrefix("+") ? String(word.dropFirst()) : word)
                    }
                    return .string(word)
                }
            }
        }

        mutating func object(depth: Int) -> JSONValue {
            index += 1  // {
            var members: [String: JSONValue] = [:]
            while true {
                skipTrivia()
                guard let byte = peek() else { return .object(members) }  // truncated
                if byte == UInt8(ascii: "}") { index += 1; return .object(members) }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { index += 1; continue }
                if byte == UInt8(ascii: "]") { index += 1; continue }  // stray bracket
                let key: String
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    key = string()
                } else {
                    key = bareWord()
                    if key.isEmpty { index += 1; continue }
                }
                skipTrivia()
                if peek() == UInt8(ascii: ":") || peek() == UInt8(ascii: "=") {
                    index += 1
                    members[key] = value(depth: depth + 1)
                } else {
                    members[key] = .null
                }
            }
        }

        mutating func array(depth: Int) -> JSONValue {
            index += 1  // [
            var values: [JSONValue] = []
            while true {
                skipTrivia()
                guard let byte = peek() else { return .array(values) }
                if byte == UInt8(ascii: "]") { index += 1; return .array(values) }
                if byte == UInt8(ascii: ",") { index += 1; continue }
                if byte == UInt8(ascii: "}") { index += 1; continue }
                let before = index
                values.append(value(depth: depth + 1))
                if index == before { index += 1 }
            }
        }

        /// Past the depth limit: skips a nested value without building it.
        mutating func skipNested() -> JSONValue {
            var level = 0
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if let open = quote {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "{"), UInt8(ascii: "["): level += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    level -= 1
                    if level <= 0 { return .null }
                default: break
                }
            }
            return .null
        }

        /// A quoted string (either quote), escapes decoded, HTML entities decoded.
        mutating func string() -> String {
            let quote = bytes[index]
            index += 1
            var output: [UInt8] = []
            var hasEntity = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote { index += 1; break }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    let escaped = bytes[index + 1]
                    index += 2
                    switch escaped {
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): output.append(0x20)
                    case UInt8(ascii: "u"): appendUnicodeEscape(&output)
                    default: output.append(escaped)  // \" \\ \/ \' and unknown escapes
                    }
                    continue
                }
                if byte == UInt8(ascii: "&") { hasEntity = true }
                output.append(byte)
                index += 1
            }
            let text = String(decoding: output, as: UTF8.self)
            return hasEntity ? HTMLEntityText.decode(text) : text
        }

        /// `\uXXXX`, joining surrogate pairs; a lone or bad escape becomes U+FFFD.
        mutating func appendUnicodeEscape(_ output: inout [UInt8]) {
            func hex4() -> UInt32? {
                guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                    return nil
                }
                index += 4
                return value
            }
            guard var value = hex4() else { output.append(contentsOf: Array("\u{FFFD}".utf8)); return }
            if value >= 0xD800, value < 0xDC00, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                if let low = hex4(), low >= 0xDC00, low < 0xE000 { value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00) }
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(scalar).utf8))
        }

        /// An unquoted token: a key, a number or a literal.
        mutating func bareWord() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let stop = byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "}")
                    || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
                    || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: "\"")
                    || byte == UInt8(ascii: "'")
                if stop { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}

/// Decodes the HTML entities that leak into JSON-LD and microdata text (`&amp;`, `&quot;`,
/// `&#39;`, `&eacute;`, `&#x20AC;`); unknown ones stay as written.
enum HTMLEntityText {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                if let scalar = scalar(for: name) {
                    result.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        result += rest
        return result
    }

    static func scalar(for name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[String(name)].flatMap(Unicode.Scalar.init)
    }

    static let named: [String: UInt32] = [
        "amp": 0x26, "quot": 0x22, "apos": 0x27, "lt": 0x3C, "gt": 0x3E, "nbsp": 0xA0, "euro": 0x20AC, "pound": 0xA3,
        "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "agrave": 0xE0, "acirc": 0xE2, "ccedil": 0xE7, "ocirc": 0xF4,
        "ucirc": 0xFB, "icirc": 0xEE, "uuml": 0xFC, "ouml": 0xF6, "auml": 0xE4, "szlig": 0xDF, "ntilde": 0xF1,
        "rsquo": 0x2019, "lsquo": 0x2018, "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "copy": 0xA9,
        "reg": 0xAE, "trade": 0x2122, "laquo": 0xAB, "raquo": 0xBB, "deg": 0xB0, "times": 0xD7, "yen": 0xA5,
        "Eacute": 0xC9, "aacute": 0xE1, "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "Auml": 0xC4, "Ouml": 0xD6,
        "Uuml": 0xDC, "Aring": 0xC5, "aring": 0xE5, "oslash": 0xF8, "aelig": 0xE6,
    ]
}
