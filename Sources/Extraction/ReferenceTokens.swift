import Intl

/// The words of one line for ``OrderNumberFinder``, made on demand.
///
/// The search looks up every word's folded form among the labels' first words, but needs the
/// words themselves (original and folded) only at a label and the few words after it. Words
/// are cut exactly as ``Swift/String/spaceSeparatedWords()`` cuts them; a word's folded form
/// is compared as bytes with the first words (folded text is in one normal form, so equal
/// strings are equal bytes).
final class ReferenceTokens {
    private let text: [UInt8]
    private let folded: [UInt8]
    private let originalRanges: [Range<Int>]
    /// The folded words' ranges, when folding kept the number of words (nearly always).
    private let foldedRanges: [Range<Int>]?
    private var made: [OrderNumberFinder.Token?]

    var count: Int { originalRanges.count }

    init(_ line: TextLine) {
        text = Array(line.text.utf8)
        folded = Array(line.folded.utf8)
        originalRanges = Self.wordRanges(text)
        let foldedWords = Self.wordRanges(folded)
        foldedRanges = foldedWords.count == originalRanges.count ? foldedWords : nil
        made = Array(repeating: nil, count: originalRanges.count)
    }

    /// The token at `index`: its text, and its folded form without surrounding punctuation.
    subscript(index: Int) -> OrderNumberFinder.Token {
        if let token = made[index] { return token }
        let original = String(decoding: text[originalRanges[index]], as: UTF8.self)
        // The folded word trimmed on its bytes (the same scalars as `isTrimmedPunctuation`), made once.
        let foldedWord = foldedRanges.map { String(decoding: folded[Self.trimmingPunctuation($0[index], in: folded)], as: UTF8.self) }
            ?? TextFolding.fold(original).trimmed(where: OrderNumberFinder.isTrimmedPunctuation)
        let token = OrderNumberFinder.Token(original: original, folded: foldedWord)
        made[index] = token
        return token
    }

    /// Whether the token's folded form may be one of `firstWords` (filed by ``slot(count:first:)``):
    /// exact when the folded words are known, `true` otherwise.
    func mayBe(oneOf firstWords: [Int: [[UInt8]]], at index: Int) -> Bool {
        guard let foldedRanges else { return true }
        let range = Self.trimmingPunctuation(foldedRanges[index], in: folded)
        guard !range.isEmpty, let candidates = firstWords[Self.slot(count: range.count, first: folded[range.lowerBound])] else {
            return false
        }
        return candidates.contains { $0.elementsEqual(folded[range]) }
    }

    static func slot(count: Int, first: UInt8) -> Int { count << 8 | Int(first) }

    /// Words as ``Swift/String/spaceSeparatedWords()`` cuts them: between runs of spaces, tabs,
    /// line breaks and no-break spaces.
    static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 0
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                width = 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                width = 2
            }
            if width > 0 {
                if let begin = start { ranges.append(begin..<index); start = nil }
                index += width
            } else {
                if start == nil { start = index }
                index += 1
            }
        }
        if let begin = start { ranges.append(begin..<bytes.count) }
        return ranges
    }

    /// The range without the scalars ``OrderNumberFinder/isTrimmedPunctuation(_:)`` trims at
    /// either end (ASCII signs, and `«` `»`, C2 AB and C2 BB in UTF-8).
    static func trimmingPunctuation(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x3A, 0x3B, 0x2C, 0x2E, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x27: true
            default: false
            }
        }
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            if isASCIIPunctuation(bytes[start]) {
                start += 1
            } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xAB || bytes[start + 1] == 0xBB {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if isASCIIPunctuation(bytes[end - 1]) {
                end -= 1
            } else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xAB || bytes[end - 1] == 0xBB {
                end -= 2
            } else {
                break
            }
        }
        return start..<end
    }
}
