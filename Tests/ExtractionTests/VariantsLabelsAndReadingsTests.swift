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
    @Test("A reference with its label where the name would stand: the name is the title above it (table, text)")
    func referenceUnderTitle() throws {
        #expect(TextItemReader.isReferenceLine("N° d'article : TP-3359"))
        #expect(TextItemReader.isReferenceLine("Nr. Artikel 4410"))
        #expect(!TextItemReader.isReferenceLine("N° 5 Eau de Parfum 50 ml"))
        let html = """
            <html><body><p>Commande n° 20931</p><table>
            <tr><th>Désignation</th><th>Quantité</th><th>Prix</th></tr>
            <tr><td colspan="3"><b>Miel de sapin des Vosges AOP, 500 g</b></td></tr>
            <tr><td>N° d'article : MV-118</td><td>2</td><td>14,20 €</td></tr>
            <tr><td colspan="3"><b>Bonbons au miel et propolis, sachet 150 g</b></td></tr>
            <tr><td>N° d'article : MV-407</td><td>1</td><td>5,80 €</td></tr>
            </table><p>Total : 34,20 €</p></body></html>
            """
        let rows = HTMLTableReader.items(inHTML: html, resolver: CurrencyResolver(domain: nil))?.items
        #expect(rows?.map(\.name) == ["Miel de sapin des Vosges AOP, 500 g", "Bonbons au miel et propolis, sachet 150 g"])
        let table = try #require(extractor.extract(message(subject: "Commande 20931", html: html), vendor: nil, category: .orders))
        #expect(amounts(table) == ["2 × Miel de sapin des Vosges AOP, 500 g @ 14.20", "1 × Bonbons au miel et propolis, sachet 150 g @ 5.80"])

        let plain = """
            Bestellung 77120

            Bienenwachstücher 3er-Set, Motiv Wiese
            Art.-Nr. 30118      Menge: 2      12,90 €
            Kerze aus Bienenwachs, 20 cm
            Art.-Nr. 30542      Menge: 1      8,50 €

            Gesamtsumme: 21,40 €
            """
        let text = try #require(extractor.extract(message(subject: "Bestellung 77120", plain: plain), vendor: nil, category: .orders))
        #expect(text.items.map(\.name) == ["Bienenwachstücher 3er-Set, Motiv Wiese", "Kerze aus Bienenwachs, 20 cm"])
    }
    @Test("A name in capitals over its colourway: the colourway is no name under a brand (Spanish, Italian)")
    func capitalsOverColourway() throws {
        let spanish = """
            Pedido nº 77120048

            JERSEY CUELLO ALTO LANA
            Gris jaspeado
            1 unidad 49,95 EUR

            PANTALÓN RECTO PINZAS
            Azul marino
            2 unidades 79,90 EUR

            TOTAL 129,85 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Gracias por tu compra", plain: spanish), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["JERSEY CUELLO ALTO LANA", "PANTALÓN RECTO PINZAS"])
        #expect(order.items.map(\.quantity) == [1, 2])
    }

    @Test("A count column repeated before the unit price names no item with the count (German, English)")
    func countColumnRepeated() throws {
        let german = """
            Bestellnummer: 30188231

            Menge  Artikel                                     Preis
            3 x    Hundekekse Lamm & Reis, 1 kg                3 x 8,49 €
            1 x    Kratzbaum Classic 120 cm                       59,99 €

            Gesamtbetrag:                                     85,46 €
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Bestellung 30188231", plain: german), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Hundekekse Lamm & Reis, 1 kg @ 8.49", "1 × Kratzbaum Classic 120 cm @ 59.99"])

        let english = """
            Order 55120

            2 x   Chew rope toy, large        2 x £6.50
            1 x   Slow feeder bowl            £11.00

            Total: £24.00
            """
        let toys = try #require(extractor.extract(message(subject: "Your order 55120", plain: english), vendor: nil, category: .orders))
        #expect(amounts(toys) == ["2 × Chew rope toy, large @ 6.50", "1 × Slow feeder bowl @ 11.00"])
    }
    @Test("A shipping notice's cards, the count under the name apart from the price and no total: the price is the line's")
    func countUnderNameApart() throws {
        let html = """
            <html><body><h1>Your order is on its way</h1><p>Order No. HX-55120 has been dispatched.</p>
            <table><tr><td><img src="https://cdn.example.com/1.jpg" width="80"></td><td>Merino Running Tee<br>Size: M<br>Qty: 1</td><td>£38.00</td></tr>
            <tr><td><img src="https://cdn.example.com/2.jpg" width="80"></td><td>Trail Socks<br>Size: L<br>Qty: 3</td><td>£27.00</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Your order is on its way", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Merino Running Tee @ 38.00", "3 × Trail Socks @ 9.00"])
    }
    @Test("A count's field, a dash, the name, a dash, the price; a dash after a closing quote separates the price (French, Polish)")
    func labelledCountThenDash() throws {
        #expect(TextItemReader.labelledCountThenDash("Qté : 2 - Chambre à air 28 pouces - ")?.0 == 2)
        #expect(TextItemReader.labelledCountThenDash("Qté : 2 - P.U.") == nil)
        #expect(MoneyScanner.scan("Écran 27\" - 219,00 €").first?.negative == false)
        let french = """
            Votre commande n° 88120 a été expédiée.

            Contenu du colis :
            Qté : 1 - Casque vélo urbain, taille M/L - 79,00 €
            Qté : 2 - Chambre à air 28" valve Presta - 8,50 €

            Total : 96,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 88120 expédiée", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Casque vélo urbain, taille M/L @ 79.00", "2 × Chambre à air 28\" valve Presta @ 8.50"])

        let polish = """
            Zamówienie nr 4410 zostało wysłane.

            Ilość: 3 - Łatka do dętek, zestaw 6 szt. - 12,00 zł
            Ilość: 1 - Pompka ręczna mini - 45,00 zł

            Razem: 81,00 zł
            """
        let pumps = try #require(extractor.extract(message(subject: "Zamówienie 4410", plain: polish), vendor: nil, category: .orders))
        #expect(amounts(pumps) == ["3 × Łatka do dętek, zestaw 6 szt. @ 12.00", "1 × Pompka ręczna mini @ 45.00"])
    }
    @Test("A parcel's names alone right under its heading, after a tracking heading; a counted list still ends at a closing line (French, English)")
    func bareParcelNames() throws {
        let french = """
            Votre colis a été expédié !

            Commande n° 402-5512093-1188120

            Suivre votre colis :
            https://www.example.fr/suivi?commande=402-5512093-1188120

            Articles de ce colis :
            Casque audio sans fil réduction de bruit, noir
            Câble USB-C vers USB-C 2 m, tressé

            Un ou plusieurs articles seront expédiés séparément.
            """
        let order = try #require(extractor.extract(message(subject: "Expédié : votre commande", plain: french), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Casque audio sans fil réduction de bruit, noir", "Câble USB-C vers USB-C 2 m, tressé"])

        let english = """
            Your order #7712 has shipped.

            In this shipment:
            2 x Beeswax wraps, set of 3
            1 x Bamboo toothbrush
            Enjoy your goodies!
            Maggie, at the workshop
            """
        let wraps = try #require(extractor.extract(message(subject: "Your order #7712 has shipped", plain: english), vendor: nil, category: .orders))
        #expect(wraps.items.map(\.name) == ["Beeswax wraps, set of 3", "Bamboo toothbrush"])
    }

    @Test("A screen protector or a sun cream is goods, not a protection fee (French, English)")
    func protectiveGoods() throws {
        #expect(SummaryLabel.kind(of: "Protection écran verre trempé (x2)") == nil)
        #expect(SummaryLabel.kind(of: "Protection solaire SPF 50") == nil)
        #expect(SummaryLabel.kind(of: "Buyer protection fee") == .fee)
        let french = """
            Commande n° 55120

            Désignation Qté Prix unitaire Total

            Coque antichoc transparente 1 14,99 € 14,99 €

            Protection écran verre trempé (x2) 1 9,99 € 9,99 €

            Montant total TTC : 24,98 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande n° 55120", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Coque antichoc transparente @ 14.99", "1 × Protection écran verre trempé (x2) @ 9.99"])
    }
    @Test("A shipping notice's names, each over its variant's line counting it in the last segment, no prices (Spanish, English)")
    func unpricedVariantCounts() throws {
        let spanish = """
            TU PEDIDO ESTÁ EN CAMINO
            Pedido nº 60218830041

            CAMISA LINO BOLSILLO
            Talla L · 2 uds.
            PANTALÓN CARGO
            Talla 42 · 1 ud.

            SEGUIR ENVÍO
            """
        let order = try #require(extractor.extract(message(subject: "Tu pedido está en camino", plain: spanish), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["CAMISA LINO BOLSILLO", "PANTALÓN CARGO"])
        #expect(order.items.map(\.quantity) == [2, 1])

        let english = """
            Your parcel is on its way. Order 4471-22.

            Quilted Overshirt
            Olive / M · Qty 1
            Canvas Tote
            Natural · Qty 3
            """
        let tote = try #require(extractor.extract(message(subject: "Your order has shipped", plain: english), vendor: nil, category: .orders))
        #expect(tote.items.map(\.name) == ["Quilted Overshirt", "Canvas Tote"])
        #expect(tote.items.map(\.quantity) == [1, 3])
    }
    @Test("Spanish delivery charges: 'Coste de entrega', 'Gastos de reparto' are shipping, not items")
    func spanishDelivery() throws {
        #expect(SummaryLabel.kind(of: "Coste de entrega") == .shipping)
        #expect(SummaryLabel.kind(of: "Gastos de reparto") == .shipping)
        let plain = """
            Pedido 2611-55120

            Tomate triturado 800 g                      2      0,95 €
            Pan de molde integral 460 g                 1      1,40 €

            Coste de entrega                                   7,21 €
            TOTAL                                             10,51 €
            """
        let order = try #require(extractor.extract(message(subject: "Tu pedido 2611-55120", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Tomate triturado 800 g", "Pan de molde integral 460 g"])
        #expect(order.total?.decimalString == "10.51")
    }
    @Test("A room's rate condition is no refund; the stay's price for its nights prices the room named above (English, French, German)")
    func staysAndRates() throws {
        #expect(SummaryLabel.kind(of: "Double Room - Non-refundable") == nil)
        #expect(SummaryLabel.kind(of: "Chambre Double - Non remboursable") == nil)
        #expect(SummaryLabel.kind(of: "Refund") == .refund)
        #expect(TextItemReader.isStayPrice("Preis für 3 Nächte"))
        #expect(!TextItemReader.isStayPrice("Prix pour 2 personnes"))
        let english = """
            Your booking is confirmed. Confirmation number: 5512.883.120

            Twin Room - Non-refundable € 212
            City tax € 5.40
            Price € 217.40
            """
        let room = try #require(extractor.extract(message(subject: "Your booking is confirmed", plain: english), vendor: nil, category: .orders))
        #expect(amounts(room) == ["1 × Twin Room - Non-refundable @ 212.00"])

        let french = """
            Numéro de confirmation : 3318.220.904

            Chambre Supérieure - Vue sur jardin
            Prix pour 3 nuits                     € 342,00
            Taxe de séjour (2 adultes x 3 nuits)  € 15,60
            Prix total                            € 357,60
            """
        let stay = try #require(extractor.extract(message(subject: "Réservation confirmée", plain: french), vendor: nil, category: .orders))
        #expect(amounts(stay) == ["1 × Chambre Supérieure - Vue sur jardin @ 342.00"])
    }
    @Test("A discount's line right under an item's line does not close the list when counted items follow (Polish, French)")
    func lineDiscountInsideList() throws {
        let polish = """
            Zamówienie ROS/2026/55120

            Szampon ziołowy 300 ml
            3 szt. x 8,49 zł = 25,47 zł
            Promocja 2+1: -8,49 zł

            Pasta do zębów 75 ml
            1 szt. x 6,99 zł = 6,99 zł

            Do zapłaty: 23,97 zł
            """
        let order = try #require(extractor.extract(message(subject: "Potwierdzenie zamówienia", plain: polish), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Szampon ziołowy 300 ml", "Pasta do zębów 75 ml"])

        let french = """
            Commande n° 77120

            Savon surgras au lait d'ânesse
            2 x 5,90 € = 11,80 €
            Remise fidélité : -1,18 €

            Baume à lèvres karité
            1 x 4,50 € = 4,50 €

            Total : 15,12 €
            """
        let soap = try #require(extractor.extract(message(subject: "Votre commande 77120", plain: french), vendor: nil, category: .orders))
        #expect(soap.items.map(\.name) == ["Savon surgras au lait d'ânesse", "Baume à lèvres karité"])
    }
}
