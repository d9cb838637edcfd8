import Foundation
import MailroomCore

/// Trimming without Foundation's `CharacterSet` (costly on hot paths): scalars matched by a
/// closure, or spaces and tabs.
extension StringProtocol {
    /// The text without leading and trailing scalars for which `drop` is true.
    func trimmed(where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        var last = scalars.index(before: scalars.endIndex)
        while drop(scalars[last]) { last = scalars.index(before: last) }
        return String(self[first...last])
    }

    /// The text without leading and trailing whitespace (spaces, tabs, no-break spaces).
    func trimmedSpaces() -> String { trimmed { $0.properties.isWhitespace } }

    /// The text without leading and trailing whitespace as Foundation's `CharacterSet.whitespaces`
    /// defines it (tab, space separators, zero-width space), trimmed scalar by scalar like
    /// `trimmingCharacters(in: .whitespaces)`, without building a character set.
    func trimmedWhitespaceLikeFoundation() -> String { trimmed(where: isFoundationWhitespace) }

    /// The text without leading and trailing scalars of `characters`.
    func trimmed(_ characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        return trimmed { set.contains($0) }
    }
}

extension String {
    /// Whether the UTF-8 holds `byte`: `memchr` on the contiguous bytes, where
    /// `utf8.contains(_:)` stepped through the view byte by byte (item names are read from
    /// every line under a recommendation heading).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether `needle` (not empty) occurs in the UTF-8 bytes: a byte search, where Foundation's
    /// `contains` compares by canonical equivalence at some 10,000 instructions a call (a name's
    /// separators are looked for in every line read as an item).
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                // The bytes inside a spaced separator (" | ", " — ") are rarer than its spaces.
                let probes = pattern.count > 2 ? (1, pattern.count - 2) : (0, pattern.count - 1)
                return ByteSearch.firstOffset(of: UnsafeRawBufferPointer(pattern), in: UnsafeRawBufferPointer(bytes), probes: probes) != nil
            }
        }
    }

    /// The words between runs of spaces, tabs and no-break spaces joined by single spaces
    /// (`spaceSeparatedWords().joined(separator: " ")`): the text itself, not split and joined
    /// again, when single spaces are its only separators (most names).
    func collapsingSpaces() -> String {
        var text = self
        let alreadyCollapsed = text.withUTF8 { bytes in
            // A space first or last, two in a row, a tab, a line break or a no-break space are collapsed.
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20) || (byte == 0xA0 && previous == 0xC2) {
                    return false
                }
                previous = byte
            }
            return previous != 0x20 || bytes.isEmpty
        }
        return alreadyCollapsed ? self : spaceSeparatedWords().joined(separator: " ")
    }

    /// The words between runs of spaces, tabs and no-break spaces, split on UTF-8 bytes (the
    /// Character-based `split` costs a grapheme break per character).
    func spaceSeparatedWords() -> [Substring] {
        var words: [Substring] = []
        let bytes = utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            var width = 0
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                width = 1
            } else if byte == 0xC2, bytes.index(after: index) < bytes.endIndex, bytes[bytes.index(after: index)] == 0xA0 {
                width = 2
            }
            if width > 0 {
                if let begin = start { words.append(self[begin..<index]); start = nil }
                index = bytes.index(index, offsetBy: width)
            } else {
                if start == nil { start = index }
                index = bytes.index(after: index)
            }
        }
        if let begin = start { words.append(self[begin..<endIndex]) }
        return words
    }

    /// At most `count` UTF-8 bytes of the text, cut on a scalar boundary.
    func utf8Prefix(_ count: Int) -> String {
        guard utf8.count > count else { return self }
        var end = utf8.index(utf8.startIndex, offsetBy: count)
        while end > startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(self[..<end])
    }
}

/// A member of Foundation's `CharacterSet.whitespaces` on this platform: U+0009, the space
/// separators (Zs) and U+200B.
@inline(__always) func isFoundationWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0: return true
    case 0x21...0x9F: return false
    case 0x200B: return true
    default: return scalar.properties.generalCategory == .spaceSeparator
    }
}
