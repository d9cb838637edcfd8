@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Lines whose prices, counts or names come with something that is none of them: a struck-out or
/// former price, a count glued to the price or the name, a variant, a reference, an author, a
/// deposit charged on top, a column heading saying what the one price is. Invented mails, several
/// languages.
@Suite("Struck prices, references, titles and deposits")
struct StruckPricesTitlesAndDepositsTests {
    let extractor = OrderExtractor()

    @Test("A count's label, the count and the price read as one number: the count set apart")
    func labelledCountBeforePrice() throws {
        let plain = """
            Nous vous confirmons votre commande n°2611ZX.

            Aspirateur balai sans fil X-Force 9.60 RH2037

            Vendu par Cdiscount · Qté : 1 219,99 €

            Lot de 6 x 1,5 L Eau minérale

            Vendu par Cdiscount · Qté : 2 1,62 €

            Montant des articles : 223,23 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 2611ZX", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Aspirateur balai sans fil X-Force 9.60 RH2037 @ 219.99", "2 × Lot de 6 x 1,5 L Eau minérale @ 1.62"])
    }

    @Test("A count marked by its sign, a dash, the price, under the name")
    func dashedCountUnderName() throws {
        let plain = """
            Ta commande n°2290 est entre de bonnes mains.

            Créoles martelées dorées
            Taille : 20 mm
            x2 — 58,00 €

            Collier pierre de lune, chaîne 45 cm
            x1 — 39,00 €

            Livraison lettre suivie : 3,50 €
            Total : 100,50 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 2290", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Créoles martelées dorées @ 29.00", "1 × Collier pierre de lune, chaîne 45 cm @ 39.00"])
    }

    @Test("Title rows over a seller's count cell or a struck-out unit price, the price paid after it")
    func titleRowsOverStruckPrices() throws {
        let html = """
            <table>
            <tr><td colspan="2"><b>Aspirateur balai sans fil X-Force 9.60</b></td></tr>
            <tr><td>Vendu par Cdiscount · Qté : 1</td><td align="right"><s>299,99 €</s> 219,99 €</td></tr>
            <tr><td colspan="2"><b>Crème hydratante 500 ml</b></td></tr>
            <tr><td>2 pz. × <s>€ 21,90</s> € 17,52 (-20%)</td><td align="right">€ 35,04</td></tr>
            </table>
            <p>Total : 255,03 €</p>
            """
        let order = try #require(extractor.extract(message(subject: "Commande 2611ZX", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Aspirateur balai sans fil X-Force 9.60 @ 219.99", "2 × Crème hydratante 500 ml @ 17.52"])
    }

    @Test("Whether the item is in stock, or its discount in brackets, after its price")
    func availabilityAndDiscountAfterPrice() throws {
        let plain = """
            Merci pour votre commande web n°3318 !

            Le Petit Prince   Folio   1   8,40 € en stock
            Vernon Subutex 1   Le Livre de Poche   1   8,90 € à commander

            Total livres : 17,30 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande web 3318", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.quantity) == [1, 1])
        #expect(order.items.map { $0.unitPrice?.decimalString } == ["8.40", "8.90"])
        let discounted = """
            Merci pour ta commande PN-51 !

            Carnet pointillé A5, 160 pages
            2 × 17,00 € 13,60 € (-20 %)

            Stylo-plume, bleu pétrole
            1 × 19,00 €

            Sous-total : 46,20 €
            """
        let second = try #require(extractor.extract(message(subject: "Commande PN-51", plain: discounted), vendor: nil, category: .orders))
        #expect(amounts(second) == ["2 × Carnet pointillé A5, 160 pages @ 13.60", "1 × Stylo-plume, bleu pétrole @ 19.00"])
    }

    @Test("A colour and a size after the name, set apart by slashes")
    func slashedVariantAfterName() throws {
        let plain = "Votre commande n°88402 vient de quitter notre entrepôt.\n\nContenu du colis :\n- Cardigan Gaspard / Écru chiné / S - 1 x 140 €\n- Jupe Melodie / Imprimé fleurs / 36 - 1 x 160 €\n\nTotal : 300 €\n"
        let order = try #require(extractor.extract(message(subject: "Commande 88402 expédiée", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Cardigan Gaspard", "Jupe Melodie"])
        #expect(TextItemReader.cleanName("Tee-shirt / Polo") == "Tee-shirt / Polo")
    }

    @Test("A bare number opening with a zero before another digit is a date's day, no price")
    func zeroLedBareNumber() {
        #expect(MoneyScanner.scan("Sendungsnummer: H100220 · voraussichtliche Zustellung: Fr., 06.11.").isEmpty)
        #expect(MoneyScanner.scan("Bananes   0,99").map(\.number.fraction) == ["99"])
        #expect(MoneyScanner.scan("Frais : 06,50 €").count == 1)
    }

    @Test("A count's line over the count and unit price written twice, struck out then paid")
    func countLineOverStruckUnitPrice() throws {
        let plain = """
            Nous avons bien reçu votre commande 2611-88.

            Veste imperméable MH500

            Qté : 1

            79,99 €

            Chaussettes randonnée, lot de 2 paires

            Qté : 2

            2 x 11,99 €
            2 x 9,99 €

            Sous-total articles 99,97 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 2611-88", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Veste imperméable MH500 @ 79.99", "2 × Chaussettes randonnée, lot de 2 paires @ 9.99"])
    }

    @Test("Prices written over names, the variant's segments before the count's label under each name")
    func variantSegmentsBeforeCount() throws {
        let plain = """
            Order No.: 8177330

            £32.00
            Oversized knitted jumper with crew neck in ecru
            Cream / Size: M / Qty: 1

            £6.00
            5 pack socks in black
            Black / One Size / Qty: 2

            Subtotal £44.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 8177330", plain: plain, from: "a@fashion.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Oversized knitted jumper with crew neck in ecru", "5 pack socks in black"])
        #expect(order.items.map(\.quantity) == [1, 2])
    }

    @Test("A price for one after the amount: 'kr/st', 'per stuk', even bare")
    func priceForOneAfterAmount() throws {
        let swedish = """
            Your order number is 1389902.

            Item                                       Qty    Price
            KALLAX Shelf unit, white, 77x147 cm         1    799 kr
            DRÖNA Box, black, 33x38x33 cm               4    49 kr/st

            Total incl. VAT                                 995 kr
            """
        let first = try #require(extractor.extract(message(subject: "Order 1389902", plain: swedish, from: "a@ikea.se"), vendor: nil, category: .orders))
        #expect(amounts(first) == ["1 × KALLAX Shelf unit, white, 77x147 cm @ 799.00", "4 × DRÖNA Box, black, 33x38x33 cm @ 49.00"])
        let dutch = "Bestelnummer: 44188\n\n3x Rookworst 275 g              11,97\n2x Sokken katoen 5 paar           7,00 per stuk\n\nTotaal artikelen                 25,97\nTotaal                       € 25,97\n"
        let second = try #require(extractor.extract(message(subject: "Bestelling 44188", plain: dutch, from: "a@winkel.nl"), vendor: nil, category: .orders))
        #expect(amounts(second) == ["3 × Rookworst 275 g @ 3.99", "2 × Sokken katoen 5 paar @ 7.00"])
        #expect(MoneyScanner.scan("duur 24 mois").isEmpty)
    }

    @Test("A column heading naming only the line's amount says the one price of each line is its total (no sums to tell)")
    func headingNamesLineAmount() throws {
        let plain = """
            Bestelnummer: BST-7712

            Aantal  Product                                            Bedrag
            2       Halfvolle melk 1,5 L                               € 3,10
            3       Volkoren brood heel                                € 6,75

            Je bestelling wordt zaterdag bezorgd.
            """
        let order = try #require(extractor.extract(message(subject: "Bestelling BST-7712", plain: plain, from: "a@super.nl"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Halfvolle melk 1,5 L @ 1.55", "3 × Volkoren brood heel @ 2.25"])
        #expect(TextItemReader.headingReading([TextLine("Qty   Item   Unit price")]) == .unit)
    }

    @Test("A size written with a spaced times sign in the name, before the unit price and the line's total")
    func spacedDimensionInName() throws {
        let plain = """
            Bestellung RH-0718

            Menge  Artikel                                           Einzelpreis     Gesamt
            2      Schwalbe Marathon Plus 28 x 1,50 (40-622)             44,90 €     89,80 €
            1      Fahrradschloss Bordo 6000/90, schwarz                 99,95 €     99,95 €

            Gesamtbetrag                                                        189,75 €
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung RH-0718", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Schwalbe Marathon Plus 28 x 1,50 (40-622) @ 44.90", "1 × Fahrradschloss Bordo 6000/90, schwarz @ 99.95"])
    }

    @Test("A count and a bare unit price whose product is the line's total")
    func countAndBareUnitPrice() throws {
        let plain = "Commande 12\n\nCroissant au beurre   2 x 1,50   3,00 €\nPain de campagne 800 g   1 x 4,20   4,20 €\n\nTotal : 7,20 €\n"
        let order = try #require(extractor.extract(message(subject: "Commande 12", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Croissant au beurre @ 1.50", "1 × Pain de campagne 800 g @ 4.20"])
    }

    @Test("A counted title row over its variant and price")
    func countedTitleOverVariant() throws {
        let html = """
            <p>Danke für deine Bestellung 1488.</p>
            <table><tr><td>1x Notebook Air 13" (16 GB, 512 GB)</td></tr><tr><td>Mitternacht</td><td>CHF 1'349.00</td></tr>
            <tr><td>2x Kabellose Maus MX 3S</td></tr><tr><td>Graphit</td><td>CHF 89.90</td></tr></table>
            <table><tr><td>Total</td><td>CHF 1'528.80</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung 1488", html: html, from: "a@shop.ch"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Notebook Air 13\" (16 GB, 512 GB) @ 1349.00", "2 × Kabellose Maus MX 3S @ 89.90"])
    }

    @Test("A set's number before a bar, the name after it")
    func setNumberBeforeBar() {
        #expect(TextItemReader.cleanName("42143 | Ferrari Daytona SP3") == "Ferrari Daytona SP3")
        #expect(TextItemReader.cleanName("Veste en lin | Taille : M") == "Veste en lin")
    }

    @Test("A receipt's fields in two columns, the item's title holding a colon")
    func fieldsWithTitleColon() throws {
        let plain = "Thank you for your purchase.\n\nTransaction number   ES-4471-2290\nItem   Saga of the Tides: Second Voyage\nPrice   €39.99\nTotal   €39.99\n"
        let order = try #require(extractor.extract(message(subject: "Your receipt", plain: plain, from: "a@games.example"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Saga of the Tides: Second Voyage @ 39.99"])
    }

    @Test("An author's line under the title names no item")
    func bylineUnderTitle() throws {
        let plain = "Receipt 7YHd2k\n\nInk Wash Essentials — Brush Pack (60 brushes)\n\nby Lena Okoro Studio\n\nProduct price   $15\n\nAmount paid   $15\n"
        let order = try #require(extractor.extract(message(subject: "Your receipt", plain: plain, from: "a@market.example"), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Ink Wash Essentials — Brush Pack (60 brushes)"])
    }

    @Test("A cancellation's counted lines with their price in brackets; a former price under an item")
    func bracketedPricesAndFormerPrice() throws {
        let cancelled = "Ihre Bestellung 7055 wurde storniert.\n\nStornierte Artikel:\n- 1 x Thermobecher, 0,4 l (17,99 €)\n- 2 x Geschirrtuch, 2er-Set (9,99 €)\n\nEs entstehen Ihnen keine Kosten.\n"
        let first = try #require(extractor.extract(message(subject: "Stornierung 7055", plain: cancelled), vendor: nil, category: .orders))
        #expect(first.items.map(\.name) == ["Thermobecher, 0,4 l", "Geschirrtuch, 2er-Set"])
        #expect(first.items.map(\.quantity) == [1, 2])
        let former = """
            Order Number: BBY01-8077

            Wireless Headphones - Black
            SKU: 6505727   Qty: 1   $329.99
              Black Friday Deal: was $399.99

            USB-C Charging Cable
            SKU: 6514933   Qty: 2   $39.98

            Subtotal                          $369.97
            """
        let second = try #require(extractor.extract(message(subject: "Order BBY01-8077", plain: former, from: "a@store.com"), vendor: nil, category: .orders))
        #expect(amounts(second) == ["1 × Wireless Headphones - Black @ 329.99", "2 × USB-C Charging Cable @ 19.99"])
    }

    @Test("A deposit charged on top of the item above, in a text line or a table row, ends no list")
    func depositOnTopOfItem() throws {
        let html = """
            <p>Vielen Dank für Deine Bestellung.</p>
            <table>
            <tr><td>2x</td><td>Mineralwasser Sprudel 12x0,75l</td><td>13,98 €</td></tr>
            <tr><td></td><td>zzgl. Pfand 2x 3,30 €</td><td>6,60 €</td></tr>
            <tr><td>1x</td><td>Toastbrot Weizen 500g</td><td>0,99 €</td></tr>
            <tr><td colspan="2">Warenwert</td><td>14,97 €</td></tr>
            <tr><td colspan="2">Pfand</td><td>6,60 €</td></tr>
            <tr><td colspan="2">Gesamtbetrag</td><td>21,57 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Mineralwasser Sprudel 12x0,75l @ 6.99", "1 × Toastbrot Weizen 500g @ 0.99"])
        let plain = "Deine Bestellung\n\n2x Mineralwasser Sprudel 12x0,75l 13,98 €\n\nzzgl. Pfand 2x 3,30 € 6,60 €\n\n1x Toastbrot Weizen 500g 0,99 €\n\nWarenwert 14,97 €\n"
        let text = try #require(extractor.extract(message(subject: "Deine Bestellung", plain: plain), vendor: nil, category: .orders))
        #expect(text.items.map(\.name) == ["Mineralwasser Sprudel 12x0,75l", "Toastbrot Weizen 500g"])
    }

    @Test("A reference's column before the count's and the price's labels, under the name, is the item's detail line")
    func referenceBeforeLabelledDetails() throws {
        let plain = """
            VOS ARTICLES
            ------------------------------------------------------------
            Perceuse-visseuse sans fil 20V 2 batteries 2 Ah
              Réf. 82145563        Quantité : 1     Prix unitaire : 89,90 €
            Cheville à expansion acier, 20 pièces
              Réf. 70251024        Quantité : 3     Prix unitaire : 7,95 €
            ------------------------------------------------------------
            Montant des articles :                                 113,75 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 5509", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Perceuse-visseuse sans fil 20V 2 batteries 2 Ah @ 89.90", "3 × Cheville à expansion acier, 20 pièces @ 7.95"])
    }

    @Test("A deposit's row the summary also reads as a charge is counted once")
    func depositRowAlsoInSummary() throws {
        let html = """
            <p>Commande n°4001.</p>
            <table><tr><th>Produit</th><th>Qté</th><th>Montant</th></tr>
            <tr><td>Jus d'orange pressé 1,5 L</td><td>2</td><td>8,98 €</td></tr>
            <tr><td>Bière blonde 6 x 25 cl</td><td>1</td><td>5,49 €</td></tr>
            <tr><td>Consigne bouteilles</td><td></td><td>0,60 €</td></tr>
            <tr><td>Frais de livraison</td><td></td><td>6,90 €</td></tr>
            <tr><td>Total TTC</td><td></td><td>21,97 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande 4001", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Jus d'orange pressé 1,5 L @ 4.49", "1 × Bière blonde 6 x 25 cl @ 5.49"])
        #expect(order.warnings.isEmpty)
    }

    @Test("A count closing the name one space before the prices: checked by the line's total, or by the whole list")
    func closingCounts() throws {
        let checked = "Commande DZ-11\n\nChambre à air 700x25C valve Presta 2 7,90 € 15,80 €\n\nÉclairage avant Lite Drive 1 64,95 € 64,95 €\n\nTotal TTC 80,75 €\n"
        let first = try #require(extractor.extract(message(subject: "Commande DZ-11", plain: checked), vendor: nil, category: .orders))
        #expect(amounts(first) == ["2 × Chambre à air 700x25C valve Presta @ 7.90", "1 × Éclairage avant Lite Drive @ 64.95"])
        let listed = "Thanks for your order KC-07!\n\nSourdough loaf, white 800g 1 £5.80\n\nCinnamon bun 4 £14.40\n\nLemon cake (whole, serves 10) 1 £22.00\n\nPaid online: £42.20\n"
        let second = try #require(extractor.extract(message(subject: "Order KC-07", plain: listed, from: "a@bakery.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(second) == ["1 × Sourdough loaf, white 800g @ 5.80", "4 × Cinnamon bun @ 3.60", "1 × Lemon cake (whole, serves 10) @ 22.00"])
        // One item alone keeps its number: a model's, a volume's.
        let alone = try #require(extractor.extract(message(subject: "Order 9", plain: "Order 9\n\nKid trailer Vaaya 2 £899.00\n\nTotal £899.00\n", from: "a@bikes.co.uk"), vendor: nil, category: .orders))
        #expect(alone.items.map(\.name) == ["Kid trailer Vaaya 2"])
    }

    @Test("A reference's line with the unit price under the name names no item")
    func referenceLineWithUnitPrice() throws {
        let plain = """
            Votre commande n° 2611884 a bien été validée.

            Lot de 100 vis bois 4 x 40 mm

            Réf. 69744120 · 6,50 € / unité

            Qté : 3

            19,50 €

            Sous-total 19,50 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 2611884", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Lot de 100 vis bois 4 x 40 mm @ 6.50"])
    }
}
