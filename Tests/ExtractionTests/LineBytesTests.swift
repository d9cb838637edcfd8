import Intl
import Testing

@testable import Extraction

/// Work done on the UTF-8 of a line gives what the character and scalar views gave.
@Suite("Line bytes")
struct LineBytesTests {
    static let texts = ASCIICharacterTests.texts + [
        "Total : 12,00 €", "a:b:c", ":\u{301}x: y", "e\u{301}:", "\u{1F600}: smile", "🇫🇷:fr", "x\r\n:y", "label:\u{300}value: 3",
        "Sous-total\t45,90 €", "日本語：テキスト: 1", "\u{0600}:x",
    ]

    @Test("the first colon found on the bytes is the first colon character", arguments: texts)
    func firstColon(text: String) {
        #expect(TextItemReader.firstColon(in: text) == text.firstIndex(of: ":"))
        #expect(TextItemReader.labelValue(text)?.label == Self.labelValueByCharacters(text)?.label)
        #expect(TextItemReader.labelValue(text)?.value == Self.labelValueByCharacters(text)?.value)
    }

    static func labelValueByCharacters(_ text: String) -> (label: String, value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = TextFolding.fold(String(text[..<colon])).trimmedSpaces()
        let value = text[text.index(after: colon)...].trimmedSpaces()
        let words = Words(label)
        guard !words.isEmpty, words.count <= 3, !value.isEmpty else { return nil }
        return (words.items.joined(separator: " "), value)
    }

    @Test("a line's scalars decoded from its UTF-8 are its unicode scalars", arguments: texts)
    func scalars(text: String) {
        #expect(TextLine.scalars(of: text) == Array(text.unicodeScalars))
        #expect(TextLine(text).scalars == Array(text.unicodeScalars))
    }

    @Test("the normalized bytes keep word bytes and put one space between runs", arguments: texts)
    func normalizedBytes(text: String) {
        var expected: [UInt8] = [0x20]
        var space = false
        for byte in text.utf8 {
            if Words.isWordByte(byte) {
                if space, expected.count > 1 { expected.append(0x20) }
                expected.append(byte)
                space = false
            } else {
                space = true
            }
        }
        expected.append(0x20)
        #expect(StatusDetector.normalizedBytes(text, prefix: [0x20], suffix: [0x20]) == expected)
        #expect(StatusDetector.normalizedBytes(text) == Array(expected.dropFirst().dropLast()))
    }

    @Test("the cheap tests for numbers and references read the bytes as before", arguments: texts + ["ABCDE", "ab12cd34", "abcdefgh1", "ABCD-E"])
    func cheapTests(text: String) {
        var run = 0
        var digit = false
        var number = false
        for byte in text.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                run += 1
                digit = digit || isDigit
                if run >= 8 && digit { number = true }
            } else {
                run = 0
                digit = false
            }
        }
        #expect(TrackingFinder.mayHoldNumber(text) == number)
        let reference = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } || text.utf8.split { !($0 >= 0x41 && $0 <= 0x5A) }.contains { $0.count >= 5 }
        #expect(OrderNumberFinder.mayHoldReference(text) == reference)
    }
}

/// Slices and word edges made without the intermediate strings give what the strings gave.
@Suite("Line slices")
struct LineSliceTests {
    static let texts = LineBytesTests.texts + [
        "  Housse 88 touches\u{A0} 1\t89,00 €  ", "\u{200B}x\u{200B}", " \t ", "A & B 2", "&", "-- 3 --", "café crème 12",
    ]

    @Test("first and last words, and whether there are two", arguments: texts)
    func edges(text: String) {
        let folded = TextFolding.fold(text)
        let words = Words(folded).items
        let edges = Words.edges(folded)
        #expect(edges?.first == words.first)
        #expect(edges?.last == words.last)
        #expect((edges?.several ?? false) == (words.count >= 2))
    }

    @Test("slices trimmed on the scalars, and their last scalar, at every pair of offsets", arguments: texts)
    func slices(text: String) {
        let line = TextLine(text)
        let count = line.scalars.count
        for lower in -1...(count + 1) {
            for upper in -1...(count + 1) {
                let start = max(0, min(lower, count))
                let range = start..<max(start, min(count, upper))
                #expect(line.slice(from: lower, to: upper) == String(scalars: line.scalars[range]).trimmedWhitespaceLikeFoundation())
                #expect(line.lastScalar(from: lower, to: upper) == line.slice(from: lower, to: upper).unicodeScalars.last)
            }
        }
    }
}

/// Reference tests answered on the bytes give the answers of the character tests.
@Suite("Reference tests on bytes")
struct ReferenceBytesTests {
    /// `isReference` as it was written with `Character` tests.
    static func byCharacters(_ text: String, allowLettersOnly: Bool) -> Bool {
        if !allowLettersOnly, !text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        guard (3...40).contains(text.count) else { return false }
        guard text.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_./".unicodeScalars.contains($0) }) else {
            return false
        }
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        let digits = text.filter(\.isNumber).count
        if digits == 0 {
            return allowLettersOnly && (5...10).contains(text.count) && text.allSatisfy({ $0.isUppercase })
                && !OrderNumberFinder.stopWords.contains(text.lowercased())
        }
        if text.contains("/") && OrderNumberFinder.isSlashedDate(text) { return false }
        if text.count <= 4 && digits == text.count { return false }
        if OrderNumberFinder.isAmountLike(text) { return false }
        return true
    }

    @Test("random tokens of letters, digits, signs, accents and line breaks")
    func sameAnswers() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["A", "B", "Z", "x", "q", "0", "1", "9", "-", "_", ".", "/", "é", "Ä", "١", "\r\n", " ", "ORDER", "2025", "14/09/2025", "67.96", "CONFIRMED"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            for letters in [false, true] {
                #expect(OrderNumberFinder.isReference(text, allowLettersOnly: letters) == Self.byCharacters(text, allowLettersOnly: letters), "\(text.debugDescription)")
            }
        }
    }
}

/// A line's amounts split by bracket depth, with the depths counted only when a bracket opens.
@Suite("Amounts inside and outside brackets")
struct BracketedAmountTests {
    @Test("as splitting every token by its counted depth", arguments: [
        "Total TTC : 1 053,00 €", "Total (incl. 20% VAT of £2.17) £13.00", "[Promo -5,00 €] 45,90 €", "Sous-total 45,90 € (dont TVA 6,91 €)",
        "Qty 2 x £3.50 = £7.00", "(£1.00", "£1.00)", "no amount (at all)", "", "Prix : 387 €", "((£1.00) £2.00) £3.00 [€4,00]",
    ])
    func sameSplit(text: String) {
        let line = TextLine(text)
        let depths = TextLine.parenthesisDepths(line.scalars)
        let tokens = MoneyScanner.scan(line.scalars).filter { !$0.isBare || $0.number.fraction.count == 2 }
        #expect(line.amounts.map(\.range) == tokens.filter { depths[$0.range.lowerBound] == 0 }.map(\.range))
        #expect(line.bracketedAmounts.map(\.range) == tokens.filter { depths[$0.range.lowerBound] > 0 }.map(\.range))
        #expect(line.hasDigit == text.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0xD9 || $0 == 0xDB || $0 == 0xEF })
    }
}

/// A reference word's folded form trimmed on its bytes is the one trimmed on its scalars.
@Suite("Reference words trimmed on bytes")
struct ReferenceTrimTests {
    static let pieces = ["«", "»", ":", ";", ",", ".", "(", ")", "\"", "'", "A", "é", "1", "-", "#", "«x»", "ª", "»»", "\u{AB}\u{301}"]

    @Test("random words of punctuation, letters and guillemets")
    func sameTrim() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let word = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
            let bytes = Array(word.utf8)
            let trimmed = String(decoding: bytes[ReferenceTokens.trimmingPunctuation(0..<bytes.count, in: bytes)], as: UTF8.self)
            #expect(trimmed == word.trimmed(where: OrderNumberFinder.isTrimmedPunctuation), "\(word.debugDescription)")
        }
    }

    @Test("every token of a line", arguments: [
        "Commande n° «FR-12345» : confirmée.", "Order (#A1B2C3), placed", "Réf. : 'XKTBWNQPA';", "»« : ;", "Numéro: 2025/0219844.",
    ])
    func tokens(text: String) {
        let line = TextLine(text)
        let tokens = ReferenceTokens(line)
        let folded = Array(line.folded.utf8)
        let foldedRanges = ReferenceTokens.wordRanges(folded)
        let originalRanges = ReferenceTokens.wordRanges(Array(text.utf8))
        for index in 0..<tokens.count {
            let original = String(decoding: Array(text.utf8)[originalRanges[index]], as: UTF8.self)
            let word = foldedRanges.count == originalRanges.count
                ? String(decoding: folded[foldedRanges[index]], as: UTF8.self) : TextFolding.fold(original)
            #expect(tokens[index].folded == word.trimmed(where: OrderNumberFinder.isTrimmedPunctuation))
            #expect(tokens[index].original == original)
        }
    }
}
