import Foundation
import Intl

/// A text prepared for phrase search: folded, letters and digits only, single spaces between
/// words and one space at each end (`" votre commande est expediee "`), as UTF-8 bytes, so a
/// whole-word phrase is one `memmem`.
struct SearchKey: Sendable {
    let bytes: [UInt8]

    init(folded: String) {
        self.bytes = StatusDetector.normalizedBytes(folded, prefix: [0x20], suffix: [0x20])
    }

    init(_ text: String) { self.init(folded: TextFolding.fold(text)) }

    /// Whether the key holds `phrase` (given as `" word word "`, or `" prefix"` for a word start).
    func contains(_ phrase: [UInt8]) -> Bool { offset(of: phrase) != nil }

    /// Where `phrase` starts in the key.
    func offset(of phrase: [UInt8]) -> Int? {
        guard !phrase.isEmpty, phrase.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            phrase.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return nil }
                // Phrases start with a space, which is everywhere: look for the byte after it.
                let anchor = needle.count > 1 && pattern[0] == 0x20 ? 1 : 0
                let first = Int32(pattern[anchor])
                let last = haystack.count - needle.count
                var offset = anchor
                while offset <= last + anchor, let hit = memchr(base + offset, first, last + anchor - offset + 1) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                    if memcmp(base + position, pattern, needle.count) == 0 { return position }
                    offset = position + anchor + 1
                }
                return nil
            }
        }
    }

    /// The key's text after a phrase ends.
    func text(after phrase: [UInt8]) -> String? {
        guard let start = offset(of: phrase) else { return nil }
        return String(decoding: bytes[(start + phrase.count)...], as: UTF8.self)
    }
}

/// Phrases compiled for ``SearchKey``: `"*"` at the end of a phrase matches any word ending.
struct PhraseList: Sendable {
    let phrases: [[UInt8]]
    let texts: [String]
    /// When every phrase is one whole word (no space, no `*`): its bytes, filed by length and
    /// first byte, so that a key is matched with one lookup per word of the key instead of one
    /// search per phrase.
    let words: [Int: [[UInt8]]]?

    init(_ phrases: [String]) {
        texts = phrases
        self.phrases = phrases.map { phrase in
            phrase.hasSuffix("*") ? Array((" " + phrase.dropLast()).utf8) : Array((" " + phrase + " ").utf8)
        }
        if phrases.allSatisfy({ !$0.isEmpty && !$0.utf8.contains(0x20) && !$0.hasSuffix("*") }) {
            var words: [Int: [[UInt8]]] = [:]
            for phrase in phrases {
                let bytes = Array(phrase.utf8)
                words[Self.slot(count: bytes.count, first: bytes[0]), default: []].append(bytes)
            }
            self.words = words
        } else {
            words = nil
        }
    }

    static func slot(count: Int, first: UInt8) -> Int { count << 8 | Int(first) }

    func matches(_ key: SearchKey) -> Bool {
        guard let words else { return phrases.contains(where: key.contains) }
        // The key is its words between single spaces: a whole-word phrase occurs in it exactly
        // when it is one of them.
        return key.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start, let candidates = words[Self.slot(count: index - start, first: bytes[start])] {
                    let word = UnsafeRawPointer(base + start)
                    let length = index - start
                    let found = candidates.contains { candidate in
                        candidate.withUnsafeBytes { bytes in bytes.baseAddress.map { memcmp($0, word, length) == 0 } ?? false }
                    }
                    if found { return true }
                }
                start = index + 1
            }
            return false
        }
    }

    /// The first phrase found, as written in the list.
    func first(in key: SearchKey) -> String? {
        phrases.indices.first { key.contains(phrases[$0]) }.map { texts[$0] }
    }
}
