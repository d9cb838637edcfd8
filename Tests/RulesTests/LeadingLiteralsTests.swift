import Testing

@testable import Rules

@Suite("Pattern leading literals")
struct LeadingLiteralsTests {
    typealias Literal = LeadingLiterals.Literal

    @Test("the texts every match starts with", arguments: [
        (#"\b(order|invoice) (number|no)\b"#, [
            Literal(text: "invoice no", afterBoundary: true), Literal(text: "invoice number", afterBoundary: true),
            Literal(text: "order no", afterBoundary: true), Literal(text: "order number", afterBoundary: true),
        ]),
        (#"\b(votre|ta) commande\b"#, [Literal(text: "ta commande", afterBoundary: true), Literal(text: "votre commande", afterBoundary: true)]),
        (#"\bcommandes?\b"#, [Literal(text: "commande", afterBoundary: true)]),
        (#"\b(e-?billets?|carte d.embarquement)\b"#, [Literal(text: "carte d", afterBoundary: true), Literal(text: "e", afterBoundary: true)]),
        (#"(?:\bfoo)|(?:bar\b)"#, [Literal(text: "bar", afterBoundary: false), Literal(text: "foo", afterBoundary: true)]),
        (#"ship-confirm|order-update"#, [Literal(text: "order-update", afterBoundary: false), Literal(text: "ship-confirm", afterBoundary: false)]),
        (#"\b(ab+c)"#, [Literal(text: "ab", afterBoundary: true)]),
        // A run of literals ends before a quantified character, which extends it once (`+`) or not at all (`?`).
        (#"\bcolis expedi+e"#, [Literal(text: "colis expedi", afterBoundary: true)]),
        (#"\bsuivi de colis ?n"#, [Literal(text: "suivi de colis", afterBoundary: true)]),
        (#"(colis|paquet) (suivi|livre){2}"#, [
            Literal(text: "colis livre", afterBoundary: false), Literal(text: "colis suivi", afterBoundary: false),
            Literal(text: "paquet livre", afterBoundary: false), Literal(text: "paquet suivi", afterBoundary: false),
        ]),
    ] as [(String, [Literal])])
    func leading(pattern: String, literals: [Literal]) {
        #expect(LeadingLiterals.of(pattern)?.literals == literals)
    }

    @Test("patterns whose matches may start anywhere are searched whole", arguments: [
        #"(\d+ ?%|-\d+ ?(%|e|eur)\b)"#, #"^\s*(re|aw|sv)\s*:"#, #"\b(votre )?commande"#, #"(?=foo)bar"#, #"\w+"#,
        #"(?i)order"#, #"\b(order|.x)"#, #"x?order"#, #"\b(order|)"#, #"[ab]c"#, #"\border|\d"#,
    ])
    func none(pattern: String) {
        #expect(LeadingLiterals.of(pattern) == nil)
    }

    @Test("matches found from the literals' places are the matches of a whole search", arguments: [
        "order number 42", "x_order number 42", "éorder number", "l'order number", "order\u{301} number", "reorder number",
        "«order number»", "9order number", "_order no", "order\u{200B}order number", "invoice  number", "", "order",
        "votre facture n 12 et ta commande", "re: commande", "offre -30 % ce week-end", "bar foo", "xfoo bar",
        "\u{1F600}order number", "order no\u{A0}order number",
    ])
    func sameMatches(text: String) throws {
        let sources = [
            #"\b(order|invoice) (number|no)\b"#, #"\b(votre|ta) commande\b"#, #"(?:\bfoo)|(?:bar\b)"#, #"order number"#,
            #"\b(n|no|numero) (de )?(commande|facture)\b"#, #"\bcommande\b.{0,40}\b(confirmee|validee)\b"#, #"\b(x|foo|order)\b"#,
            #"(?<=l')order"#, #"\b\border"#,
        ]
        let prepared = PatternText(text)
        for source in sources {
            let pattern = try Pattern(source)
            #expect(pattern.firstMatch(in: prepared) == pattern.firstMatch(in: prepared.utf16), "\(source) on \(text)")
        }
    }
}
