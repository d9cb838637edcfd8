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
    @Test("A bare count after the name's colon, then '@' and the unit price (English, French)")
    func countAfterColon() throws {
        let english = """
            Thanks for your order (No. HB-3381).

            - Rooibos Honeybush Loose Leaf, 200g pouch: 3 @ €7.20 = €21.60
            - Glass teapot with infuser 600ml: 1 @ €18.00 = €18.00

            Postage: €5.00
            Grand total: €44.60
            """
        let order = try #require(extractor.extract(message(subject: "Your order HB-3381", plain: english), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Rooibos Honeybush Loose Leaf, 200g pouch @ 7.20", "1 × Glass teapot with infuser 600ml @ 18.00"])

        let french = """
            Commande n° 5530

            Savon d'Alep 20 % laurier: 4 @ 6,50 € = 26,00 €
            Porte-savon en olivier: 1 @ 9,90 € = 9,90 €

            Total : 35,90 €
            """
        let soaps = try #require(extractor.extract(message(subject: "Commande n° 5530", plain: french), vendor: nil, category: .orders))
        #expect(amounts(soaps) == ["4 × Savon d'Alep 20 % laurier @ 6.50", "1 × Porte-savon en olivier @ 9.90"])
    }

    @Test("A title row over a row of a labelled count, a labelled unit price and the line's total (Italian, English, German)", arguments: [
        ("Quantità", "prezzo unitario"), ("Qty", "Unit price"), ("Menge", "Einzelpreis"),
    ])
    func labelledCountAndUnitPriceRow(count: String, unit: String) throws {
        let html = """
            <html><body><p>Order n. 2026/0588</p><table>
            <tr><td colspan="2"><b>Brunello di Montalcino DOCG 2018</b></td></tr>
            <tr><td>\(count) 2 &nbsp;·&nbsp; \(unit) 54,00 €</td><td align="right">108,00 €</td></tr>
            <tr><td colspan="2"><b>Vin Santo del Chianti 375 ml</b></td></tr>
            <tr><td>\(count) 1 &nbsp;·&nbsp; \(unit) 24,50 €</td><td align="right">24,50 €</td></tr>
            <tr><td>Spedizione</td><td align="right">9,00 €</td></tr>
            <tr><td><b>Totale</b></td><td align="right"><b>141,50 €</b></td></tr>
            </table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order 2026/0588", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Brunello di Montalcino DOCG 2018 @ 54.00", "1 × Vin Santo del Chianti 375 ml @ 24.50"])
    }
}
