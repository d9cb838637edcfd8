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

    @Test("a line priced zero whose name says sample or gift is given, not bought, in a table and in text; a free service stays")
    func freeExtras() throws {
        let html = """
            <p>Commande #C-9021</p><table>
            <tr><td>Huile de jojoba 50 ml</td><td>x1</td><td>18,00 €</td></tr>
            <tr><td>Échantillon sérum (offert)</td><td>x1</td><td>0,00 €</td></tr>
            <tr><td>Mise en service atelier</td><td>x1</td><td>0,00 €</td></tr>
            <tr><td colspan="2">Total</td><td>18,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande C-9021", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Huile de jojoba 50 ml @ 18.00", "1 × Mise en service atelier @ 0.00"])
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
