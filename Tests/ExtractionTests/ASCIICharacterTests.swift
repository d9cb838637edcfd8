import Testing

@testable import Extraction

/// Byte-level answers for ASCII text, Character answers otherwise: always the Character answer.
@Suite("Character tests on bytes")
struct ASCIICharacterTests {
    static let texts = [
        "", "12345", "12a45", "abc", "ABCdef", "abc1", "café", "١٢٣", "１２３", "Ｘ", "a\r\nb", "\r\n", "12\r\n",
        "n°12", "#1042", ":", "-#:", "–", ":—", "ß", "Ⅻ", "½", "e\u{301}", "order", "ORDER-12", " ", "\t",
    ]

    @Test("count, all numbers, all letters, all signs", arguments: texts)
    func same(text: String) {
        #expect(text.characterCount == text.count)
        #expect(text.isAllNumbers == text.allSatisfy(\.isNumber))
        #expect(text.isAllLetters == text.allSatisfy(\.isLetter))
        #expect(OrderNumberFinder.isAllSigns(text) == text.allSatisfy { ":#-–—".contains($0) })
        let substring = text.dropFirst()
        #expect(substring.characterCount == substring.count)
        #expect(substring.isAllNumbers == substring.allSatisfy(\.isNumber))
    }

    @Test("the first words of a label are the label's first words", arguments: [
        "qte 2 article", "quantity: 3 x", "", "a", "a b c d e f g h i j k", "  lead  trail  ", "café & thé,  x", "1 2 3",
    ])
    func firstWords(text: String) {
        for limit in 1...10 {
            #expect(Words(text, maximumCount: limit).items == Array(Words(text).items.prefix(limit)))
        }
    }

    @Test("a text without digits holds no amount; the scan of its scalars agrees", arguments: [
        "Total TTC", "١٢٣ €", "１２３ €", "Prix : 12,50 €", "", "€", "douze euros",
    ])
    func noDigits(text: String) {
        #expect(MoneyScanner.scan(text) == MoneyScanner.scan(Array(text.unicodeScalars)))
    }
}

@Suite("JSON-LD markers")
struct JSONLDMarkerTests {
    @Test("found from the plus sign, as two searches find it", arguments: [
        "", "ld+json", "LD+JSON", "Ld+Json", "x ld+jso", "d+json", "<script type=\"application/ld+json\">", "a+b+c ld+json",
        "++++LD+JSON++", "ld+jsonld+json", "l+json", "ld+json\u{301}", "é ld+json é", "ld+JSON", "+ld+json",
    ])
    func same(text: String) {
        #expect(OrderExtractor.containsJSONLD(text) == OrderExtractor.containsCaseInsensitive(text, "ld+json"))
    }

    @Test("random texts of the marker's letters")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ldLD+jsonJSON x")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " })
            #expect(OrderExtractor.containsJSONLD(text) == OrderExtractor.containsCaseInsensitive(text, "ld+json"), "\(text)")
        }
    }
}
