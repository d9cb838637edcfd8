import Foundation
import Intl

/// A list of patterns matched as one: a pattern with required words runs only when the text
/// holds one of its words; patterns without any run together as one alternation.
public struct PatternSet: Sendable {
    /// The patterns with required words, each with the range of its words in `words`.
    let gated: [(pattern: Pattern, words: Range<Int>)]
    let words: RequiredWordList
    let always: Pattern?

    public init?(_ patterns: [Pattern]) {
        guard !patterns.isEmpty else { return nil }
        var gated: [(Pattern, Range<Int>)] = []
        var words = RequiredWordList()
        var alwaysPatterns: [Pattern] = []
        for pattern in patterns {
            if let required = RequiredWords.of(pattern.source) {
                let first = words.count
                for word in required.sorted() { words.append(Array(word.utf8)) }
                gated.append((pattern, first..<words.count))
            } else {
                alwaysPatterns.append(pattern)
            }
        }
        self.gated = gated
        self.words = words
        always = Pattern(anyOf: alwaysPatterns)
    }

    /// The first match in `text` of any pattern, if any (patterns are tried in order, the
    /// ungated ones first).
    public func firstMatch(in text: PatternText) -> String? {
        if let always, let match = always.firstMatch(in: text) { return match }
        for entry in gated where words.anyOccurs(entry.words, in: text) {
            if let match = entry.pattern.firstMatch(in: text) { return match }
        }
        return nil
    }
}

/// A text prepared once for matching many pattern sets: UTF-16 for the regex engine, and a
/// bit filter of its three-byte windows to rule out required words quickly.
public struct PatternText: Sendable {
    public let utf16: UTF16Text
    let bytes: [UInt8]
    /// The text's UTF-8 bytes.
    public var utf8: [UInt8] { bytes }
    /// 4,096 bits, one per hashed three-byte window: a word with a window whose bit is clear is absent.
    let trigrams: [UInt64]
    /// The UTF-16 offsets where an ASCII letter or digit follows the start or a character
    /// other than an ASCII letter, digit or `_`: every place where `\b` can come before a
    /// letter or digit (ICU may find fewer; it never finds more).
    let wordStarts: [Int32]

    public init(_ string: String) {
        utf16 = UTF16Text(string)
        var wordStarts: [Int32] = []
        utf16.units.withUnsafeBufferPointer { units in
            var previousIsWord = false
            for (offset, unit) in units.enumerated() {
                let isWord = Self.isASCIIAlphanumeric(unit)
                if isWord, !previousIsWord { wordStarts.append(Int32(offset)) }
                previousIsWord = isWord || unit == 0x5F
            }
        }
        self.wordStarts = wordStarts
        bytes = Array(string.utf8)
        var trigrams = [UInt64](repeating: 0, count: 64)
        if bytes.count >= 3 {
            bytes.withUnsafeBufferPointer { bytes in
                for index in 0...(bytes.count - 3) {
                    let bit = Self.bit(bytes[index], bytes[index + 1], bytes[index + 2])
                    trigrams[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
        self.trigrams = trigrams
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || (unit | 0x20 >= 0x61 && unit | 0x20 <= 0x7A)
    }

    public var string: String { utf16.string }
    public var isEmpty: Bool { bytes.isEmpty }

    @inline(__always)
    static func bit(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let window = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return Int((window &* 2_654_435_761) >> 20)
    }

    /// Whether `word` occurs in the text, by a byte search (after the filter said it may).
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, word.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, let pattern = word.baseAddress else { return false }
            let last = haystack.count - word.count
            var offset = 0
            while offset <= last, let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, pattern, word.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}

/// Words patterns cannot match without, with the bits of their three-byte windows in
/// ``PatternText``'s filter (word by word of the filter), stored flat: a set's words are
/// checked for every message (about 2,700 per message), and an array (two, with the bits) per
/// word cost a cache miss per word read. A word's first filter probe is kept with it: most
/// words are ruled out by it.
struct RequiredWordList: Sendable {
    /// One word: its first filter probe, and where its bytes and other probes are.
    struct Word: Sendable {
        let firstMask: UInt64
        let firstSlot: Int32
        let start: Int32
        let length: Int32
        let probeStart: Int32
        let probeEnd: Int32

        var bytes: Range<Int> { Int(start)..<Int(start + length) }
        var otherProbes: Range<Int> { Int(probeStart)..<Int(probeEnd) }
    }

    private(set) var words: [Word] = []
    /// The words' bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// The words' filter probes after their first, one after another.
    private(set) var probes: [(slot: Int, mask: UInt64)] = []

    var count: Int { words.count }

    /// Whether the text holds one of the words in `range`.
    func anyOccurs(_ range: Range<Int>, in text: PatternText) -> Bool {
        let textLength = text.bytes.count
        return text.trigrams.withUnsafeBufferPointer { trigrams in
            words.withUnsafeBufferPointer { words in
                for word in words[range] where word.length <= textLength && trigrams[Int(word.firstSlot)] & word.firstMask == word.firstMask {
                    let passes = probes.withUnsafeBufferPointer { probes in
                        probes[word.otherProbes].allSatisfy { trigrams[$0.slot] & $0.mask == $0.mask }
                    }
                    guard passes else { continue }
                    if bytes.withUnsafeBufferPointer({ text.contains(UnsafeBufferPointer(rebasing: $0[word.bytes])) }) { return true }
                }
                return false
            }
        }
    }

    /// Whether the text holds word `index`.
    func occurs(_ index: Int, in text: PatternText) -> Bool { anyOccurs(index..<index + 1, in: text) }

    /// Adds a word.
    mutating func append(_ word: [UInt8]) {
        var masks: [Int: UInt64] = [:]
        if word.count >= 3 {
            for index in 0...(word.count - 3) {
                let bit = PatternText.bit(word[index], word[index + 1], word[index + 2])
                masks[bit >> 6, default: 0] |= 1 << UInt64(bit & 63)
            }
        }
        let all = masks.keys.sorted().map { (slot: $0, mask: masks[$0] ?? 0) }
        // A word too short for a window has no probe (an empty mask passes): it is searched.
        let first = all.first ?? (slot: 0, mask: 0)
        let probeStart = probes.count
        probes += all.dropFirst()
        words.append(Word(firstMask: first.mask, firstSlot: Int32(first.slot), start: Int32(bytes.count), length: Int32(word.count),
                          probeStart: Int32(probeStart), probeEnd: Int32(probes.count)))
        bytes += word
    }
}
