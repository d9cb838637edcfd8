@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Which line of an item's block names it: the block's first name, not the variant, author or
/// start-date lines under it; sentences and order fields above the first item name nothing.
/// Each on a small invented mail.
@Suite("Item blocks")
struct ItemBlockTests {
    let extractor = OrderExtractor()

    @Test("flex cards: the name line, then a variant line, the count, the line total and 'N × unit'")
    func flexCards() throws {
        let html = """
            <p>Hello Ruth,</p><p>Our growers will pack your plants with care and send them next week.</p>
            <div style="display:flex"><span>Order number</span><span>HG-20411</span></div>
            <div style="display:flex"><span>Payment method</span><span>Visa ending 4410</span></div>
            <div class="item" style="display:flex"><div><div>Salvia nemorosa 'Caradonna'</div><div>1 litre pot</div>
            <div>Qty 4</div></div><div>£27.96<div>4 × £6.99</div></div></div>
            <div class="item" style="display:flex"><div><div>Garden twine, jute</div><div>Qty 1</div></div>
            <div>£3.50<div>1 × £3.50</div></div></div>
            <div class="item" style="display:flex"><div><div>Kneeling pad</div><div>Colour sage</div>
            <div>Qty 2</div></div><div>£17.00<div>2 × £8.50</div></div></div>
            <div style="display:flex"><span>Subtotal</span><span>£48.46</span></div>
            <div style="display:flex"><span>Delivery</span><span>£4.95</span></div>
            <div style="display:flex"><span>Total</span><span>£53.41</span></div>
            """
        let order = try #require(extractor.extract(message(subject: "Your order HG-20411", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Salvia nemorosa 'Caradonna' @ 6.99", "1 × Garden twine, jute @ 3.50", "2 × Kneeling pad @ 8.50"])
        #expect(order.total?.decimalString == "53.41")
        #expect(order.number == "HG-20411")
    }

    @Test("plain text: each paragraph's first line names its item, even a title with a colon")
    func paragraphs() throws {
        let plain = """
            Thank you for your order. You can download your files from the website.

            Order number: 55-88120
            Payment method: PayPal

            Seven Seas: The Complete Voyages
            Mara Ellison - Hardback
            Qty: 1
            Price: £24.00

            Field Notes Pocket Journal
            Dot grid, 3-pack
            Qty: 2
            Price: £9.50

            Subtotal:        £43.00
            Total:           £43.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 55-88120 confirmed", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Seven Seas: The Complete Voyages @ 24.00", "2 × Field Notes Pocket Journal @ 9.50"])
    }

    @Test("order fields written without a colon above the first item name nothing", arguments: [
        "Numer zamówienia 7781-220", "Forma płatności Karta płatnicza",
    ])
    func fieldLines(_ field: String) throws {
        let html = """
            <div>Dziękujemy za zamówienie.</div><div>\(field)</div>
            <div>Herbata zielona sencha 100 g</div><div>Ilość 3</div><div>47,70 zł</div><div>3 × 15,90 zł</div>
            <div>Razem 47,70 zł</div>
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie 7781-220", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Herbata zielona sencha 100 g @ 15.90"])
    }

    @Test("blank lines set a paragraph apart: a heading paragraph names no item")
    func headingParagraph() throws {
        let plain = """
            Votre colis a été livré.

            Contenu du colis

            Lampe frontale 400 lumens
            Coloris noir
            Qté : 1

            Gourde isotherme
            Taille 750 ml
            Qté : 2
            """
        let order = try #require(extractor.extract(message(subject: "Votre colis a été livré", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Lampe frontale 400 lumens @ -", "2 × Gourde isotherme @ -"])
    }

    @Test("paragraph starts are read from the text's blank lines, CRLF or LF")
    func paragraphStarts() {
        let lines = TextLine.lines(of: "A\r\nB\r\n\r\nC\n\n\nD\nE")
        #expect(lines.map(\.text) == ["A", "B", "C", "D", "E"])
        #expect(lines.map(\.startsParagraph) == [true, false, true, true, false])
    }

    @Test("a 'Total' line under an item's count and unit price is its line total, and the list goes on")
    func itemLineTotal() throws {
        let plain = """
            Commande n° 7741-B

            Bûches de chêne 30 cm
            Qté : 2
            Prix unitaire : 14,50 €
            Total : 29,00 €

            Allume-feu naturels
            Qté : 1
            Prix unitaire : 4,90 €

            Sous-total :       33,90 €
            Total TTC :        33,90 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 7741-B", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Bûches de chêne 30 cm @ 14.50", "1 × Allume-feu naturels @ 4.90"])
        #expect(order.total?.decimalString == "33.90")
    }

    @Test("an amount inside a name: a plain line with words after it, a table cell with more words than the amount")
    func amountInName() throws {
        let plain = """
            Receipt 44-1920

            €20 data pass - 30 days
            Renews on 14/05/2025
            Qty: 1
            Price: €20.00

            Total charged:      €20.00
            """
        let fromText = try #require(extractor.extract(message(subject: "Your receipt", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(fromText) == ["1 × €20 data pass - 30 days @ 20.00"])
        let html = """
            <p>Commande n° 5520-A</p>
            <table><tr><td><img src="a.jpg"></td><td><b>Agenda semainier 2026</b><br>Qté : 1</td><td>12,90 €</td></tr>
            <tr><td><img src="b.jpg"></td><td><b>Carte cadeau 25 €</b><br>Envoyée par e-mail<br>Qté : 1</td><td>25,00 €</td></tr></table>
            <table><tr><td>Total TTC</td><td>37,90 €</td></tr></table>
            """
        let fromTable = try #require(extractor.extract(message(subject: "Votre commande", html: html), vendor: nil, category: .orders))
        #expect(amounts(fromTable) == ["1 × Agenda semainier 2026 @ 12.90", "1 × Carte cadeau 25 € @ 25.00"])
    }

    @Test("a table whose name column is headed by a price word (Tarif | Qté | Prix unitaire | Total)")
    func fareColumn() throws {
        let html = """
            <p>Réservation n° TH-55102</p>
            <table><tr><th>Tarif</th><th>Qté</th><th>Prix unitaire</th><th>Total</th></tr>
            <tr><td>Place balcon - Tarif réduit</td><td>3</td><td>18,00 €</td><td>54,00 €</td></tr></table>
            <table><tr><td>Frais de dossier</td><td>1,50 €</td></tr><tr><td>Total de la commande</td><td>55,50 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Vos billets", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Place balcon - Tarif réduit @ 18.00"])
        #expect(order.total?.decimalString == "55.50")
    }

    @Test("service and handling fees in Italian and Spanish are no items", arguments: ["Costo del servizio", "Diritti di servizio", "Gastos de gestión"])
    func serviceFees(_ label: String) throws {
        #expect(SummaryLabel.kind(of: label) == .fee)
        let html = """
            <p>Ordine n. 88-4410</p>
            <table><tr><td>2×</td><td>Lasagne alla bolognese</td><td>21,00 €</td></tr>
            <tr><td>1×</td><td>Acqua frizzante 50 cl</td><td>1,50 €</td></tr>
            <tr><td></td><td>\(label)</td><td>0,99 €</td></tr></table>
            <table><tr><td>Totale</td><td>23,49 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Il tuo ordine", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Lasagne alla bolognese @ 10.50", "1 × Acqua frizzante 50 cl @ 1.50"])
    }

    @Test("a parcel's list in aligned columns: name, then its count, without prices")
    func countColumn() throws {
        let plain = """
            Ihre Bestellung 300-1187 wurde versendet.

            Artikel                                   Menge
            -----------------------------------------------
            Kettenöl Dry Lube 100 ml                      1
              Tropfflasche
            Bremsbeläge organisch (2 Stück)               2
            Flaschenhalter Carbon                         2
            -----------------------------------------------
            """
        let order = try #require(extractor.extract(message(subject: "Versandbestätigung 300-1187", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Kettenöl Dry Lube 100 ml @ -", "2 × Bremsbeläge organisch (2 Stück) @ -", "2 × Flaschenhalter Carbon @ -"])
    }

    @Test("a parcel's table rows of a name and a count cell without prices; product names holding 'Grand' or 'Sous-'")
    func unpricedRows() throws {
        let html = """
            <p>Bonjour Léa,</p><p>N° de commande : 4471-C</p><h3>Contenu du colis</h3>
            <table><tr><td>Maillot Grand Prix cycliste<br><span>Taille M · Bleu</span></td><td>Qté 2</td><td></td></tr>
            <tr><td>Sous-gants en soie<br><span>Taille L</span></td><td>Qté 1</td><td></td></tr>
            <tr><td>Number of packages</td><td>1</td><td></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre colis est en route", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Maillot Grand Prix cycliste @ -", "1 × Sous-gants en soie @ -"])
        #expect(SummaryLabel.kind(of: "Grand total") == .total)
        #expect(SummaryLabel.kind(of: "Sous-total des articles") == .subtotal)
    }

    @Test("aligned item lines: indented detail lines under an item, names holding a summary word, a code before a weight")
    func alignedLines() throws {
        let plain = """
            Commande n° AT-20931
            Paiement : Carte bancaire - €129,80

            Article                                   Qté   Prix unitaire      Total
            ------------------------------------------------------------------------
            Sac de transport pour drone                 1         59,90 €    59,90 €
              dont éco-participation : 0,10 €
            Batterie 5000 mAh                           2         24,95 €    49,90 €
              Vendu par PowerShop · dont éco-participation 0,05 €
            Pecorino DOP 250 g                          1          6,50 €     6,50 €
            Mise en service atelier                     1          0,00 €     0,00 €
            ------------------------------------------------------------------------

            Sous-total :                                  116,30 €
            Livraison :                                    13,50 €
            Total TTC :                                   129,80 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande AT-20931 confirmée", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == [
            "1 × Sac de transport pour drone @ 59.90", "2 × Batterie 5000 mAh @ 24.95", "1 × Pecorino DOP 250 g @ 6.50",
        ])
        #expect(order.total?.decimalString == "129.80")
        #expect(MoneyScanner.scan("Pecorino DOP 250 g").isEmpty)
        #expect(MoneyScanner.scan("DOP 1,250.00").count == 1)
    }

    @Test("plain text: a journey's paragraph names the fare under it; order fields between let the next paragraph name its item")
    func journeysAndFares() throws {
        let journey = """
            Booking reference: TR-88120

            Outbound: Leeds → York
            Sat 14 June · 09:12 - 09:40

            Off-Peak Single · 1 adult
            £12.40
            """
        let order = try #require(extractor.extract(message(subject: "Your booking TR-88120", plain: journey), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Outbound: Leeds → York @ 12.40"])
        let parcels = """
            Votre commande 55-120 est expédiée.

            Colis 1 sur 2
            Transporteur : Colissimo

            2 x Croquettes chat stérilisé 4 kg

            Colis 2 sur 2
            Transporteur : DPD

            1 x Arbre à chat 120 cm
            """
        let shipped = try #require(extractor.extract(message(subject: "Vos colis sont partis", plain: parcels), vendor: nil, category: .orders))
        #expect(amounts(shipped) == ["2 × Croquettes chat stérilisé 4 kg @ -", "1 × Arbre à chat 120 cm @ -"])
    }

    @Test("plain parts made from HTML: links after names, seller and catalogue lines carrying the count and price, a code column, the count between two prices")
    func convertedPlainParts() throws {
        let plain = """
            Order number    QX-55012

            Product    Qty    Price

            Cast Iron Skillet 26 cm <https://shop.example/p/cast-iron-skillet-26>
            Cat. no. 771/2040    1    £34.99

            Olive Wood Spatula <https://shop.example/p/olive-wood-spatula>
            Sold by Treeware Ltd    2    £7.50    £15.00

            Subtotal    £49.99
            Order total    £49.99
            """
        let order = try #require(extractor.extract(message(subject: "Your order QX-55012", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Cast Iron Skillet 26 cm @ 34.99", "2 × Olive Wood Spatula @ 7.50"])
        let coded = """
            Ordine: RT-40021

            Riferimento    Prodotto    Prezzo unitario    Quantità    Prezzo totale

            9788804711230    Storia di una ladra di libri    EUR 12,00    2    EUR 24,00

            LMP-OAK-40    Lampada da lettura in rovere    EUR 39,90    1    EUR 39,90

            Totale pagato    EUR 63,90
            """
        let fromCodes = try #require(extractor.extract(message(subject: "Il tuo ordine RT-40021", plain: coded), vendor: nil, category: .orders))
        #expect(amounts(fromCodes) == ["2 × Storia di una ladra di libri @ 12.00", "1 × Lampada da lettura in rovere @ 39.90"])
    }

    @Test("a counted name, then its variant line with the price; a release-date line carrying the count and price")
    func countedNameThenPriceLine() throws {
        let plain = """
            Order summary

            Kenya Nyeri AA × 2
            Whole bean / 250 g    €27.00

            Ceramic Dripper × 1    €24.00

            Subtotal    €51.00
            Order total    €51.00
            """
        let order = try #require(extractor.extract(message(subject: "Your order #3310 is confirmed", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Kenya Nyeri AA @ 13.50", "1 × Ceramic Dripper @ 24.00"])
        let preorder = """
            Numéro de commande    PK-2025-0071

            Précommande - Astro Racer (Nintendo Switch 2)
            Sortie prévue le 12/09/2025    1    69,99 €    69,99 €

            Peinture plafond blanc mat 2,5 L    1    24,90 €    24,90 €

            Total TTC    94,89 €
            """
        let ordered = try #require(extractor.extract(message(subject: "Votre commande PK-2025-0071", plain: preorder), vendor: nil, category: .orders))
        #expect(amounts(ordered) == ["1 × Précommande - Astro Racer (Nintendo Switch 2) @ 69.99", "1 × Peinture plafond blanc mat 2,5 L @ 24.90"])
        #expect(TextItemReader.hasNumericDate("Sortie prévue le 12/09/2025"))
        #expect(!TextItemReader.hasNumericDate("Câble HDMI 2.1 8K"))
    }

    @Test("journeys are places on both sides of an arrow, not times", arguments: [
        ("London Kings Cross → Edinburgh", true), ("Paris Gare de Lyon 17:04 -> Lyon Part Dieu 19:01", true),
        ("Out: Fri 14 Mar 2025, 10:00 → 14:21 · LNER", false), ("Ven. 18 avril 2025 - 07:37 → 10:52 - Voiture 14", false),
    ])
    func journeys(_ text: String, _ isRoute: Bool) {
        #expect(TextItemReader.isRoute(text) == isRoute)
    }

    @Test("detail lines carrying the count and prices under the name: a price per measure, a shade, a deposit note, an included tax")
    func priceLinesUnderNames() throws {
        let plain = """
            Numéro de commande    DR-88412

            Produit    Qté    Prix unitaire    Total

            Jus d'orange pressé 1 L
            2,45 € / L    2    2,45 €    4,90 €

            Rouge à lèvres satiné
            Teinte : Cerise    1    18,50 €    18,50 €

            Eau pétillante 6 x 1 L
            excl. consigne    1    3,30 €    3,30 €

            Bouilloire inox 1,7 L
            dont éco-participation : 0,30 €    1    39,90 €    39,90 €

            Sous-total    66,60 €
            Total TTC    66,60 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande DR-88412", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == [
            "2 × Jus d'orange pressé 1 L @ 2.45", "1 × Rouge à lèvres satiné @ 18.50", "1 × Eau pétillante 6 x 1 L @ 3.30",
            "1 × Bouilloire inox 1,7 L @ 39.90",
        ])
    }

    @Test("a list's heading right above the first item names nothing", arguments: [
        "Articles commandés", "Your items", "Contenu du colis", "In dieser Sendung", "Bestelde artikelen", "I tuoi articoli",
    ])
    func listHeadings(_ heading: String) throws {
        let html = """
            <div>Bonjour Léa,</div><div>Commande n° 7720-K</div>
            <div>\(heading)</div><div>Chemise en lin écru</div><div>Qté 1</div><div>49,00 €</div>
            <div>Ceinture tressée</div><div>Qté 2</div><div>38,00 €</div>
            <div>Total 87,00 €</div>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 7720-K", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Chemise en lin écru @ 49.00", "2 × Ceinture tressée @ 19.00"])
    }

    @Test("flex cards: a name holding an amount or a colon over its count line; payment and date fields above name nothing")
    func flexNamesOverCounts() throws {
        let html = """
            <div style="display:flex"><span>Número de pedido</span><span>PD-22018</span></div>
            <div style="display:flex"><span>Forma de pago</span><span>Tarjeta Visa ···· 1204</span></div>
            <div style="display:flex"><span>Data ordine</span><span>14/12/2024</span></div>
            <div>Monitor 24 pulgadas IPS</div><div>Cantidad 1</div><div>149,00 €</div>
            <div>El Quijote: Edición Ilustrada</div><div>Tapa dura</div><div>Cantidad 1</div><div>32,00 €</div>
            <div>Tarjeta regalo 25 €</div><div>Cantidad 1</div><div>25,00 €</div>
            <div style="display:flex"><span>Total</span><span>206,00 €</span></div>
            """
        let order = try #require(extractor.extract(message(subject: "Tu pedido PD-22018", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Monitor 24 pulgadas IPS @ 149.00", "1 × El Quijote: Edición Ilustrada @ 32.00", "1 × Tarjeta regalo 25 € @ 25.00"])
    }

    @Test("a counted row whose name holds a summary word is goods; a charge's word first is not")
    func countedChargeWords() throws {
        let html = """
            <p>N° de commande : 33018</p>
            <table><tr><td>Vélo cargo électrique<br>Réf. VC-200</td><td>1x</td><td>3 490,00 €</td></tr>
            <tr><td>Mise en service atelier<br>Réf. SRV-01</td><td>1x</td><td>0,00 €</td></tr>
            <tr><td>Gratis-Probe: Kettenspray 50 ml<br>Qté : 1</td><td></td><td>0,00 €</td></tr></table>
            <table><tr><td>Frais de port</td><td>0,00 €</td></tr><tr><td>Total TTC</td><td>3 490,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 33018", html: html), vendor: nil, category: .orders))
        // The sample and the service priced zero beside a priced item are given, not bought (`ItemVocabulary.withoutFreeExtras`).
        #expect(amounts(order) == ["1 × Vélo cargo électrique @ 3490.00"])
        #expect(TextItemReader.isChargeName("Frais de port", counted: true))
        #expect(!TextItemReader.isChargeName("Housse de transport 88 touches", counted: true))
        #expect(TextItemReader.isChargeName("Mise en service", counted: false))
    }

    @Test("a variant line listing ports (2x USB-C, 1x USB-A) counts no item")
    func portList() throws {
        let plain = """
            Order 77120

            Travel charger 100W
            2x USB-C, 1x USB-A
            Qty: 1
            Price: €59.00

            Total:    €59.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 77120 accepted", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Travel charger 100W @ 59.00"])
    }

    @Test("an amount inside a counted name, a unit price labelled P.U. TTC, a ticket's labelled type beside its priced line")
    func moreAmountsInNames() throws {
        let times = """
            Receipt 88-2041

            1 x £10 data bundle - 20GB                          £10.00
            1 x Roaming pass                                     £3.00

            Total charged:                                      £13.00
            """
        let receipt = try #require(extractor.extract(message(subject: "Your receipt", plain: times), vendor: nil, category: .orders))
        #expect(amounts(receipt) == ["1 × £10 data bundle - 20GB @ 10.00", "1 × Roaming pass @ 3.00"])
        let fields = """
            Facture F-2210

            Sac à dos 30 L
            Qté : 1
            P.U. TTC : 79,90 EUR

            TOTAL TTC :        79,90 EUR
            """
        let invoice = try #require(extractor.extract(message(subject: "Votre facture F-2210", plain: fields), vendor: nil, category: .orders))
        #expect(amounts(invoice) == ["1 × Sac à dos 30 L @ 79.90"])
        let ticket = """
            Booking reference: QT-5512
            Ticket type: Off-Peak Return
            Passengers: 2 adults

            2 x Off-Peak Return (Standard)                    £46.00

            Total paid:                                        £46.00
            """
        let booking = try #require(extractor.extract(message(subject: "Your tickets", plain: ticket), vendor: nil, category: .orders))
        #expect(amounts(booking) == ["2 × Off-Peak Return (Standard) @ 23.00"])
    }

    @Test("thanks right above the first item name nothing", arguments: [
        "Thank you for shopping with us", "Merci pour votre confiance", "Vielen Dank für Ihren Einkauf",
    ])
    func thanksAboveItems(_ thanks: String) throws {
        let html = """
            <div>Order 5520-Q</div><div>\(thanks)</div>
            <div>Linen shirt</div><div>Qty 1</div><div>€49.00</div>
            <div>Total €49.00</div>
            """
        let order = try #require(extractor.extract(message(subject: "Order 5520-Q confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Linen shirt @ 49.00"])
    }
}
