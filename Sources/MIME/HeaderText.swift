import Foundation
import Intl

/// Turns raw header bytes into text.
///
/// RFC 5322 headers are ASCII; RFC 6532 allows UTF-8. Anything else (raw Latin-1 from old
/// mailers) is decoded as windows-1252 and reported as ``WarningCode/raw8BitHeader``.
enum HeaderText {
    /// The value bytes as a string, before RFC 2047 decoding.
    static func string(_ bytes: [UInt8], field: String, log: inout WarningLog) -> String {
        var cleaned = bytes
        let hasNUL = cleaned.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
        if hasNUL { cleaned.removeAll { $0 == 0 } }
        let decoded = Charset.decodeGuessing(cleaned)
        if decoded.charset != "utf-8" {
            log.add(WarningCode.raw8BitHeader, "\(field): 8-bit bytes that are not UTF-8, read as windows-1252")
        }
        return decoded.text
    }

    /// Removes RFC 5322 comments (`(…)`, nested, with quoted pairs) outside quoted strings.
    static func removingComments(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "(")) else { return text }
        var output: [UInt8] = []
        var depth = 0
        var inQuotes = false
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                escaped = false
                if depth == 0 { output.append(byte) }
                continue
            }
            if byte == 0x5C { escaped = true; if depth == 0 { output.append(byte) }; continue }
            if inQuotes {
                if byte == 0x22 { inQuotes = false }
                output.append(byte)
                continue
            }
            switch byte {
            case 0x28: depth += 1
            case 0x29 where depth > 0:
                depth -= 1
                if depth == 0 { output.append(0x20) }
            case 0x22 where depth == 0:
                inQuotes = true
                output.append(byte)
            default:
                if depth == 0 { output.append(byte) }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Collapses runs of whitespace (space, tab, CR, LF, U+00A0) to one space and trims the ends.
    ///
    /// Read on the UTF-8 bytes (U+00A0 is the pair C2 A0, which in valid UTF-8 is always that
    /// scalar; every other byte is copied): appending a scalar at a time cost about 5,000
    /// instructions per display name.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                    pendingSpace = !output.isEmpty
                    index += 1
                    continue
                }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                    pendingSpace = !output.isEmpty
                    index += 2
                    continue
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Every `<…>` token in `text`, with its brackets and without inner whitespace.
    static func angleTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8]?
        for byte in text.utf8 {
            if byte == 0x3C {
                current = [byte]
            } else if byte == 0x3E, var token = current {
                token.append(byte)
                if token.count > 2 { tokens.append(String(decoding: token, as: UTF8.self)) }
                current = nil
            } else if current != nil, !isWhitespace(byte) {
                current!.append(byte)
            }
        }
        return tokens
    }
}

extension Sequence<UInt8> {
    /// Whether `first` is immediately followed by `second` somewhere in the bytes.
    func containsPair(_ first: UInt8, _ second: UInt8) -> Bool {
        // Contiguous bytes (a native string's UTF-8, an array): `first` found with memchr.
        if let found = withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
            var offset = 0
            while offset < bytes.count - 1, let hit = memchr(base + offset, Int32(first), bytes.count - 1 - offset) {
                let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if base[position + 1] == second { return true }
                offset = position + 1
            }
            return false
        }) {
            return found
        }
        var previous: UInt8?
        for byte in self {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
    }
}
