import Foundation
import Intl

/// A list of patterns matched as one: a pattern with required words runs only when the text
/// holds one of its words; patterns without any run together as one alternation.
public struct PatternSet: Sendable {
    let gated: [(pattern: Pattern, words: [RequiredWord])]
    let always: Pattern?

    public init?(_ patterns: [Pattern]) {
        guard !patterns.isEmpty else { return nil }
        var gated: [(Pattern, [RequiredWord])] = []
        var alwaysPatterns: [Pattern] = []
        for pattern in patterns {
            if let required = RequiredWords.of(pattern.source) {
                gated.append((pattern, required.sorted().map { RequiredWord(Array($0.utf8)) }))
            } else {
                alwaysPatterns.append(pattern)
            }
        }
        self.gated = gated
        always = Pattern(anyOf: alwaysPatterns)
    }

    /// The first match in `text` of any pattern, if any (patterns are tried in order, the
    /// ungated ones first).
    public func firstMatch(in text: PatternText) -> String? {
        if let always, let match = always.firstMatch(in: text) { return match }
        // A closure that reads the text in place: the method reference `text.contains` made a
        // closure holding a copy of the text (its four arrays retained and released) per pattern.
        for entry in gated where entry.words.contains(where: { text.contains($0) }) {
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

    /// Whether `required` (three bytes or more) occurs in the text: its three-byte windows'
    /// bits, hashed once when the pattern set was made, are tested first.
    func contains(_ required: RequiredWord) -> Bool {
        let word = required.bytes
        guard word.count >= 3, word.count <= bytes.count else { return false }
        for probe in required.probes where trigrams[probe.slot] & probe.mask != probe.mask { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            word.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
                let last = haystack.count - needle.count
                var offset = 0
                while offset <= last, let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern, needle.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}

/// A word a pattern cannot match without, with the bits of its three-byte windows in
/// ``PatternText``'s filter (word by word of the filter).
struct RequiredWord: Sendable {
    let bytes: [UInt8]
    let probes: [(slot: Int, mask: UInt64)]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var masks: [Int: UInt64] = [:]
        if bytes.count >= 3 {
            for index in 0...(bytes.count - 3) {
                let bit = PatternText.bit(bytes[index], bytes[index + 1], bytes[index + 2])
                masks[bit >> 6, default: 0] |= 1 << UInt64(bit & 63)
            }
        }
        probes = masks.keys.sorted().map { (slot: $0, mask: masks[$0] ?? 0) }
    }
}
