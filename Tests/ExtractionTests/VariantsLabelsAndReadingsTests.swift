@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Line items, sixteenth round: variant lines after an em dash, reference labels opened by a
/// number sign, count-and-price details under their names, and counts written after a colon.
/// Each on small invented mails.
@Suite("Variants, labels and readings")
struct VariantsLabelsAndReadingsTests {
    let extractor = OrderExtractor()

    @Test("A colour and a size after an em dash under a name are its variant, not a name under a brand (French, English)")
    func emDashVariants() throws {
        #expect(TextItemReader.isColourSizeLine("Rayures bleues — 38"))
        #expect(TextItemReader.isColourSizeLine("Heather grey — XL"))
        #expect(!TextItemReader.isColourSizeLine("Le Petit Prince — Édition collector"))
        let french = """
            Merci pour votre commande n°KM-20817.

            Robe Albane
            Fleurs fanées — 38
            Quantité : 1 98 €

            Gilet Octave
            Rayures marine — M
            Quantité : 1 75 €

            Total 173 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande n°KM-20817", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Robe Albane @ 98.00", "1 × Gilet Octave @ 75.00"])

        let english = """
            Thanks for your order #4410.

            Harbour Hoodie
            Heather grey — XL
            Qty: 2 £45.00

            Total £90.00
            """
        let hoodie = try #require(extractor.extract(message(subject: "Order #4410", plain: english), vendor: nil, category: .orders))
        #expect(hoodie.items.map(\.name) == ["Harbour Hoodie"])
    }
}
