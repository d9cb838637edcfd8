import CICU

/// Decodes bytes in a declared (or undeclared) charset to a Swift string.
///
/// Labels follow the WHATWG Encoding Standard where mail differs from the IANA names:
/// `iso-8859-1` and `latin1` decode as windows-1252 (mail labelled Latin-1 uses 0x80 for €).
/// `us-ascii` cannot hold 8-bit bytes at all, so 8-bit text under it is treated like unlabelled
/// text: UTF-8 when valid, else windows-1252.
/// UTF-8, ASCII and windows-1252 are decoded in Swift; every other charset goes through ICU.
/// Safe to call from any number of threads at once.
public enum Charset {
    /// The outcome of decoding: the text, the charset actually used, and what was worked around.
    public struct Decoded: Sendable, Hashable {
        /// The decoded text.
        public var text: String
        /// The canonical charset used for decoding (`utf-8`, `windows-1252`, `koi8-r`…).
        public var charset: String
        /// Problems that decoding worked around, in order; empty when the input was clean.
        public var issues: [Issue]

        /// Creates a decoded value.
        public init(text: String, charset: String, issues: [Issue] = []) {
            self.text = text
            self.charset = charset
            self.issues = issues
        }
    }

    /// A problem that decoding worked around.
    public enum Issue: Sendable, Hashable {
        /// The label names no charset known here; the bytes were decoded as `fallback`.
        case unknownCharset(label: String, fallback: String)
        /// Byte sequences invalid in the charset were replaced with U+FFFD.
        case invalidBytes(count: Int)
    }

    /// Decodes `bytes` labelled `label` (a MIME charset parameter, or `nil` when none was declared).
    ///
    /// Without a label, 8-bit bytes decode as UTF-8 when valid, else as windows-1252.
    /// An unknown label does the same and reports ``Issue/unknownCharset(label:fallback:)``.
    public static func decode(_ bytes: some Collection<UInt8>, label: String?) -> Decoded {
        if let result = bytes.withContiguousStorageIfAvailable({ decode(buffer: UnsafeRawBufferPointer($0), label: label) }) {
            return result
        }
        let array = Array(bytes)
        return array.withUnsafeBytes { decode(buffer: $0, label: label) }
    }

    /// Decodes `bytes` as UTF-8 when valid, else as windows-1252 (the rule for undeclared 8-bit text).
    public static func decodeGuessing(_ bytes: some Collection<UInt8>) -> Decoded {
        decode(bytes, label: nil)
    }

    /// Whether `bytes` are valid UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func decode(buffer: UnsafeRawBufferPointer, label: String?) -> Decoded {
        if let label, isASCIILabel(label) {
            // 8-bit bytes under an ASCII label are mislabelled: UTF-8 when valid, else windows-1252.
            return guess(buffer)
        }
        let normalized = label.flatMap(normalizedLabel)
        switch normalized {
        case nil:
            return guess(buffer)
        case "utf-8":
            return decodeUTF8(buffer)
        case "windows-1252":
            return Decoded(text: isASCII(buffer) ? asciiString(buffer) : decodeWindows1252(buffer), charset: "windows-1252")
        case let name?:
            if isASCII(buffer), isASCIICompatible(name) {
                return Decoded(text: asciiString(buffer), charset: name)
            }
            return decodeWithICU(buffer, charset: name, label: label ?? name)
        }
    }

    private static func isASCIILabel(_ label: String) -> Bool {
        guard label.utf8.count <= 20 else { return false }
        let lower = label.lowercased().filter { $0 != "\"" && $0 != " " && $0 != "'" }
        return lower == "us-ascii" || lower == "ascii" || lower == "us" || lower == "ansi_x3.4-1968" || lower == "iso646-us"
    }

    private static func guess(_ buffer: UnsafeRawBufferPointer) -> Decoded {
        if isASCII(buffer) { return Decoded(text: asciiString(buffer), charset: "utf-8") }
        if let text = String(validating: buffer, as: UTF8.self) { return Decoded(text: text, charset: "utf-8") }
        return Decoded(text: decodeWindows1252(buffer), charset: "windows-1252")
    }

    private static func decodeUTF8(_ buffer: UnsafeRawBufferPointer) -> Decoded {
        if isASCII(buffer) { return Decoded(text: asciiString(buffer), charset: "utf-8") }
        if let text = String(validating: buffer, as: UTF8.self) { return Decoded(text: text, charset: "utf-8") }
        let text = String(decoding: buffer, as: UTF8.self)
        let replaced = text.unicodeScalars.reduce(0) { $1 == "\u{FFFD}" ? $0 + 1 : $0 }
        return Decoded(text: text, charset: "utf-8", issues: [.invalidBytes(count: max(replaced, 1))])
    }

    private static func decodeWithICU(_ buffer: UnsafeRawBufferPointer, charset: String, label: String) -> Decoded {
        var conversion = mr_icu_conversion()
        let status = charset.withCString { name in
            mr_icu_to_utf8(name, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, &conversion)
        }
        guard status == Int32(MR_ICU_OK) else {
            var fallback = guess(buffer)
            fallback.issues.insert(.unknownCharset(label: label, fallback: fallback.charset), at: 0)
            return fallback
        }
        defer { mr_icu_free(conversion.bytes) }
        let utf8 = UnsafeBufferPointer(start: conversion.bytes, count: conversion.length)
        let text = String(decoding: utf8, as: UTF8.self)
        let issues: [Issue] = conversion.substitutions > 0 ? [.invalidBytes(count: Int(conversion.substitutions))] : []
        return Decoded(text: text, charset: charset, issues: issues)
    }

    static func isASCII(_ buffer: UnsafeRawBufferPointer) -> Bool {
        // Eight bytes at a time: the common case is long ASCII bodies.
        var index = 0
        let count = buffer.count
        while index + 8 <= count {
            if buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if buffer[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    private static func asciiString(_ buffer: UnsafeRawBufferPointer) -> String {
        String(decoding: buffer, as: UTF8.self)
    }

    /// Charsets whose bytes below 0x80 are ASCII, so pure-ASCII input needs no conversion.
    private static func isASCIICompatible(_ name: String) -> Bool {
        name.hasPrefix("iso-8859-") || name.hasPrefix("windows-125") || name == "koi8-r" || name == "koi8-u"
            || name == "gb18030" || name == "big5" || name == "euc-jp" || name == "windows-949"
            || name == "windows-874" || name == "shift_jis" || name == "macintosh"
    }
}
