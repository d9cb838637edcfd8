import Foundation
import Testing

@testable import Extraction

/// The shortcuts (on UTF-8 bytes, or past work that cannot change the answer) give the answers
/// of the slower code they stand for.
@Suite("Extraction shortcuts")
struct BytePathTests {
    static let texts = [
        "", " ", "Kettle", "Kettle Black", "Kettle  Black", " Kettle", "Kettle ", "Kettle\tBlack", "Kettle\u{A0}Black",
        "Théière à thé", "Tasse\r\nBleue", "à\u{A0}", "Ariel Pods 36 stk.", "Mug | Acme Shop", "Veste · Taille M",
        "Cafe\u{301} noir", "Jupe — Bleu", "Jupe – Bleu", "42143 | Ferrari", "Cable 2 m / 3 m / 5 m", "a  ", "\u{A0}",
    ]

    @Test("collapsing spaces joins the words again", arguments: texts)
    func collapsing(text: String) {
        #expect(text.collapsingSpaces() == text.spaceSeparatedWords().joined(separator: " "))
    }

    @Test("a separator is found in the bytes where Foundation finds it", arguments: texts)
    func separators(text: String) {
        for needle in [" | ", " · ", " — ", " – ", " / ", "  ", " - ", "stk.", "Kettle"] {
            #expect(text.containsBytes(needle) == text.contains(needle), "\(text) \(needle)")
        }
    }

    @Test("a label's prefixes are found as hasPrefix finds them")
    func prefixes() {
        let prefixes = ["versand", "liefer", "gesamt", "total"]
        for label in ["versandkosten", "lieferung", "gesamtbetrag", "totale", "frais de port", "", "v", "total tva", "e\u{301}"] {
            let words = Words(label)
            #expect(words.hasPrefixAny(prefixes) == words.items.contains { word in prefixes.contains { word.hasPrefix($0) } }, "\(label)")
        }
    }

    @Test("a name's first word is searched for only where a line must hold its bytes", arguments: [
        ("Desk lamp", "Desk"), ("Ariel Pods stk.", "Ariel"), ("stk.", "stk"), ("Théière", nil), ("Kettle Black", nil),
        ("", nil), (".", nil), ("Mug;2", nil),
    ] as [(String, String?)])
    func firstWord(name: String, expected: String?) {
        #expect(ItemRegions.searchableFirstWord(of: name) == expected)
    }

    @Test("the recommended items are those every line's cleaned name gives")
    func recommended() {
        let lines = [
            "Your order", "Desk lamp   £24.00", "You may also like", "- Desk lamp", "Kettle\u{A0}Black  £30.00", "• Plant pot",
            "Notebook A5 Ariel stk.", "Théière à thé",
        ].map { TextLine($0) }
        let names = ["Desk lamp", "Kettle Black", "Plant pot", "Théière à thé", "Ariel stk.", "Notebook A5 Ariel stk.", "Pen"]
        let items = names.map { ItemCandidate(name: $0, quantity: 1) }
        let heading = lines.firstIndex(where: ItemRegions.isRecommendationHeading) ?? lines.count
        let following = lines[(heading + 1)...].prefix(80)
        let cleaned = Set(following.map { TextItemReader.cleanName($0.text) } + following.compactMap { $0.cells.first.map(TextItemReader.cleanName) })
        let kept = ItemRegions.removingRecommended(items, lines: lines).map(\.name)
        #expect(kept == names.filter { !cleaned.contains($0) })
        #expect(kept.contains("Pen") && !kept.contains("Plant pot"))
    }

    @Test("a return or a refund is told as the whole status tells it", arguments: [
        ("Your refund for order 1042", "We have refunded £20.00."), ("Votre commande est expédiée", "Nous vous avons remboursé 12 €."),
        ("Re: my parcel", "We received your return and have refunded you."), ("Your return", "It will be on its way soon."),
        ("Annulation de votre commande", "Le remboursement a été effectué."), ("Question", "Where is my parcel?"),
        ("Ihre Rücksendung", ""), ("", "Ihre Rücksendung ist eingegangen."), ("Order shipped", "Your refund has been processed."),
    ])
    func returnOrRefund(subject: String, body: String) {
        let status = StatusDetector.status(subject: subject, body: body)
        #expect(StatusDetector.saysReturnOrRefund(subject: subject, body: body) == (status == .refunded || status == .returned))
    }
}
