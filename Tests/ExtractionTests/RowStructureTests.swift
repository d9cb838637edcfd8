@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Item rows read from their structure where earlier rounds did not: a microdata offer's count
/// left as text in its row, product cards side by side, a grid's charge row without position, a
/// count column whose header word is unknown, counts with a unit word before the name or in the
/// price's cell, a variant line holding the count, four-word unit price labels, sizes glued to an
/// `x`, brackets cut at a column's width. Each on a small invented mail.
@Suite("Row structure")
struct RowStructureTests {
    let extractor = OrderExtractor()

    @Test("A microdata offer without a quantity property takes the count written in its row")
    func microdataCountInRow() throws {
        let html = """
            <html><body><div itemscope itemtype="http://schema.org/Order"><p>Bestellung <span itemprop="orderNumber">HX-30017</span></p>
            <table><tr itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer">
            <td itemprop="itemOffered" itemscope itemtype="http://schema.org/Product"><span itemprop="name">Wasserkocher Edelstahl 1,7 l</span></td>
            <td>Menge: 1</td><td><meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="39.90">39,90 €</span></td></tr>
            <tr itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer">
            <td itemprop="itemOffered" itemscope itemtype="http://schema.org/Product"><span itemprop="name">Entkalker Tabs</span><br><small>20 Stück</small></td>
            <td>x3</td><td><meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="4.50">4,50 €</span></td></tr>
            <tr><td colspan="2">Gesamt</td><td>53,40 €</td></tr></table></div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung HX-30017", html: html, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(order.extractedBy == .microdata)
        #expect(amounts(order) == ["1 × Wasserkocher Edelstahl 1,7 l @ 39.90", "3 × Entkalker Tabs @ 4.50"])
    }

    @Test("Product cards side by side, each with its count, are one item each; a recommended grid without counts is none")
    func cardsSideBySide() throws {
        let html = """
            <html><body><p>Your parcel is on its way. Order 55102</p><table>
            <tr><td><img src="a.jpg" alt=""><div>Trail running vest 5L</div><div>Size M</div><div>Qty: 1</div><div>$84.00</div></td>
            <td><img src="b.jpg" alt=""><div>Soft flask 500 ml</div><div>Qty: 2</div><div>$19.00</div></td></tr>
            </table><table><tr><td>Subtotal</td><td>$122.00</td></tr><tr><td>Total</td><td>$122.00</td></tr></table>
            <table><tr><td><div>Headlamp 400 lm</div><div>$45.00</div></td><td><div>Merino buff</div><div>$25.00</div></td></tr></table>
            </body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order 55102 shipped", html: html, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Trail running vest 5L @ 84.00", "2 × Soft flask 500 ml @ 19.00"])
    }

    @Test("In an invoice grid whose rows fill position and reference, a charge's row leaving them empty is no item")
    func unnumberedChargeRow() throws {
        let html = """
            <html><body><p>Facture F-2291</p><table>
            <tr><th>Pos.</th><th>Réf.</th><th>Désignation</th><th>Qté</th><th>Prix unitaire</th><th>Montant</th></tr>
            <tr><td>1</td><td>A-100</td><td>Théière fonte 0,8 l</td><td>1</td><td>45,00 €</td><td>45,00 €</td></tr>
            <tr><td>2</td><td>B-220</td><td>Thé vert Sencha 100 g</td><td>2</td><td>8,50 €</td><td>17,00 €</td></tr>
            <tr><td></td><td></td><td>Frais de port</td><td>1</td><td>6,90 €</td><td>6,90 €</td></tr>
            </table><p>Total TTC : 68,90 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Votre facture F-2291", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Théière fonte 0,8 l @ 45.00", "2 × Thé vert Sencha 100 g @ 8.50"])
    }

    @Test("A header cell of unknown words over small whole numbers is the count column; positions 1, 2, 3 are not")
    func unknownCountHeader() throws {
        let html = """
            <html><body><p>Invoice 88-301</p><table>
            <tr><td>Cases</td><td>Description</td><td>Price</td><td>Amount</td></tr>
            <tr><td>2</td><td>Sparkling water 24 x 330 ml</td><td>£9.00</td><td>£18.00</td></tr>
            <tr><td>1</td><td>Ginger beer 12 x 275 ml</td><td>£11.50</td><td>£11.50</td></tr>
            <tr><td></td><td>Delivery</td><td></td><td>£4.00</td></tr>
            <tr><td></td><td>Total</td><td></td><td>£33.50</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Invoice 88-301", html: html, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Sparkling water 24 x 330 ml @ 9.00", "1 × Ginger beer 12 x 275 ml @ 11.50"])
        let numbered = """
            <html><body><p>Invoice 88-302</p><table>
            <tr><td>No.</td><td>Description</td><td>Price</td></tr>
            <tr><td>1</td><td>Notebook A5 dotted</td><td>£4.00</td></tr>
            <tr><td>2</td><td>Pencil set, 12 colours</td><td>£6.00</td></tr>
            <tr><td></td><td>Total</td><td>£10.00</td></tr></table></body></html>
            """
        let positions = try #require(extractor.extract(message(subject: "Invoice 88-302", html: numbered, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(positions) == ["1 × Notebook A5 dotted @ 4.00", "1 × Pencil set, 12 colours @ 6.00"])
    }

    @Test("A count with its unit word before the name in a headerless row; a first word saying payment stays goods")
    func unitCountBeforeName() throws {
        let html = """
            <html><body><p>Pedido VC-5530</p><table>
            <tr><td><span>2 ud.</span> Pago del Cielo Tempranillo 2020</td><td>31,00 €</td></tr>
            <tr><td><span>1 ud.</span> Aceite de oliva virgen extra 500 ml</td><td>9,80 €</td></tr>
            </table><table><tr><td>Total</td><td>40,80 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Pedido VC-5530", html: html, from: "tienda@example.es"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Pago del Cielo Tempranillo 2020 @ 15.50", "1 × Aceite de oliva virgen extra 500 ml @ 9.80"])
    }

    @Test("'2 billet(s)' over the price in its cell is the count of tickets")
    func ticketCountInPriceCell() throws {
        let html = """
            <html><body><p>Commande : TH-70021</p>
            <table><tr><td><div>Quatuor Ébène - Beethoven</div><div>Salle Gaveau · Balcon · Plein tarif</div></td>
            <td><div>2 billet(s)</div><div><b>70,00 €</b></div></td></tr></table>
            <table><tr><td><div>Quatuor Ébène - Beethoven</div><div>Salle Gaveau · Balcon · Tarif réduit</div></td>
            <td><div>1 billet(s)</div><div><b>22,00 €</b></div></td></tr></table>
            <p>Total TTC : 92,00 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Vos billets TH-70021", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Quatuor Ébène - Beethoven @ 35.00", "1 × Quatuor Ébène - Beethoven @ 22.00"])
        #expect(TextItemReader.countedQuantity("3 ticket(s)") == 3)
        #expect(TextItemReader.countedQuantity("2 entradas") == 2)
        #expect(TextItemReader.countedQuantity("3 places") == nil)
    }

    @Test("Under a name, a line opening with an attribute before the count's label is the variant, not the name")
    func attributeLineWithCount() throws {
        let plain = """
            Commande N° 88120

            Robe en lin lavé
            Taille 38 - Qté : 1
            Prix : 59,00 €
            Sandales cuir
            Pointure 39 · camel - Qté : 2
            Prix : 45,00 €

            Montant total : 149,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande N° 88120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Robe en lin lavé @ 59.00", "2 × Sandales cuir @ 45.00"])
        #expect(TextItemReader.opensWithAttribute("Taille 38"))
        #expect(!TextItemReader.opensWithAttribute("Robe en lin"))
    }

    @Test("'Prix à l'unité ::' over a counted name prices it")
    func fourWordUnitPriceLabel() throws {
        let plain = """
            Commande: 77310

            Savon d'Alep 200 g
            Quantité :: 3
            Prix à l'unité :: 6,50 €

            Gant de crin
            Quantité :: 1
            Prix à l'unité :: 8,00 €

            Livraison en point relais: 4,90 €
            Montant total TTC: 32,40 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 77310", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Savon d'Alep 200 g @ 6.50", "1 × Gant de crin @ 8.00"])
    }

    @Test("A size glued to an 'x' (28x1.40) is part of the name; an open bracket ends at the column's gap")
    func gluedSizeAndOpenBracket() throws {
        let plain = """
            Bestellung: 20071

            Artikel                                      Menge      Gesamt
            Faltreifen Race 28x1.25"                        2      59,80 €
            Kettenblatt 36 Zähne (Shimano-kompatib          1      24,90 €
            Sattelstütze 27.2 x 350 mm                      1      34,00 €

            Gesamtsumme                                           118,70 €
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung 20071", plain: plain, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Faltreifen Race 28x1.25\" @ 29.90", "1 × Kettenblatt 36 Zähne (Shimano-kompatib @ 24.90",
                                   "1 × Sattelstütze 27.2 x 350 mm @ 34.00"])
    }

    @Test("A count in the last segment of the detail line under a price-first item line is its count")
    func segmentCountUnderItem() throws {
        let plain = """
            Ordine n. LB-4410 confermato.
            EUR 16,00 Il barone rampante - Italo Calvino
            e/o · 2 copie

            EUR 12,50 La luna e i falò - Cesare Pavese
            Einaudi · 1 copia

            Spese di spedizione: EUR 0,00 · Totale: EUR 28,50
            """
        let order = try #require(extractor.extract(message(subject: "Conferma ordine LB-4410", plain: plain, from: "shop@example.it"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Il barone rampante - Italo Calvino @ 8.00", "1 × La luna e i falò - Cesare Pavese @ 12.50"])
        #expect(TextItemReader.lastSegmentCount("e/o · 2 copie").map(\.0) == 2)
    }

    @Test("'Qty 3 · $24.95' in the price's cell gives the row its count")
    func labelledCountInPriceCell() throws {
        let html = """
            <html><body><p>Order B2207761 ships in 2 packages</p><table>
            <tr><td colspan="2"><b>Package 1 of 2</b></td></tr>
            <tr><td>Insulated bottle 750 ml — Slate</td><td>Qty 1 · $32.00</td></tr>
            <tr><td>Camp towel, large — Olive</td><td>Qty 2 · $21.50</td></tr></table>
            <p>Shipping: $0.00</p><p>Order total: <b>$75.00</b></p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Your order B2207761", html: html, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Insulated bottle 750 ml — Slate @ 32.00", "2 × Camp towel, large — Olive @ 21.50"])
    }

    @Test("A count before a pack's description in brackets ('85 g x2 (Lot de 12)') is the row's count")
    func countBeforePackBracket() throws {
        let html = """
            <html><body><p>Commande W-30291</p><table>
            <tr><td>Sachets fraîcheur saumon 85 g x2 <span>(Lot de 12)</span></td><td>25,80 €</td></tr>
            <tr><td>Arbre à chat Kiwi x1</td><td>49,90 €</td></tr></table>
            <table><tr><td>Total TTC</td><td>75,70 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande W-30291", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Sachets fraîcheur saumon 85 g (Lot de 12) @ 12.90", "1 × Arbre à chat Kiwi @ 49.90"])
    }

    @Test("A bare number before a line's priced amount (a year, a gauge before its pack) is part of the name")
    func bareNumberInName() throws {
        let plain = """
            Commande 55120

            2 x Semences radis rond ... 3,90 €
            1 x Catalogue papier 2027 ... 0,00 €
            Mediator Fender 0.71 (12 pz)              2      € 9,00

            Total TTC: 12,90 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 55120", plain: plain), vendor: nil, category: .orders))
        // The catalogue priced zero beside priced items is given, not bought.
        #expect(amounts(order) == ["2 × Semences radis rond @ 1.95", "2 × Mediator Fender 0.71 (12 pz) @ 4.50"])
        #expect(!TextItemReader.isDetailName("Catalogue papier 2027"))
        #expect(TextItemReader.isDetailName("Cat. no. 123/4567"))
    }

    @Test("'Quantité commandée : 2' over 'Prix : 12,50 € / unité — Total : 25,00 €': the count, and an item's prices, not the order's total")
    func orderedCountAndUnitPriceLine() throws {
        let html = """
            <html><body><p>Commande : J-7721</p>
            <div><p>Lavande vraie</p><p>Pot 2 L</p><p>Quantité commandée : 2</p><p>Prix : 12,50 € / unité — Total : 25,00 €</p></div>
            <div><p>Terreau plantation 20 L</p><p>Quantité commandée : 1</p><p>Prix : 7,90 € / unité — Total : 7,90 €</p></div>
            <div><p>Sous-total</p><p>32,90 €</p></div><div><p>Livraison</p><p>5,90 €</p></div>
            <div><p>Total TTC</p><p>38,80 €</p></div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande J-7721", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Lavande vraie @ 12.50", "1 × Terreau plantation 20 L @ 7.90"])
        #expect(TextItemReader.labelledQuantity("quantity ordered 3") == 3)
    }

    @Test("'2 Stück  Name' over 'je 9,90 EUR   gesamt 19,80 EUR': the count, the unit price and the line's total, not the order's total")
    func eachAndLineTotalUnderCountedName() throws {
        let plain = """
            Bestellbestätigung Nr. 50117

            1 Stück  Notenständer klappbar schwarz
                     je 24,00 EUR   gesamt 24,00 EUR
            2 Stück  Klavierhocker-Polster
                     je 12,50 EUR   gesamt 25,00 EUR

            Versandkosten: 0,00 EUR
            Rechnungsbetrag: 49,00 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung 50117", plain: plain, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Notenständer klappbar schwarz @ 24.00", "2 × Klavierhocker-Polster @ 12.50"])
        #expect(order.total?.decimalString == "49.00")
        #expect(TextItemReader.unitCountPrefix("3 St. James Street") == nil)
    }

    @Test("A price per measure in brackets after a count line's price ('(11,60 €/l)') does not undo the line")
    func bracketedPricePerMeasure() throws {
        let html = """
            <html><body><p>Bestellnummer: <b>WK-20991</b></p>
            <p><b>Grauburgunder trocken 2024, Weingut Am Stein</b><br>6 Flaschen à 8,70 € (11,60 €/l)</p>
            <p><b>Crémant de Loire Brut</b><br>1 Flasche à 14,50 € (19,33 €/l)</p>
            <p>Versand: 4,95 €<br>Gesamt inkl. MwSt.: <b>71,65 €</b></p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Bestellung WK-20991", html: html, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["6 × Grauburgunder trocken 2024, Weingut Am Stein @ 8.70", "1 × Crémant de Loire Brut @ 14.50"])
    }

    @Test("A count's label glued to the name before it ('…, LargeQty: 1') gives the count and leaves the name")
    func gluedQuantityLabel() throws {
        let plain = """
            Your order #2290417 is confirmed.
            Stainless Water Bowl, MediumQty: 2

            $19.98

            Rope Tug Toy, 3 knotsQty: 1

            $8.49

            Order total
            $28.47
            """
        let order = try #require(extractor.extract(message(subject: "Your order #2290417", plain: plain, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["2 × Stainless Water Bowl, Medium", "1 × Rope Tug Toy, 3 knots"])
        #expect(TextItemReader.gluedQuantityLabel("Trail Shoe, Size 9Qty: 3").map(\.0) == 3)
        #expect(TextItemReader.gluedQuantityLabel("Qty: 3") == nil)
        #expect(TextItemReader.gluedQuantityLabel("Order Qty: 3") == nil)
    }

    @Test("A deposit's row under each bottle's row ('2 | Pfand | 5,00 €') is no item and does not end the run")
    func depositRowsBetweenItems() throws {
        let html = """
            <html><body><p>Deine Bestellung <b>GT-77012</b> kommt heute.</p><table>
            <tr><td>2</td><td>Mineralwasser Still 12 x 0,7 l (Glas)</td><td>13,98 €</td></tr>
            <tr><td>2</td><td>Pfand</td><td>7,20 €</td></tr>
            <tr><td>1</td><td>Apfelsaft naturtrüb 6 x 1,0 l</td><td>11,49 €</td></tr>
            <tr><td>1</td><td>Pfand</td><td>2,40 €</td></tr>
            <tr><td></td><td>Liefergebühr</td><td>0,00 €</td></tr>
            <tr><td></td><td><b>Summe</b></td><td><b>35,07 €</b></td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung GT-77012", html: html, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["2 × Mineralwasser Still 12 x 0,7 l (Glas)", "1 × Apfelsaft naturtrüb 6 x 1,0 l"])
    }

    @Test("A seller's shipping line between two sellers' items does not close the list; the total does")
    func shippingBetweenSellers() throws {
        let html = """
            <html><body><p>Numer zamówienia: <b>PL-55120</b></p>
            <div>Sprzedawca: <b>rowery_kraków</b></div>
            <div>Dzwonek rowerowy mosiężny<br>2 szt. × 19,90 zł</div>
            <div>Dostawa: Paczkomat · 9,99 zł</div>
            <div>Sprzedawca: <b>ogród-i-dom</b></div>
            <div>Sekator ogrodowy nożycowy<br>1 szt. × 45,00 zł</div>
            <div>Dostawa: Kurier · 12,99 zł</div>
            <div>Do zapłaty: <b>127,78 zł</b></div>
            <div>Polecane: Lampka rowerowa LED<br>1 szt. × 29,00 zł</div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Dziękujemy za zakup", html: html, from: "shop@example.pl"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Dzwonek rowerowy mosiężny @ 19.90", "1 × Sekator ogrodowy nożycowy @ 45.00"])
        #expect(order.total?.decimalString == "127.78")
    }

    @Test("A title row over a small table 'Dose | Menge 2 | 5,98 €' names its item; the short name inside is its variant")
    func titleRowOverDetailsTable() throws {
        let html = """
            <html><body><p>Bestellung LS-44120</p><table>
            <tr><td><table><tr><td>Eistee Pfirsich 24 x 0,33 l</td></tr>
            <tr><td><table><tr><td>Dose</td><td>Menge 2</td><td>25,98 €</td></tr></table></td></tr></table></td></tr>
            <tr><td><table><tr><td>Orangensaft 6 x 1,0 l</td></tr>
            <tr><td><table><tr><td>PET</td><td>Menge 1</td><td>9,49 €</td></tr></table></td></tr></table></td></tr>
            </table><table><tr><td>Gesamtsumme</td><td>35,47 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung LS-44120", html: html, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["2 × Eistee Pfirsich 24 x 0,33 l", "1 × Orangensaft 6 x 1,0 l"])
    }

    @Test("'1 @ FREE' under a name is a gift's count, priced zero: no item beside priced items of the same layout")
    func countedFreeLine() throws {
        let plain = """
            Order #: 7730115

            Studio Monitor Headphones
            Black
            1 @ $149.00

            Instrument Cable 3 m
            2 @ $12.50

            Extended Warranty 1 Year
            1 @ FREE

            Subtotal: $174.00
            Shipping: FREE
            Grand Total: $174.00
            """
        let order = try #require(extractor.extract(message(subject: "Your Order #7730115", plain: plain, from: "shop@example.com"), vendor: nil, category: .orders))
        // Read as priced zero, the gift beside priced items is no item (`ItemVocabulary.withoutFreeExtras`).
        #expect(amounts(order) == ["1 × Studio Monitor Headphones @ 149.00", "2 × Instrument Cable 3 m @ 12.50"])
        #expect(TextItemReader.countedFreePrice(TextLine("2 x Gratuit"))?.0 == 2)
        #expect(TextItemReader.countedFreePrice(TextLine("Shipping FREE")) == nil)
    }

    @Test("A parcel's heading ('Package 1 - UPS 1Z…') over an item's lines is no name: the line under it names the item")
    func parcelHeadingOverItem() throws {
        let plain = """
            Your order has shipped (2 of 2 packages)

            Order number: B5520117

            Package 1 - UPS 1Z999AA10123456784
              Ultralight Camp Chair
              Qty 1    $89.95

            Package 2 - USPS 9400111899223345678901
              Merino Beanie
              Qty 2    $24.00 each

            Order total: $137.95
            """
        let order = try #require(extractor.extract(message(subject: "Your order has shipped", plain: plain, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Ultralight Camp Chair @ 89.95", "2 × Merino Beanie @ 24.00"])
        #expect(TextItemReader.isParcelHeading(TextLine("Colis 2 sur 3")))
        #expect(!TextItemReader.isParcelHeading(TextLine("Paket-Klebeband 50 m")))
    }
}
