@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Counts written where earlier rounds did not look: in a segment of their own between spaced
/// separators (`/ 3 pcs /`, `· 2 uds. ·`), after a label right before the price (`Q.tà 3   € 12,50`),
/// and names under a numbered list's marker (`1. Name`). Each on a small invented mail.
@Suite("Segmented counts")
struct SegmentedCountTests {
    let extractor = OrderExtractor()

    @Test("A count with its unit word between slashes is the item's count, not part of its name")
    func slashSeparatedCount() throws {
        let plain = """
            Order 4471-B is confirmed.

            - Oak side table, natural / 1 pcs / 1.450 kr.
            - Linen napkins, sand / 4 pcs / 95 kr.

            Total: 1.830 kr.
            """
        let order = try #require(extractor.extract(message(subject: "Order 4471-B", plain: plain, from: "shop@example.dk"), vendor: nil, category: .orders))
        let items = order.items.map { "\($0.quantity) × \($0.name)" }
        #expect(items == ["1 × Oak side table, natural", "4 × Linen napkins, sand"])
        #expect(TextItemReader.separatedCount("Linen napkins, sand / 4 pcs") ?? (0, "") == (4, "Linen napkins, sand"))
        #expect(TextItemReader.separatedCount("Paris / Lyon") == nil)
    }

    @Test("A count between middle dots ('· 2 uds. ·') is read, the name before it kept")
    func dotSeparatedCount() throws {
        #expect(TextItemReader.separatedCount("El jardín de las dudas, Ana Ruiz · 2 uds.") ?? (0, "") == (2, "El jardín de las dudas, Ana Ruiz"))
        #expect(TextItemReader.separatedCount("Té verde · Menta") == nil)
    }

    @Test("A whole number after 'Q.tà' before a price is the count, not an amount")
    func labelledCountBeforePrice() throws {
        let html = """
            <div><p>Ordine AB-77120 spedito.</p>
            <div>Tastiera MIDI Arturia KeyStep &nbsp; Q.tà 1 &nbsp; € 119,00<br>Cavo USB-C 2 m &nbsp; Q.tà 3 &nbsp; € 7,50</div>
            <p>Totale ordine: € 141,50</p></div>
            """
        let order = try #require(extractor.extract(message(subject: "Ordine AB-77120 spedito", html: html, from: "shop@example.it"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Tastiera MIDI Arturia KeyStep @ 119.00", "3 × Cavo USB-C 2 m @ 7.50"])
    }

    @Test("A numbered list's marker opens no name; a measure keeps its number")
    func numberedListMarker() {
        #expect(TextItemReader.stripBullet("1. Ibuprofen 400 mg, 20 tabletek") == "Ibuprofen 400 mg, 20 tabletek")
        #expect(TextItemReader.stripBullet("12) Tea towel") == "Tea towel")
        #expect(TextItemReader.stripBullet("2.5 kg Basmati rice") == "2.5 kg Basmati rice")
        #expect(TextItemReader.stripBullet("3D Printer filament") == "3D Printer filament")
    }

    @Test("JSON-LD with the order's total and no items: the items come from the mail's table")
    func itemlessMarkup() throws {
        let html = """
            <html><body><script type="application/ld+json">{"@context":"https://schema.org","@type":"Order","orderNumber":"K-5521",
            "priceCurrency":"CHF","price":"134.80","orderStatus":"https://schema.org/OrderProcessing"}</script>
            <table><tr><td>Anzahl</td><td>Produkt</td><td>Preis</td></tr>
            <tr><td>1</td><td>Wasserkocher Edelstahl 1,7 l</td><td>CHF 59.90</td></tr>
            <tr><td>3</td><td>Geschirrtuch Leinen</td><td>CHF 74.90</td></tr>
            <tr><td></td><td>Total</td><td>CHF 134.80</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung K-5521", html: html, from: "shop@example.ch"), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Wasserkocher Edelstahl 1,7 l", "Geschirrtuch Leinen"])
        #expect(order.items.map(\.quantity) == [1, 3])
        #expect(order.number == "K-5521")
        #expect(order.total?.decimalString == "134.80")
    }

    @Test("A price in the first column, the name after it, is read as the line's price")
    func priceFirstColumn() throws {
        let plain = """
            Order no. 55012 confirmed.

            £8.20 1 × Vegetable Biryani
            £9.00 2 × Paneer Butter Masala

            Total £17.20
            """
        let order = try #require(extractor.extract(message(subject: "Your order 55012", plain: plain, from: "orders@example.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["1 × Vegetable Biryani", "2 × Paneer Butter Masala"])
        #expect(order.items.first?.unitPrice?.decimalString == "8.20")
    }

    @Test("A count line under the name ('2 @ $12.50', '6 Flaschen à 9,95 €') gives its count and unit price")
    func atSignCountLine() throws {
        let plain = """
            Order #: 66120

            Walnut guitar stand
            1 @ $89.00

            Polishing cloth, microfiber
            2 @ $12.50

            Subtotal: $114.00
            Total: $114.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 66120", plain: plain, from: "sales@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Walnut guitar stand @ 89.00", "2 × Polishing cloth, microfiber @ 12.50"])
        let size = Array("Chain / 126 links @ ".unicodeScalars)
        #expect(TextItemReader.quantityBefore(size) == nil)
        let bottles = Array("6 Flaschen à ".unicodeScalars)
        #expect(TextItemReader.quantityBefore(bottles)?.0 == 6)
    }

    @Test("'· 2 Stück · je 24,00 €': a closing word for 'each' does not hide the count's segment")
    func separatedCountBeforeEach() {
        #expect(TextItemReader.separatedCount("Art.-Nr. 11020 · 2 Stück · je") ?? (0, "") == (2, "Art.-Nr. 11020"))
    }

    @Test("Prices that cost more than the whole order as unit prices are line totals")
    func pricesAboveTheTotalAreLineTotals() throws {
        let plain = """
            Bestellnummer: 4KQ7

            1x Pizza Funghi (30 cm)        10,50 €
               + extra Oliven               0,80 €
            3x Focaccia                    13,50 €

            Zwischensumme                  24,80 €
            Lieferkosten                    1,99 €
            Gesamt                         26,79 €
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung 4KQ7", plain: plain, from: "info@example.de"), vendor: nil, category: .orders))
        // The topping's line is no item: the two items' prices alone add up to no target either way.
        #expect(order.items.map(\.name) == ["Pizza Funghi (30 cm)", "Focaccia"])
        let focaccia = try #require(order.items.first { $0.name.hasPrefix("Focaccia") })
        #expect(focaccia.quantity == 3)
        #expect(focaccia.unitPrice?.decimalString == "4.50")
    }

    @Test("Gift wrapping is a charge, in the seven languages' words")
    func giftWrapIsAFee() {
        for label in ["Gift wrap", "Geschenkverpackung", "Opakowanie na prezent", "Confezione regalo", "Papel de regalo", "Cadeauverpakking"] {
            #expect(SummaryLabel.kind(of: label) == .fee, "\(label)")
        }
    }

    @Test("An amount in a first column with its label after it is a summary line")
    func amountFirstSummary() {
        let lines = ["£2.49 Delivery fee", "£35.18 Total (paid by card)"].map { TextLine($0) }
        let kinds = lines.enumerated().flatMap { OrderSummary.read($0.element, index: $0.offset, resolver: CurrencyResolver(domain: nil)) }.map(\.kind)
        #expect(kinds == [.shipping, .total])
        #expect(OrderSummary.read(TextLine("£9.50 1 × Chicken Korma"), index: 0, resolver: CurrencyResolver(domain: nil)).isEmpty)
    }

    @Test("'2 x 59,90 €' in a table's price cell, or on an item card's price line, is a count and a unit price")
    func countInPriceCell() throws {
        let table = """
            <html><body><p>Acquisto completato. Codice PNR: QWE12R</p>
            <table><tr><td>Adulto – Prima – Base</td><td>2 x 45,00 €</td></tr><tr><td>Bambino – Prima – Base</td><td>1 x 22,50 €</td></tr>
            <tr><td><b>Importo totale</b></td><td><b>112,50 €</b></td></tr></table></body></html>
            """
        let tickets = try #require(extractor.extract(message(subject: "Il tuo biglietto", html: table, from: "noreply@example.it"), vendor: nil, category: .orders))
        #expect(amounts(tickets) == ["2 × Adulto – Prima – Base @ 45.00", "1 × Bambino – Prima – Base @ 22.50"])
        let cards = """
            <html><body><p>Numéro de commande : CC-88120</p><table>
            <tr><td><img src="a.jpg" alt=""></td><td><p>Bêche inox</p><p>Réf. 55120</p><p>1 x 39,90 €</p></td></tr>
            <tr><td><img src="b.jpg" alt=""></td><td><p>Sac de billes d'argile 10 L</p><p>Coloris naturel</p><p>4 x 6,50 €</p></td></tr>
            </table><table><tr><td>Montant total</td><td>65,90 €</td></tr></table></body></html>
            """
        let garden = try #require(extractor.extract(message(subject: "Votre commande CC-88120", html: cards), vendor: nil, category: .orders))
        #expect(amounts(garden) == ["1 × Bêche inox @ 39.90", "4 × Sac de billes d'argile 10 L @ 6.50"])
    }

    @Test("'(x2)' in a cell of its own after a text line's name is its count")
    func bracketedMarkedCountCell() throws {
        let plain = """
            Commande D5520 confirmée

            12,00 EUR  Le Petit Prince — Antoine de Saint-Exupéry  (x1)
            7,50 EUR  Vingt mille lieues sous les mers — Jules Verne  (x2)

            Total réglé : 27,00 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Commande D5520", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.quantity) == [1, 2])
        #expect(order.items.last?.unitPrice?.decimalString == "7.50")
    }

    @Test("A leading count with its unit word ('2 pz', '3 szt.') opens the line; other words after a number do not")
    func leadingCountWithUnit() {
        #expect(TextItemReader.leadingQuantity("2 pz Latte intero 1 l").map { "\($0.0) \($0.1)" } == "2 Latte intero 1 l")
        #expect(TextItemReader.leadingQuantity("3 szt. Kubek ceramiczny").map { "\($0.0) \($0.1)" } == "3 Kubek ceramiczny")
        #expect(TextItemReader.leadingQuantity("4 Jahreszeiten Pizza") == nil)
        #expect(TextItemReader.leadingQuantity("2 u Lámpara") == nil)
    }

    @Test("A count's label and the count closing a name ('· Anzahl 3', '(Cantidad: 2)') are the item's count, not its name")
    func trailingLabelledCount() throws {
        let html = """
            <html><body><p>Ihre Bestellung 55120931 ist unterwegs.</p><table>
            <tr><td>Terrakotta-Topf 24 cm &middot; Anzahl 3</td><td align="right">26,85 &euro;</td></tr>
            <tr><td>Rosenschere Profi &middot; Anzahl 1</td><td align="right">19,90 &euro;</td></tr>
            <tr><td><b>Gesamtsumme</b></td><td align="right"><b>46,75 &euro;</b></td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung 55120931", html: html, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Terrakotta-Topf 24 cm @ 8.95", "1 × Rosenschere Profi @ 19.90"])
        let plain = """
            Pedido 77-4410 enviado

            - La casa de los espíritus, Isabel Allende (Cantidad: 2) — 11,90 €
            - Cuaderno A5 punteado (Cantidad: 1) — 4,50 €

            Total: 28,30 €
            """
        let books = try #require(extractor.extract(message(subject: "Pedido 77-4410", plain: plain, from: "tienda@example.es"), vendor: nil, category: .orders))
        #expect(books.items.map { "\($0.quantity) × \($0.name)" } == ["2 × La casa de los espíritus, Isabel Allende", "1 × Cuaderno A5 punteado"])
        #expect(TextItemReader.trailingLabelledCount("Mug – Qty: 2") ?? (0, "") == (2, "Mug"))
        #expect(TextItemReader.trailingLabelledCount("Route 66 Guide") == nil)
    }

    @Test("A count of containers before what they hold ('2 bottles of', '6 bouteilles d'') is the item's count; '100 Years of' is a name")
    func countedContainers() throws {
        let plain = """
            Votre commande CV-10442 est confirmée.

            6 bouteilles de Muscadet Sèvre et Maine 2023 à 8,40 € = 50,40 €
            2 bouteilles d'Anjou rouge 2022 à 11,00 € = 22,00 €

            Total : 72,40 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande CV-10442", plain: plain, from: "cave@example.fr"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" }.map { $0.replacingOccurrences(of: " à", with: "") }
            == ["6 × Muscadet Sèvre et Maine 2023", "2 × Anjou rouge 2022"])
        #expect(TextItemReader.leadingQuantity("2 bottles of Good Ordinary Claret").map { "\($0.0) \($0.1)" } == "2 Good Ordinary Claret")
        #expect(TextItemReader.leadingQuantity("100 Years of Solitude") == nil)
        #expect(TextItemReader.leadingQuantity("3 Pack Crew Socks") == nil)
    }

    @Test("'— 2 @ £7.50' after a name: a count set apart by a spaced dash before 'at' is the count; '126 links @' is a size")
    func dashedCountAtPrice() throws {
        let plain = """
            Your order 5512 has been dispatched.

            - Middlemarch, George Eliot (Paperback) — 1 @ £9.99
            - Bleak House, Charles Dickens (Paperback) — 2 @ £7.50

            Total charged: £24.99
            """
        let order = try #require(extractor.extract(message(subject: "Order 5512 dispatched", plain: plain, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Middlemarch, George Eliot (Paperback) @ 9.99", "2 × Bleak House, Charles Dickens (Paperback) @ 7.50"])
        #expect(TextItemReader.quantityBefore(Array("Bleak House — 2 @ ".unicodeScalars))?.0 == 2)
        #expect(TextItemReader.quantityBefore(Array("Chain / 126 links @ ".unicodeScalars)) == nil)
        #expect(TextItemReader.quantityBefore(Array("Roof box 2 @ ".unicodeScalars)) == nil)
    }

    @Test("A seller's line ('OakAndIvy · ships from Austin, TX') names no item; '$15.00 each' alone under a count is its unit price")
    func sellerLineAndEachPrice() throws {
        let plain = """
            Your order 5512 is confirmed.

            OakAndIvy · ships from Austin, TX
            Pressed Flower Bookmark Set
            Style: Meadow
            Quantity: 1
            $12.00

            Linen Tea Towel
            Quantity: 2
            $15.00 each

            Order total: $42.00
            """
        let order = try #require(extractor.extract(message(subject: "Your order 5512", plain: plain, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Pressed Flower Bookmark Set @ 12.00", "2 × Linen Tea Towel @ 15.00"])
        #expect(TextItemReader.hasSellerSegment("EN PRÉPARATION · par le vendeur Quincaillerie Morel"))
        #expect(!TextItemReader.hasSellerSegment("Ships from Austin Poster · A3"))
        #expect(TextItemReader.eachPrice(TextLine("14,99 € / unité")) != nil)
        #expect(TextItemReader.eachPrice(TextLine("Shipping $4.50")) == nil)
    }

    @Test("A seller's shipping line between two sellers' cards does not close the list when a 'Quantity: 2' line follows")
    func shippingBetweenSellerCards() throws {
        let plain = """
            Your order 5512 is confirmed.

            OakAndIvy · ships from Austin, TX
            Pressed Flower Bookmark Set
            Quantity: 1
            $12.00
            Shipping: $4.50

            RiverClay · ships from Boise, ID
            Speckled Ceramic Bowl
            Glaze: Sand
            Quantity: 2
            $15.00 each
            Shipping: FREE

            Order total: $46.50
            """
        let order = try #require(extractor.extract(message(subject: "Your order 5512", plain: plain, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Pressed Flower Bookmark Set @ 12.00", "2 × Speckled Ceramic Bowl @ 15.00"])
    }

    @Test("Collection in store with its price ('Odbiór w sklepie: 0,00 zł', 'Abholung im Markt: 0,00 €') is the order's delivery, no item")
    func storeCollectionIsDelivery() throws {
        let html = """
            <html><body><p>Dziękujemy za zamówienie <b>ZM/2611/55120</b>.</p>
            <div><b>Szampon pokrzywowy 400 ml</b><br>Ilość: 2 &#183; 12,49 zł</div>
            <div><b>Balsam do ust 4,8 g</b><br>Ilość: 1 &#183; 7,99 zł</div>
            <p>Odbiór w sklepie: 0,00 zł<br><b>Suma: 32,97 zł</b></p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie ZM/2611/55120", html: html, from: "sklep@example.pl"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Szampon pokrzywowy 400 ml @ 12.49", "1 × Balsam do ust 4,8 g @ 7.99"])
        #expect(SummaryLabel.kind(ofFolded: "abholung im markt") == .shipping)
    }
}
