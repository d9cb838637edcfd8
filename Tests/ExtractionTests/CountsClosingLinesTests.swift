@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Item lines whose count closes them: in brackets with the price (`(1 x 599,99 €)`, `(2 stuks,
/// € 39,99)`), or after a dash, a comma or a middle dot (`- Qté 1`, `, 2 pz.`, `— quantité 2`), as
/// cancellations, refunds and parcel notices list what they are about. Invented mails, several
/// languages.
@Suite("Counts closing item lines")
struct CountsClosingLinesTests {
    let extractor = OrderExtractor()

    @Test("A count and a price in the brackets closing the line (5 languages)", arguments: [
        ("- Tondeuse sans fil 36 V (1 x 249,00 €)", "- Bac de ramassage 40 l (2 x 19,50 €)", "288,00 €"),
        ("  Houten treinbaan starterset  (1 stuk, € 54,99)", "  Extra rails, bocht  (2 stuks, € 9,95)", "€ 74,89"),
        ("- Stirnlampe 400 lm (1 Stk. à 34,90 €)", "- Ersatzakku (2 Stk. à 12,00 €)", "58,90 €"),
        ("- Set di pennelli sintetici (1 pz. x 14,00 €)", "- Tela in cotone 30x40 (2 pz. x 6,50 €)", "27,00 €"),
        ("- Ceramic pour-over dripper (1 × £24.00)", "- Paper filters, pack of 100 (2 × £4.50)", "£33.00"),
    ])
    func bracketedCountAndPrice(first: String, second: String, total: String) throws {
        let plain = "Order 4410-B\n\n\(first)\n\(second)\n\nTotal: \(total)\n"
        let order = try #require(extractor.extract(message(subject: "Order 4410-B", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.quantity) == [1, 2])
        #expect(order.items.count == 2 && !order.items[0].name.contains("(") && !order.items[1].name.contains("("))
        #expect(order.items[0].name.first != "-")
        #expect(order.warnings.isEmpty)
    }

    @Test("A cancellation listing its item with a bracketed count and price")
    func cancelledItem() throws {
        let plain = """
            Hallo,

            leider konnte der Händler folgenden Artikel aus Bestellung 302-7781 nicht liefern:

              Kinderfahrrad 16 Zoll, blau  (1 Stück, 189,00 €)

            Der Betrag von 189,00 € wird dir in den nächsten Tagen erstattet.
            """
        let order = try #require(extractor.extract(message(subject: "Stornierung Bestellung 302-7781", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Kinderfahrrad 16 Zoll, blau @ 189.00"])
        #expect(order.status == .cancelled)
    }

    @Test("A count closing the line after a separator: the name before it, its price from the mail")
    func separatedCounts() throws {
        // A refund of one item: the amount refunded prices it.
        let refund = """
            Gentile cliente,
            il rimborso per il reso dell'ordine 77-0912 è stato effettuato.

            Articoli resi:
            - Borsa in tela cerata, verde bosco, 1 pz.

            Importo rimborsato: € 86,00
            """
        let refunded = try #require(extractor.extract(message(subject: "Rimborso ordine 77-0912", plain: refund), vendor: nil, category: .orders))
        #expect(amounts(refunded) == ["1 × Borsa in tela cerata, verde bosco @ 86.00"])

        // A parcel's content, without prices, in an HTML list.
        let html = """
            <html><body><h2>La Fromagerie d'Arsène</h2><p>Votre commande FA-2291 est partie ce matin.</p>
            <p>Dans votre colis :</p><ul><li>Comté 18 mois, 400 g — quantité 2</li><li>Beurre cru demi-sel, 250 g — quantité 1</li>
            <li>Tomme de Savoie fermière — quantité 1</li></ul><p>Bonne dégustation !</p></body></html>
            """
        let parcel = try #require(extractor.extract(message(subject: "Votre commande FA-2291 est expédiée", html: html), vendor: nil, category: .orders))
        #expect(parcel.items.map { "\($0.quantity) × \($0.name)" }
            == ["2 × Comté 18 mois, 400 g", "1 × Beurre cru demi-sel, 250 g", "1 × Tomme de Savoie fermière"])

        // The count on the name's line, the price on the next.
        let priced = """
            Commande 5512

            Cocotte en fonte émaillée 24 cm - Qté 2
            Prix : 89,00 €
            Dessous de plat en liège - Qté 1
            Prix : 12,00 €

            Total : 190,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 5512", plain: priced), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Cocotte en fonte émaillée 24 cm @ 89.00", "1 × Dessous de plat en liège @ 12.00"])
    }

    @Test("A pack's size closing a name over its own count line, and a variant's count under a name, are no counts")
    func notCounts() throws {
        let plain = """
            Pedido 4471-20

            Huevos camperos, 12 unidades
              1 ud x 3,10 €          3,10 €
            Pañuelos de papel, 10 paquetes
              2 ud x 1,45 €          2,90 €

            Total                    6,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Pedido 4471-20", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Huevos camperos, 12 unidades @ 3.10", "2 × Pañuelos de papel, 10 paquetes @ 1.45"])

        let variant = """
            Commande 8830

            Marinière en coton bio
            Écru - Qté 1
            39,00 €

            Total : 39,00 €
            """
        let named = try #require(extractor.extract(message(subject: "Commande 8830", plain: variant), vendor: nil, category: .orders))
        #expect(named.items.map(\.name) == ["Marinière en coton bio"])
    }

    @Test("A deposit with its count and price in brackets is no item")
    func bracketedDeposit() throws {
        let plain = """
            Commande n° 1207

            Jus de pomme artisanal 1 L
            4 × 3,20 €
            Consigne bouteilles (4 × 0,20 €)
            0,80 €

            Total : 13,60 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande n° 1207", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Jus de pomme artisanal 1 L @ 3.20"])
    }

    @Test("The words before a bracketed price that count the item", arguments: [
        (["1", "x"], "1 x ", 1, true), (["2", "stuks"], "2 stuks, ", 2, false), (["3", "pz", "a"], "3 pz. à ", 3, true),
        (["qty", "2"], "Qty 2, ", 2, false), (["2"], "2 @ ", 2, true),
    ])
    func countWords(words: [String], raw: String, count: Int, each: Bool) throws {
        let found = try #require(TextItemReader.bracketedCountBefore(words, raw))
        #expect(found.count == count && found.each == each)
    }

    @Test("Words that do not count the item", arguments: [["6", "x", "0"], ["12", "mai"], ["x"], ["2", "3"], ["1000"]])
    func notCountWords(words: [String]) {
        #expect(TextItemReader.bracketedCountBefore(words, words.joined(separator: " ")) == nil)
    }

    @Test("A count's unit word with its dot before the unit price, in a table's name cell and in text")
    func abbreviatedUnits() throws {
        let html = """
            <html><body><p>Zakup 5c21e0b4</p><table>
            <tr><td>Czajnik elektryczny stalowy 1,7 l<br><span>1 szt. × 129,00 zł</span></td><td>129,00 zł</td></tr>
            <tr><td>Filtr do wody, wkład 3 szt.<br><span>2 szt. × 34,50 zł</span></td><td>69,00 zł</td></tr>
            <tr><td><b>Do zapłaty</b></td><td><b>198,00 zł</b></td></tr></table></body></html>
            """
        let table = try #require(extractor.extract(message(subject: "Dziękujemy za zakup", html: html), vendor: nil, category: .orders))
        #expect(amounts(table) == ["1 × Czajnik elektryczny stalowy 1,7 l @ 129.00", "2 × Filtr do wody, wkład 3 szt. @ 34.50"])

        let plain = """
            Commande R-5530

            Le Bleuet de Paris
               Jeanne Ardant · Folio · 2 ex. à 7,90 € · 15,80 €
            Les Lumières d'Août
               Paul Renaud · Le Livre de Poche · 1 ex. · 8,60 €

            Total à régler : 24,40 €
            """
        let text = try #require(extractor.extract(message(subject: "Vos livres sont arrivés", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(text) == ["2 × Le Bleuet de Paris @ 7.90", "1 × Les Lumières d'Août @ 8.60"])
    }

    @Test("A count in a column of its own before \"@\" and the unit price")
    func countAtColumn() throws {
        let plain = """
            Order FB-3301
              Sourdough loaf, 800 g                 2 @ £4.80        £9.60
              Cinnamon buns, box of 4               1 @ £7.50        £7.50

              Total                                                 £17.10
            """
        let order = try #require(extractor.extract(message(subject: "Order FB-3301", plain: plain, from: "a@bakery.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Sourdough loaf, 800 g @ 4.80", "1 × Cinnamon buns, box of 4 @ 7.50"])
    }
}
