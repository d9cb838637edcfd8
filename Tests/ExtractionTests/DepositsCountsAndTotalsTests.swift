@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// The eighth round of line items: deposits on returnable containers however their line is written,
/// a bare count opening every name of a list, and Polish sum labels. Each on small invented mails in
/// several languages.
@Suite("Deposits, opening counts and totals")
struct DepositsCountsAndTotalsTests {
    let extractor = OrderExtractor()

    @Test("A deposit on containers is no item, however long its label (7 languages)", arguments: [
        "Consigne bouteilles cidre (4 x 0,25 €)", "Flaschenpfand Mehrweg 12 x 0,15 €", "Bottle deposit (4 x €0.25)",
        "Statiegeld flessen en kratten", "Depósito envases de vidrio (4 x 0,25 €)", "Vuoto a rendere bottiglie (4 x 0,25 €)",
        "Kaucja za butelki zwrotne (4 x 0,25 zł)",
    ])
    func depositLines(label: String) throws {
        #expect(SummaryLabel.isDeposit(folded: TextFolding.fold(label)))
        let html = """
            <html><body><p>Commande n° CV-2207</p>
            <table><thead><tr><th>Produit</th><th>Quantité</th><th>Prix</th></tr></thead>
            <tbody><tr><td>Cidre brut fermier Le Verger 75 cl</td><td>4</td><td>22,00 €</td></tr>
            <tr><td>\(label)</td><td>1</td><td>1,00 €</td></tr></tbody>
            <tfoot><tr><th colspan="2">Total :</th><td>23,00 €</td></tr></tfoot></table></body></html>
            """
        let table = try #require(extractor.extract(message(subject: "Commande CV-2207", html: html), vendor: nil, category: .orders))
        #expect(amounts(table) == ["4 × Cidre brut fermier Le Verger 75 cl @ 5.50"])

        let plain = """
            Bestellung 55-1093

            Apfelschorle naturtrüb 0,5 l         6     9,00 €
            \(label)     1     1,00 €

            Gesamt:     10,00 €
            """
        let text = try #require(extractor.extract(message(subject: "Bestellung 55-1093", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(text) == ["6 × Apfelschorle naturtrüb 0,5 l @ 1.50"])
    }

    @Test("The English word alone, or a product that holds a deposit's word later, is no deposit")
    func notDeposits() {
        for label in ["Deposit paid", "Deposit", "Safe deposit box key ring", "Bouteille isotherme 500 ml", "Glass jar set of 3"] {
            #expect(!SummaryLabel.isDeposit(folded: TextFolding.fold(label)), "\(label)")
        }
    }

    @Test("A bare count opening every name of a list is each item's count; a pack's 'x4' stays in the name (French, English, Dutch)")
    func openingCounts() throws {
        let french = """
            Commande n°5521 en préparation

            1 Pizza Margherita Moyenne ............ 11,50 €
            2 Tiramisu maison ...................... 9,00 €
            1 Churros x6 ........................... 4,50 €
            Frais de livraison ..................... 2,00 €

            TOTAL : 27,00 €
            """
        let pizzas = try #require(extractor.extract(message(subject: "Commande 5521", plain: french), vendor: nil, category: .orders))
        #expect(amounts(pizzas) == ["1 × Pizza Margherita Moyenne @ 11.50", "2 × Tiramisu maison @ 4.50", "1 × Churros x6 @ 4.50"])

        let english = """
            Order #A-7781 confirmed

            2 Chicken Katsu Curry     £23.00
            1 Miso Soup               £3.50

            Total: £26.50
            """
        let curry = try #require(extractor.extract(message(subject: "Order A-7781", plain: english), vendor: nil, category: .orders))
        #expect(amounts(curry) == ["2 × Chicken Katsu Curry @ 11.50", "1 × Miso Soup @ 3.50"])

        let dutch = """
            Bestelling 30118

            1 Broodje Gezond     € 5,95
            1 Verse Jus 0,3 l     € 3,50

            Totaal: € 9,45
            """
        let lunch = try #require(extractor.extract(message(subject: "Bestelling 30118", plain: dutch, from: "winkel@kaasboer.nl"), vendor: nil, category: .orders))
        #expect(amounts(lunch) == ["1 × Broodje Gezond @ 5.95", "1 × Verse Jus 0,3 l @ 3.50"])
    }

    @Test("One name opening with a number, or positions running 1, 2, 3, keep the number in the name")
    func openingNumbersKept() {
        let lone = ItemCandidate(name: "7 Wonders Duel", quantity: 1, openingCount: (7, "Wonders Duel"))
        #expect(TextItemReader.withOpeningCounts([lone]).map(\.name) == ["7 Wonders Duel"])
        let positions = (1...3).map { ItemCandidate(name: "\($0) Item \($0)", quantity: 1, openingCount: ($0, "Item \($0)")) }
        #expect(TextItemReader.withOpeningCounts(positions).map(\.name) == ["1 Item 1", "2 Item 2", "3 Item 3"])
    }

    @Test("A former price ending the name line ('- WAS £60.00', 'statt', 'au lieu de', 'prima', 'antes', 'voorheen', 'zamiast') is cut off; the lower price under it is paid", arguments: [
        ("WAS", "£"), ("statt", "€"), ("au lieu de", "€"), ("prima", "€"), ("antes", "€"), ("voorheen", "€"), ("zamiast", "zł"),
    ])
    func formerPrices(marker: String, sign: String) throws {
        let plain = """
            Order no.: 88120-4

            Linen overshirt in sand
            \(sign)45.00
            Qty: 1

            Cord barrel trousers - \(marker) \(sign)70.00
            \(sign)49.00
            Qty: 1

            Total: \(sign)94.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 88120-4", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Linen overshirt in sand @ 45.00", "1 × Cord barrel trousers @ 49.00"])
    }

    @Test("A name ending with a word and an amount over a higher price keeps it: no former price")
    func formerPriceNeedsLowerPaid() {
        let lines = [TextLine("Gift card was £50.00"), TextLine("£60.00")]
        #expect(TextItemReader.withoutFormerPrices(lines).map(\.text) == ["Gift card was £50.00", "£60.00"])
        let cut = TextItemReader.withoutFormerPrices([TextLine("Wollmantel Alva statt 129,00 €"), TextLine("89,00 €")])
        #expect(cut.map(\.text) == ["Wollmantel Alva", "89,00 €"])
    }

    @Test("A numbered row's position ('3.  Name') is no count; the count column or one stays the item's (Polish, German, English)")
    func positionMarkers() throws {
        let polish = """
            Zamówienie nr 2026/4410

            Lp. Nazwa                                  Ilość   Cena jedn.   Wartość
            1.  Herbata zielona Sencha 100 g              2      24,00 zł     48,00 zł
            2.  Herbata czarna Assam 250 g liściasta 1      39,00 zł     39,00 zł
            3.  Czajniczek żeliwny 0,8 l                  1     129,00 zł    129,00 zł

            Razem do zapłaty:                                             216,00 zł
            """
        let tea = try #require(extractor.extract(message(subject: "Zamówienie 2026/4410", plain: polish), vendor: nil, category: .orders))
        #expect(amounts(tea).count == 3)
        #expect(amounts(tea).first == "2 × Herbata zielona Sencha 100 g @ 24.00")
        #expect(amounts(tea).last == "1 × Czajniczek żeliwny 0,8 l @ 129.00")
        #expect(tea.items.map(\.quantity) == [2, 1, 1])

        #expect(TextItemReader.afterPositionMarker("3.  Kolumbia Huila") == "Kolumbia Huila")
        #expect(TextItemReader.afterPositionMarker("12)  Tea towel, linen") == "Tea towel, linen")
        #expect(TextItemReader.afterPositionMarker("2.5 kg Mehl") == nil)
        #expect(TextItemReader.afterPositionMarker("1 Pizza") == nil)
    }

    @Test("Packs of a measure counted in a cell after the name ('2 x 500 g   à 9,25   18,50') give the count; a pack in the name's own words is no count")
    func packCounts() throws {
        let dutch = """
            Ordernummer: 2026-5530

            Boerenkaas jong belegen        1 kg        à 14,50 €     14,50 €
            Schapenkaas met truffel        3 x 250 g   à 7,25 €      21,75 €

            Subtotaal                                                36,25 €
            Verzending                                                6,95 €
            Totaal incl. btw                                         43,20 €
            """
        let cheese = try #require(extractor.extract(message(subject: "Orderbevestiging 2026-5530", plain: dutch, from: "winkel@kaasboer.nl"), vendor: nil, category: .orders))
        #expect(amounts(cheese) == ["1 × Boerenkaas jong belegen @ 14.50", "3 × Schapenkaas met truffel @ 7.25"])

        #expect(TextItemReader.packCount("2 x 500 g") == 2)
        #expect(TextItemReader.packCount("4 × 1 kg") == 4)
        #expect(TextItemReader.packCount("2 x 33 cl") == 2)
        #expect(TextItemReader.packCount("2 x Pizza") == nil)
        #expect(TextItemReader.packCount("500 g") == nil)
    }

    @Test("An extra under a dish ('+ Supplément bacon   1,50 €') is folded into the dish's price (French, German, English)")
    func addOns() throws {
        let french = """
            Commande n° #0977 confirmée

            1x Burger du Chef                     13,50 €
               + Supplément cheddar                1,20 €
               + Frites XL                         0,80 €
            2x Salade César                       19,00 €

            Sous-total                            34,50 €
            Total                                 34,50 €
            """
        let burger = try #require(extractor.extract(message(subject: "Commande 0977", plain: french), vendor: nil, category: .orders))
        #expect(amounts(burger) == ["1 × Burger du Chef @ 15.50", "2 × Salade César @ 9.50"])

        let german = """
            Bestellung 4411 bestätigt

            1x Pizza Salami                        9,90 €
               + Extra Käse                        1,50 €
            1x Tiramisu                            4,50 €

            Gesamt                                15,90 €
            """
        let pizza = try #require(extractor.extract(message(subject: "Bestellung 4411", plain: german), vendor: nil, category: .orders))
        #expect(amounts(pizza) == ["1 × Pizza Salami @ 11.40", "1 × Tiramisu @ 4.50"])

        let english = """
            Order #B-2210 confirmed

            1x Chicken Burrito                    £8.95
               + Guacamole                        £1.25
            1x Nachos                             £4.50

            Total                                £14.70
            """
        let burrito = try #require(extractor.extract(message(subject: "Order B-2210", plain: english), vendor: nil, category: .orders))
        #expect(amounts(burrito) == ["1 × Chicken Burrito @ 10.20", "1 × Nachos @ 4.50"])
        #expect(TextItemReader.addOnPrice(TextLine("   + Guacamole   £1.25")) != nil)
        #expect(TextItemReader.addOnPrice(TextLine("Guacamole   £1.25")) == nil)
        #expect(TextItemReader.addOnPrice(TextLine("   - Remise fidélité   1,25 €")) == nil)
    }

    @Test("A reference alone on the count's line ('PF-22-TDM   1   79,00 €') is no name: the name above it is, past its option lines and the column headings (Italian, English, German)")
    func referenceOnCountLine() throws {
        let italian = """
            Il tuo ordine #000512

            Articolo   Sku   Qtà   Subtotale
            Cintura in cuoio intrecciato
            Misura
            95 cm
            CT-95-NAT   1   49,00 €
            Astuccio per occhiali in pelle
            Colore
            Cognac
            AO-12   2   44,00 €
            Subtotale   93,00 €
            Totale complessivo   93,00 €
            """
        let belts = try #require(extractor.extract(message(subject: "Ordine 000512", plain: italian), vendor: nil, category: .orders))
        #expect(amounts(belts) == ["1 × Cintura in cuoio intrecciato @ 49.00", "2 × Astuccio per occhiali in pelle @ 22.00"])

        let english = """
            Your order #7740

            Product   SKU   Qty   Price
            Walnut chopping board, large
            WB-L-22   1   £38.00
            Olive wood spoon set
            OW-3S   1   £16.00
            Total   £54.00
            """
        let boards = try #require(extractor.extract(message(subject: "Order 7740", plain: english), vendor: nil, category: .orders))
        #expect(amounts(boards) == ["1 × Walnut chopping board, large @ 38.00", "1 × Olive wood spoon set @ 16.00"])

        #expect(TextItemReader.isReferenceToken("PF-22-TDM"))
        #expect(TextItemReader.isReferenceToken("AB12/7"))
        #expect(!TextItemReader.isReferenceToken("Ladekabel"))
        #expect(!TextItemReader.isReferenceToken("USB-C"))
        #expect(TextItemReader.isColumnHeadingLine(TextLine("Artikel   Art.-Nr.   Menge   Preis")))
        #expect(!TextItemReader.isColumnHeadingLine(TextLine("Wanderschuh Damen   Größe 39")))
    }

    @Test("A shipping notice's line counting its item after a dash ('… biały - 1 szt.') names it, unpriced (Polish, German, French)", arguments: [
        ("Zawartość przesyłki:", "Ekspres ciśnieniowy DeLonghi Magnifica czarny - 1 szt."),
        ("Inhalt der Sendung:", "Ekspres ciśnieniowy DeLonghi Magnifica czarny - 1 Stk."),
        ("Contenu du colis :", "Ekspres ciśnieniowy DeLonghi Magnifica czarny - 1 pièce"),
    ])
    func parcelLineWithDashedCount(heading: String, line: String) throws {
        let plain = """
            Zamówienie nr 2026/11/55012 zostało wysłane.
            Przewoźnik: DPD, numer przesyłki 1000612233441U

            \(heading)
            \(line)

            Przewidywana dostawa: 12.11.2026
            """
        let order = try #require(extractor.extract(message(subject: "Twoja paczka jest w drodze", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Ekspres ciśnieniowy DeLonghi Magnifica czarny"])
        #expect(order.items.map(\.quantity) == [1])
    }

    @Test("Polish sums: 'Suma częściowa' is the goods' subtotal, 'Łącznie' the order's total; partial sums in Spanish, Italian, French")
    func polishSums() throws {
        #expect(SummaryLabel.kind(of: "Suma częściowa") == .subtotal)
        #expect(SummaryLabel.kind(of: "Łącznie") == .total)
        #expect(SummaryLabel.kind(of: "Ogółem") == .total)
        #expect(SummaryLabel.kind(of: "Total parcial") == .subtotal)
        #expect(SummaryLabel.kind(of: "Totale parziale") == .subtotal)
        let plain = """
            Zamówienie #2290

            Świeca sojowa „Mech”, 200 ml × 2   96,00 zł

            Suma częściowa   96,00 zł
            Wysyłka   14,00 zł
            Łącznie   110,00 zł
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie #2290", plain: plain), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "110.00")
        #expect(order.currency == "PLN")
    }
    @Test("Labelled counts beside one price: unit prices when they come within a left-out deposit of the total and line totals fall far short (French, Dutch)")
    func unitPricesShortOfDeposit() throws {
        let french = """
            Votre commande n° 4471 est confirmée.

            Yaourt nature au lait entier 4 x 125 g Qté : 3 2,60 €

            Farine de blé T65 bio 1 kg Qté : 2 2,15 €

            Huile d'olive vierge extra 75 cl Qté : 1 11,40 €

            Consigne pot en verre Qté : 3 0,20 €

            Sous-total : 24,10 €
            Total : 24,10 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 4471", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Yaourt nature au lait entier 4 x 125 g @ 2.60", "2 × Farine de blé T65 bio 1 kg @ 2.15",
                                   "1 × Huile d'olive vierge extra 75 cl @ 11.40"])

        let dutch = """
            Bestelling 88120

            Karnemelk 1 L   Aantal: 6   1,19 €
            Appelsap troebel 1,5 L   Aantal: 2   2,49 €
            Statiegeld flessen   Aantal: 2   0,15 €

            Totaal: 12,42 €
            """
        let bottles = try #require(extractor.extract(message(subject: "Bestelling 88120", plain: dutch), vendor: nil, category: .orders))
        #expect(amounts(bottles) == ["6 × Karnemelk 1 L @ 1.19", "2 × Appelsap troebel 1,5 L @ 2.49"])
    }
}
