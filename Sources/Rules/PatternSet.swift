import Foundation
import Intl

/// A list of patterns matched as one: a pattern with required words runs only when the text
/// holds one of its words; patterns without any run together as one alternation.
public struct PatternSet: Sendable {
    let gated: [(pattern: Pattern, words: [[UInt8]])]
    let always: Pattern?

    public init?(_ patterns: [Pattern]) {
        guard !patterns.isEmpty else { return nil }
        var gated: [(Pattern, [[UInt8]])] = []
        var alwaysPatterns: [Pattern] = []
        for pattern in patterns {
            if let required = RequiredWords.of(pattern.source) {
                gated.append((pattern, required.sorted().map { Array($0.utf8) }))
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
        for entry in gated where entry.words.contains(where: text.contains) {
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

    /// Whether `word` (three bytes or more) occurs in the text.
    func contains(_ word: [UInt8]) -> Bool {
        guard word.count >= 3, word.count <= bytes.count else { return false }
        for index in 0...(word.count - 3) {
            let bit = Self.bit(word[index], word[index + 1], word[index + 2])
            if trigrams[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
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
