@testable import Extraction
import Foundation
import HTML
import Intl
import MailroomCore
import Testing

/// Counts written where the item's name or price leaves them (after the name between dashes, on a
/// price line with its labels, in a row under the item's, in a cell under a title row), variant and
/// heading words standing where a name would, and zero-priced samples and gifts given with an
/// order. Each on a small invented mail.
@Suite("Counts beside names, free extras")
struct CountsBesideNamesTests {
    let extractor = OrderExtractor()

    @Test("a count between dashes after the name ('— 3 pz —') leaves the name; the price is the line's when the sums say so")
    func dashSeparatedCount() throws {
        let plain = """
            Ciao Giulia,

            il tuo ordine #512 è partito.

            - Taccuino in pelle, blu notte — 1 pz — 45,00 €
            - Segnalibro in ottone — 3 pz — 24,00 €
              Incisione: G.B.

            Spedizione: 8,00 €
            Incisione a mano: 5,00 €
            Totale pagato: 82,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Ordine #512", plain: plain, from: "bottega@example.it"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Taccuino in pelle, blu notte @ 45.00", "3 × Segnalibro in ottone @ 8.00"])
        #expect(TextItemReader.separatedCount("Segnalibro in ottone — 3 pz") ?? (0, "") == (3, "Segnalibro in ottone"))
        #expect(TextItemReader.separatedCount("Sac à dos – 2 pcs") ?? (0, "") == (2, "Sac à dos"))
        #expect(TextItemReader.separatedCount("Cuir pleine fleur — Marron / 2 pcs") ?? (0, "") == (2, "Cuir pleine fleur — Marron"))
        #expect(TextItemReader.separatedCount("Carnet — A5") == nil)
    }

    @Test("an engraving or a personalisation charged apart is a fee of the bill, in the seven languages")
    func engravingIsAFee() {
        for label in ["Engraving", "Personnalisation gravure", "Gravur", "Grabado personalizado", "Personalizzazione incisione",
                      "Graveren", "Grawerowanie", "Personalisation"]
        {
            #expect(SummaryLabel.kind(of: label) == .fee, "\(label)")
        }
    }

    @Test("'Prix : 3,20 € · Quantité : 2 · Total : 6,40 €' under a name: the unit price, the count and the line's total")
    func priceCountTotalLine() throws {
        let html = """
            <div><p>Merci pour votre commande n°7781 !</p>
            <div><b>Graines de courge musquée - sachet de 10</b><br>Prix : 2,50 € · Quantité : 4 · Total : 10,00 €</div>
            <div><b>Persil frisé, 2 g</b><br>Prix : 1,80 € · Quantité : 1 · Total : 1,80 €</div>
            <div>Sous-total : 11,80 €<br>Envoi : 2,90 €<br><b>Total : 14,70 €</b></div></div>
            """
        let order = try #require(extractor.extract(message(subject: "Commande 7781", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Graines de courge musquée - sachet de 10 @ 2.50", "1 × Persil frisé, 2 g @ 1.80"])
        let plain = """
            Order 3310

            Enamel mug, green
            Price: £9.00 · Qty: 2 · Total: £18.00

            Total: £18.00
            """
        let mug = try #require(extractor.extract(message(subject: "Order 3310", plain: plain, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(mug) == ["2 × Enamel mug, green @ 9.00"])
    }

    @Test("a row of the count and the unit price under an item's row ('Quantità 3 · 5,00 € cad.') counts it; its price is the line's")
    func countAndEachRow() throws {
        let html = """
            <p>Grazie per il suo ordine <b>A-2290</b>.</p>
            <table>
            <tr><td>Sapone all'olio d'oliva, 100 g</td><td>15,00 €</td></tr>
            <tr><td>Quantità 3 · 5,00 € cad.</td><td></td></tr>
            <tr><td>Spazzola in legno di faggio</td><td>12,00 €</td></tr>
            <tr><td>Quantità 1</td><td></td></tr></table>
            <p>Spedizione: gratuita<br><b>Totale: 27,00 €</b></p>
            """
        let order = try #require(extractor.extract(message(subject: "Ordine A-2290", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Sapone all'olio d'oliva, 100 g @ 5.00", "1 × Spazzola in legno di faggio @ 12.00"])
        func row(_ text: String) -> [HTMLTableReader.Cell] {
            HTMLTableReader.cells(of: HTMLTables.scan("<table><tr><td>\(text)</td></tr></table>", maximumRows: 5)[0].rows[0])
        }
        #expect(HTMLTableReader.countEachRow(row("Qty 2 · £4.50 each"))?.0 == 2)
        #expect(HTMLTableReader.countEachRow(row("2 x 12,90 €"))?.0 == 2)
        #expect(HTMLTableReader.countEachRow(row("Quantità 2 · 10,35 €")) == nil)
        #expect(HTMLTableReader.countEachRow(row("Totale 2 prodotti: 10,35 €")) == nil)
    }

    @Test("a title row over a row of the count and the price: the title names the item, not the count's label")
    func titleOverCountRow() throws {
        let html = """
            <p>Merci pour ta commande <b>V-118</b> !</p>
            <table>
            <tr><td colspan="2"><b>Nina Simone - Pastel Blues (LP)</b></td></tr><tr><td>Qté 1</td><td>29,90 €</td></tr>
            <tr><td colspan="2"><b>Brosse antistatique en carbone</b></td></tr><tr><td>Qté 2</td><td>19,00 €</td></tr>
            <tr><td>Envoi suivi</td><td>6,90 €</td></tr>
            <tr><td><b>TOTAL</b></td><td><b>55,80 €</b></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande V-118", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Nina Simone - Pastel Blues (LP) @ 29.90", "2 × Brosse antistatique en carbone @ 9.50"])
    }

    @Test("'Size M · 1 × £145.00' under a name: the variant prices the name above, it names nothing")
    func attributeLineUnderName() throws {
        let html = """
            <div><p>Thank you for your order.</p><p><b>Order #2207</b></p>
            <p>Aran Cardigan in Natural Wool<br><span>Size L · 1 × £160.00</span></p>
            <p>Mittens, Heather<br><span>2 × £18.00</span></p>
            <p>Postage: £9.00<br><b>Total: £205.00</b></p></div>
            """
        let order = try #require(extractor.extract(message(subject: "Order #2207", html: html, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Aran Cardigan in Natural Wool @ 160.00", "2 × Mittens, Heather @ 18.00"])
        #expect(TextItemReader.isDetailLabelled("Size M"))
        #expect(TextItemReader.isDetailLabelled("Colour Oatmeal"))
        #expect(!TextItemReader.isDetailLabelled("Cable Beanie, Oatmeal"))
    }

    @Test("arrival and 'original' words open headings and labels only with a day, a date or a price's word after them")
    func arrivalAndOriginalWords() throws {
        for heading in ["Arriving Friday", "Arriving later", "Arrives by 12 Nov", "Arriving", "Arrival: 14/11", "Original price", "Original"] {
            #expect(ItemVocabulary.isNonItemName(heading), "\(heading)")
        }
        for goods in ["Arrival 5\" Shorts", "Arrival Oversized T-Shirt", "Original Kraft 3-Pack, Graph Paper", "Original Sourdough Loaf"] {
            #expect(!ItemVocabulary.isNonItemName(goods), "\(goods)")
        }
        let plain = """
            Your order #RX-4410 is on its way.

            Arrival Training Tee
            Blue · M
            Qty: 1

            Arriving Thursday
            """
        let order = try #require(extractor.extract(message(subject: "On its way", plain: plain, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["1 × Arrival Training Tee"])
        let html = """
            <p>Order #T-88</p><table><tr><th>QTY</th><th>ITEM</th><th>PRICE</th></tr>
            <tr><td>3</td><td>Original Graph Notebook</td><td>$15.00</td></tr><tr><td>1</td><td>Pencil Set</td><td>$6.00</td></tr>
            <tr><td></td><td>Total</td><td>$21.00</td></tr></table>
            """
        let notebooks = try #require(extractor.extract(message(subject: "Order #T-88", html: html, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(notebooks) == ["3 × Original Graph Notebook @ 5.00", "1 × Pencil Set @ 6.00"])
    }

    @Test("a line priced zero whose name says sample or gift is given, not bought, in a table and in text; so is a free service beside priced items")
    func freeExtras() throws {
        let html = """
            <p>Commande #C-9021</p><table>
            <tr><td>Huile de jojoba 50 ml</td><td>x1</td><td>18,00 €</td></tr>
            <tr><td>Échantillon sérum (offert)</td><td>x1</td><td>0,00 €</td></tr>
            <tr><td>Mise en service atelier</td><td>x1</td><td>0,00 €</td></tr>
            <tr><td colspan="2">Total</td><td>18,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande C-9021", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Huile de jojoba 50 ml @ 18.00"])
        let plain = """
            Bestellung 55120

            Handcreme Ringelblume 75 ml    1    9,90 €
            Gratis-Probe Gesichtsöl        1    0,00 €

            Gesamt: 9,90 €
            """
        let cream = try #require(extractor.extract(message(subject: "Bestellung 55120", plain: plain, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(cream) == ["1 × Handcreme Ringelblume 75 ml @ 9.90"])
        func free(_ name: String, _ price: String = "0") -> Bool {
            ItemVocabulary.isFreeExtra(ItemCandidate(name: name, quantity: 1, price: Amount(number: DecimalText(integer: price, fraction: ""), currency: "EUR")))
        }
        for name in ["2 échantillons offerts", "Free sample: night cream", "Muestra gratuita de perfume", "Campioncino omaggio",
                     "Proefje dagcrème", "Próbka gratis", "Geschenk zur Bestellung", "Hors forfait"]
        {
            #expect(free(name), "\(name)")
        }
        #expect(!free("Mise en service atelier"))
        #expect(!free("Free Range Eggs"))
        #expect(!free("Échantillon sérum", "4"))
    }
}
