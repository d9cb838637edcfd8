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
    /// The phrases whose first word is whole (all but one-word prefixes such as `rembours*`),
    /// as bytes (`" a b "`), filed by their first word's length and first byte: a key is matched
    /// with one lookup per word of the key instead of one search per phrase.
    let byFirstWord: [Int: [[UInt8]]]
    /// The positions in ``phrases`` of the phrases filed in each slot of ``byFirstWord``, in
    /// the same order.
    let indicesByFirstWord: [Int: [Int]]
    /// The positions in ``phrases`` of ``prefixes``, in the same order.
    let prefixIndices: [Int]
    /// A bit per slot of ``byFirstWord`` (words of up to 31 bytes), tested before the lookup.
    let slots: [UInt64]
    /// One-word prefixes, searched through the key.
    let prefixes: [[UInt8]]

    init(_ phrases: [String]) {
        texts = phrases
        self.phrases = phrases.map { phrase in
            phrase.hasSuffix("*") ? Array((" " + phrase.dropLast()).utf8) : Array((" " + phrase + " ").utf8)
        }
        var byFirstWord: [Int: [[UInt8]]] = [:]
        var indicesByFirstWord: [Int: [Int]] = [:]
        var slots = [UInt64](repeating: 0, count: 32 * 256 / 64)
        var prefixes: [[UInt8]] = []
        var prefixIndices: [Int] = []
        for (index, (phrase, bytes)) in zip(phrases, self.phrases).enumerated() {
            let firstWord = bytes.dropFirst().prefix { $0 != 0x20 }
            // A prefix's only word is not whole; an empty or long first word is searched too.
            guard !(phrase.hasSuffix("*") && !phrase.utf8.contains(0x20)), let first = firstWord.first, firstWord.count < 32 else {
                prefixes.append(bytes)
                prefixIndices.append(index)
                continue
            }
            let slot = Self.slot(count: firstWord.count, first: first)
            byFirstWord[slot, default: []].append(bytes)
            indicesByFirstWord[slot, default: []].append(index)
            slots[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        self.byFirstWord = byFirstWord
        self.indicesByFirstWord = indicesByFirstWord
        self.slots = slots
        self.prefixes = prefixes
        self.prefixIndices = prefixIndices
    }

    static func slot(count: Int, first: UInt8) -> Int { count << 8 | Int(first) }

    func matches(_ key: SearchKey) -> Bool {
        if !prefixes.isEmpty, prefixes.contains(where: key.contains) { return true }
        var found = false
        forEachWordPhrase(in: key, before: Int.max) { _ in
            found = true
            return false
        }
        return found
    }

    /// The first phrase of the list (in list order) that the key holds, as written in the list.
    ///
    /// One pass over the key's words, like ``matches(_:)``: every phrase found is a candidate,
    /// the one listed first wins (the same answer as searching the phrases one by one).
    func first(in key: SearchKey) -> String? {
        var best = Int.max
        for (position, phrase) in zip(prefixIndices, prefixes) where position < best && key.contains(phrase) {
            best = position
        }
        forEachWordPhrase(in: key, before: best) { position in
            best = min(best, position)
            return true
        }
        return best == Int.max ? nil : texts[best]
    }

    /// Calls `found` with the position in ``phrases`` of each phrase filed in ``byFirstWord``
    /// that the key holds and that is listed before `limit` (and before every position found
    /// so far), until `found` returns false. The key is its words between single spaces, with a
    /// space at each end: a phrase occurs in it exactly where one of its words is the phrase's
    /// first word and the bytes from the space before that word on are the phrase's.
    private func forEachWordPhrase(in key: SearchKey, before limit: Int, _ found: (Int) -> Bool) {
        guard !byFirstWord.isEmpty else { return }
        var limit = limit
        key.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                let length = index - start
                if length > 0, length < 32, start > 0 {
                    let slot = Self.slot(count: length, first: bytes[start])
                    if slots[slot >> 6] & (1 << UInt64(slot & 63)) != 0, let candidates = byFirstWord[slot],
                        let positions = indicesByFirstWord[slot]
                    {
                        let space = UnsafeRawPointer(base + start - 1)
                        let room = bytes.count - start + 1
                        for (candidate, position) in zip(candidates, positions) where position < limit && candidate.count <= room {
                            let equal = candidate.withUnsafeBytes { phrase in phrase.baseAddress.map { memcmp($0, space, candidate.count) == 0 } ?? false }
                            guard equal else { continue }
                            limit = position
                            if !found(position) { return }
                        }
                    }
                }
                start = index + 1
            }
        }
    }
}
