import Testing

@testable import Rules

@Suite("Pattern prefilter")
struct PatternSetTests {
    @Test("the words every match must contain", arguments: [
        (#"\b(votre|ta) commande\b"#, ["commande"]),
        (#"\b(facture|avoir|quittance)\b"#, ["facture", "avoir", "quittance"]),
        (#"\bcommandes?\b"#, ["commande"]),
        (#"\b(n|no|numero) de commande\b"#, ["commande"]),
        (#"^(news|newsletters?)\b"#, ["news", "newsletter"]),
        (#"\bthanks? (you )?for (your )?order\b"#, ["thank"]),
        (#"\b(sign(ed)?|log(ged)?)[- ]?in\b"#, ["sign", "log"]),
    ] as [(String, Set<String>)])
    func required(pattern: String, words: Set<String>) {
        #expect(RequiredWords.of(pattern) == words)
    }

    @Test("patterns that can match without a literal word are always run", arguments: [
        #"(\d+ ?%|-\d+ ?(%|e|eur)\b)"#, #"^\s*(re|aw|sv)\s*:"#, #"\b(2fa|two[- ]step)\b"#, #"(?=foo)bar|x"#, #"\w+"#,
    ])
    func ungated(pattern: String) {
        #expect(RequiredWords.of(pattern) == nil)
    }

    @Test("a prefiltered set finds exactly what the plain patterns find", arguments: [
        "merci pour votre commande n 42", "votre facture de mars", "offre speciale -30 %", "re: votre dossier",
        "nothing to see here", "",
    ])
    func sameMatches(text: String) throws {
        let sources = [#"\b(votre|ta) commande\b"#, #"\b(facture|avoir)\b"#, #"(\d+ ?%)"#, #"^\s*(re|aw)\s*:"#]
        let patterns = try sources.map { try Pattern($0) }
        let set = try #require(PatternSet(patterns))
        let plain = patterns.contains { $0.matches(text) }
        #expect((set.firstMatch(in: PatternText(text)) != nil) == plain)
    }

    @Test("a required word's precomputed filter bits find what a byte search finds (a word too short for them too)")
    func requiredWords() {
        let texts = ["votre commande est partie", "commandes", "comm ande", "", "facture", "la facturation", "xyz", "préférée"]
        let words = ["commande", "facture", "factur", "abc", "xyz", "ande", "férée", "de"]
        var list = RequiredWordList()
        for word in words { list.append(Array(word.utf8)) }
        for text in texts {
            let prepared = PatternText(text)
            for (index, word) in words.enumerated() {
                #expect(list.occurs(index, in: prepared) == text.contains(word), "\(word) in \(text)")
            }
        }
    }
}
