import Foundation
import Intl
import MailroomCore

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
        return bytes.withUnsafeBytes { haystack in
            phrase.withUnsafeBytes { needle in
                // Phrases start and end with a space, which is everywhere: probe the bytes inside.
                let count = needle.count
                let first = count > 1 && needle[0] == 0x20 ? 1 : 0
                let last = count - 2 > first && needle[count - 1] == 0x20 ? count - 2 : count - 1
                return ByteSearch.firstOffset(of: needle, in: haystack, probes: (first, last))
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
    /// When every phrase starts with a whole word (`"date de commande"`, `"order*"` is not one):
    /// those first words, filed like ``words``. A key holds a phrase only if it holds the
    /// phrase's first word as one of its words, so a key with none of them is passed over
    /// with one lookup per word instead of one search per phrase.
    let leadWords: [Int: [[UInt8]]]?

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
        var leadWords: [Int: [[UInt8]]]? = [:]
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            let lead = bytes.prefix { $0 != 0x20 }
            // A single word ending in `*` is a word start only; an empty first word is no word.
            guard !lead.isEmpty, lead.count < bytes.count || !phrase.hasSuffix("*") else {
                leadWords = nil
                break
            }
            leadWords?[Self.slot(count: lead.count, first: lead[lead.startIndex]), default: []].append(Array(lead))
        }
        self.leadWords = leadWords
    }

    static func slot(count: Int, first: UInt8) -> Int { count << 8 | Int(first) }

    func matches(_ key: SearchKey) -> Bool {
        guard let words else { return phrases.contains(where: key.contains) }
        // The key is its words between single spaces: a whole-word phrase occurs in it exactly
        // when it is one of them.
        return Self.holdsWord(of: words, in: key)
    }

    /// Whether one of the key's words is in `table` (words filed by ``slot(count:first:)``).
    static func holdsWord(of table: [Int: [[UInt8]]], in key: SearchKey) -> Bool {
        key.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start, let candidates = table[slot(count: index - start, first: bytes[start])] {
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
        if let leadWords, !Self.holdsWord(of: leadWords, in: key) { return nil }
        return phrases.indices.first { key.contains(phrases[$0]) }.map { texts[$0] }
    }
}
