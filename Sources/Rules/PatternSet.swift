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
        if let always, let match = always.firstMatch(in: text.utf16) { return match }
        for entry in gated where entry.words.contains(where: text.contains) {
            if let match = entry.pattern.firstMatch(in: text.utf16) { return match }
        }
        return nil
    }
}

/// A text prepared once for matching many pattern sets: UTF-16 for the regex engine, and an
/// index of its three-byte windows to test required words quickly.
public struct PatternText: Sendable {
    public let utf16: UTF16Text
    let bytes: [UInt8]
    let trigrams: Set<UInt32>

    public init(_ string: String) {
        utf16 = UTF16Text(string)
        bytes = Array(string.utf8)
        var trigrams = Set<UInt32>(minimumCapacity: bytes.count)
        if bytes.count >= 3 {
            for index in 0...(bytes.count - 3) {
                trigrams.insert(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]))
            }
        }
        self.trigrams = trigrams
    }

    public var string: String { utf16.string }
    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether `word` (three bytes or more) occurs in the text.
    func contains(_ word: [UInt8]) -> Bool {
        guard word.count >= 3, word.count <= bytes.count else { return false }
        for index in 0...(word.count - 3)
        where !trigrams.contains(UInt32(word[index]) << 16 | UInt32(word[index + 1]) << 8 | UInt32(word[index + 2])) {
            return false
        }
        let first = word[0]
        var start = 0
        while start <= bytes.count - word.count {
            guard let hit = bytes[start...].firstIndex(of: first), hit <= bytes.count - word.count else { return false }
            if bytes[hit..<(hit + word.count)].elementsEqual(word) { return true }
            start = hit + 1
        }
        return false
    }
}
