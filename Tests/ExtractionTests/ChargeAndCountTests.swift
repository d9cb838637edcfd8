@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Charges told from goods (a Swiss subtotal's label, deposits, a fee's row in an item table), and
/// counts in the forms they take beside a name (`x2` on its own line, `1u.` glued to its unit,
/// `1 pcs` in the first cell, `(2 adults × 39 €)` in brackets), with a single amount read as a
/// unit price or a line total as the order's sums say. Each on a small invented mail.
@Suite("Charges and counts")
struct ChargeAndCountTests {
    let extractor = OrderExtractor()

    @Test("'Zwischentotal' is a subtotal's label: the summary under the items is no item")
    func swissSubtotal() throws {
        #expect(SummaryLabel.kind(of: "Zwischentotal") == .subtotal)
        let plain = """
            Bestellnummer 55120

            1x Wanderstöcke Carbon
            Paar, 120 cm
            CHF 89.00

            1x Stirnlampe 400 lm
            CHF 39.90

            Zwischentotal
            CHF 128.90
            Versand
            CHF 0.00

            Total
            CHF 128.90
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung 55120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Wanderstöcke Carbon @ 89.00", "1 × Stirnlampe 400 lm @ 39.90"])
        #expect(order.total?.decimalString == "128.90")
    }

    @Test("a deposit is a charge: no item, and its amount counts in the sums that read '2x2,38' as a line total")
    func depositAndCountedLineTotals() throws {
        #expect(SummaryLabel.kind(of: "Statiegeld") == .fee)
        #expect(SummaryLabel.kind(of: "Pfand") == .fee)
        let plain = """
            Bestelling #BX-4410

            Volle melk 1 l 2x 2,38 €
            Roggebrood 1x 2,49 €
            Statiegeld 1x 0,50 €

            Totaal € 5,37
            """
        let order = try #require(extractor.extract(message(subject: "Je bestelling BX-4410", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Volle melk 1 l @ 1.19", "1 × Roggebrood @ 2.49"])

        // The same form where the sums say unit prices: "2x 3,10 €" is 3,10 each.
        let unitPlain = """
            Bestelling #BX-4411

            Karnemelk 1 l 2x 3,10 €
            Roggebrood 1x 2,49 €

            Totaal € 8,69
            """
        let unitOrder = try #require(extractor.extract(message(subject: "Je bestelling BX-4411", plain: unitPlain), vendor: nil, category: .orders))
        #expect(amounts(unitOrder) == ["2 × Karnemelk 1 l @ 3.10", "1 × Roggebrood @ 2.49"])
    }

    @Test("a fee's short label in an item table with a count column is a charge; a longer service name is goods")
    func feeRowsUnderAHeader() throws {
        let html = """
            <html><body><p>Commande VL-3381</p>
            <table><thead><tr><th>Article</th><th>Qté</th><th>Prix</th></tr></thead>
            <tbody><tr><td>Vélo de ville Lisbonne 28 pouces</td><td>1</td><td>549,00 €</td></tr>
            <tr><td>Service de montage et réglage complet</td><td>1</td><td>45,00 €</td></tr>
            <tr><td>Frais de dossier</td><td>1</td><td>4,00 €</td></tr></tbody></table>
            <p>Total : 598,00 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande VL-3381", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Vélo de ville Lisbonne 28 pouces @ 549.00", "1 × Service de montage et réglage complet @ 45.00"])
    }

    @Test("'x2' alone on its line under a name is its count; the price under it is the line's, as the sums say")
    func markedCountLine() throws {
        let html = """
            <html><body><p>Ordine #CS-20931 confermato</p>
            <div>Crema solare SPF 50 200 ml</div><div>x2</div><div>25,80 €</div>
            <div>Docciaschiuma 250 ml</div><div>x1</div><div>4,50 €</div>
            <div>Spese di spedizione: 3,90 €</div><div>Totale: 34,20 €</div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Conferma ordine #CS-20931", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Crema solare SPF 50 200 ml @ 12.90", "1 × Docciaschiuma 250 ml @ 4.50"])
        #expect(TextItemReader.markedQuantity("x2") == 2)
        #expect(TextItemReader.markedQuantity("3 ×") == 3)
        #expect(TextItemReader.markedQuantity("2") == nil)
    }

    @Test("a count with its unit word in the first cell of a headerless row ('1 pcs', '2u.')")
    func leadingCountCells() throws {
        let html = """
            <html><body><p>Order No. 771204 accepted</p>
            <table><tr><td>2 pcs</td><td>USB-C charger 30W</td><td>598 Kč</td></tr>
            <tr><td>1 pcs</td><td>Silicone case clear</td><td>249 Kč</td></tr>
            <tr><td>Delivery</td><td>59 Kč</td></tr><tr><td>Total</td><td>906 Kč</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order No. 771204", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × USB-C charger 30W @ 299.00", "1 × Silicone case clear @ 249.00"])

        let glued = """
            <html><body><p>Tu pedido #P-55021 está en camino</p>
            <table><tr><td>2u.</td><td>Crema de manos 75 ml</td><td>9,00 €</td></tr>
            <tr><td>1u.</td><td>Bálsamo labial</td><td>3,20 €</td></tr>
            <tr><td></td><td>TOTAL</td><td>12,20 €</td></tr></table></body></html>
            """
        let gluedOrder = try #require(extractor.extract(message(subject: "Tu pedido #P-55021", html: glued), vendor: nil, category: .orders))
        #expect(amounts(gluedOrder) == ["2 × Crema de manos 75 ml @ 4.50", "1 × Bálsamo labial @ 3.20"])
        #expect(TextItemReader.countedQuantity("1u.") == 1)
        #expect(TextItemReader.countedQuantity("5G") == nil)
        #expect(TextItemReader.countedQuantity("64gb") == nil)
    }

    @Test("'Price paid:' under a name prices that item; it is not the order's total")
    func pricePaidUnderName() throws {
        let plain = """
            Purchase ID: 4471

            ----------------------------------------
              Night Ferry
              Price paid:                     $6.00
            ----------------------------------------
              Tidal Notes (soundtrack)
              Price paid:                     $4.00
            ----------------------------------------
              Total:                         $10.00
            """
        let order = try #require(extractor.extract(message(subject: "Your purchase receipt (#4471)", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Night Ferry @ 6.00", "1 × Tidal Notes (soundtrack) @ 4.00"])
        #expect(order.total?.decimalString == "10.00")
    }

    @Test("a count in brackets after the name, with its unit price when count × unit makes the line's price")
    func bracketedCounts() throws {
        let plain = """
            Référence de réservation : AB12CD

            Billet aller (3 adultes × 25 €) 75,00 €

            Option vélo (1 × 10 €) 10,00 €

            Prix total payé 85,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Confirmation de votre réservation AB12CD", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Billet aller @ 25.00", "1 × Option vélo @ 10.00"])

        let html = """
            <html><body><p>Codice biglietto QW3E9R</p>
            <table><tr><td>Biglietto Roma → Firenze, Standard (x2 passeggeri)</td><td>€ 59,80</td></tr></table>
            <p>Importo totale € 59,80</p></body></html>
            """
        let ticket = try #require(extractor.extract(message(subject: "Conferma di acquisto QW3E9R", html: html), vendor: nil, category: .orders))
        #expect(amounts(ticket) == ["2 × Biglietto Roma → Firenze, Standard @ 29.90"])
        // A pack size in brackets is no count.
        #expect(TextItemReader.bracketedCount("Riesling trocken (6 x 0,75 l)") == nil)
        #expect(TextItemReader.bracketedCount("Schutzglas (2 szt.)") == nil)
    }

    @Test("an amount glued to the word before it, with its currency and cents ('ternera27,00€', 'Box£24.50')")
    func gluedAmounts() throws {
        #expect(MoneyScanner.scan("Pad thai de pollo12,00€").map { $0.minorUnits(digits: 2) } == [1200])
        #expect(MoneyScanner.scan("Small Veg Box£12.50").map { $0.minorUnits(digits: 2) } == [1250])
        #expect(MoneyScanner.scan("1 szt.29,99 zł").map { $0.minorUnits(digits: 2) } == [2999])
        // A count glued to its sign, then an amount; references and models are no amounts.
        #expect(MoneyScanner.scan("x1 120,00 €").map { $0.minorUnits(digits: 2) } == [12000])
        #expect(MoneyScanner.scan("WD Black SN770 1TB").isEmpty)
        #expect(MoneyScanner.scan("Code PROMO20 valable").isEmpty)
        // Bare after a count and its sign; a pack's measure is none.
        #expect(MoneyScanner.scan("Halfvolle melk 1 l 3x3,57").map { $0.minorUnits(digits: 2) } == [357])
        #expect(MoneyScanner.scan("Mineralwasser 12x0,75 l").isEmpty)
        let plain = """
            Pedido 330-118 · 20:41

            2x Pad thai de pollo12,00€
            1x Rollitos vegetales (4 uds.)4,50€

            Envío1,49€

            Total cobrado17,99€
            """
        let order = try #require(extractor.extract(message(subject: "Tu pedido ha sido entregado", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Pad thai de pollo @ 6.00", "1 × Rollitos vegetales (4 uds.) @ 4.50"])
        #expect(order.total?.decimalString == "17.99")
    }

    @Test("a count glued to a capitalised name ('2Oat Milk 1L£3.00'); '3D Printer' is a name")
    func gluedLeadingCounts() throws {
        #expect(TextItemReader.gluedLeadingCount("2Oat Milk 1L")?.0 == 2)
        #expect(TextItemReader.gluedLeadingCount("3D Printer") == nil)
        #expect(TextItemReader.gluedLeadingCount("4K TV") == nil)
        let plain = """
            Delivery ref: VB-2204

            1Small Veg Box£12.50
            2Oat Milk 1L£3.00
            1Free Range Eggs (6)£2.80

            Delivery£1.50

            Charged to your card£19.80
            """
        let order = try #require(extractor.extract(message(subject: "Your veg box has been delivered", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Small Veg Box @ 12.50", "2 × Oat Milk 1L @ 1.50", "1 × Free Range Eggs (6) @ 2.80"])
    }

    @Test("a position column before the count column; a sentence of thanks holding the total is no item")
    func positionColumnAndThanks() throws {
        let plain = """
            Ihre Bestellung WK-20931

            Herzlichen Dank für Ihre Bestellung. Ihr Gesamtbetrag beläuft sich auf 79,70 EUR.

            Pos. Menge Artikel                              Einzelpreis
              1    2   2021 Grauburgunder trocken (0,75 l)   12,90 EUR
              2    1   Probierpaket Frankreich (6 x 0,75 l)  49,00 EUR

            Warenwert:      74,80 EUR
            Versandkosten:  4,90 EUR
            Gesamtbetrag:   79,70 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Bestellung WK-20931", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × 2021 Grauburgunder trocken (0,75 l) @ 12.90", "1 × Probierpaket Frankreich (6 x 0,75 l) @ 49.00"])
        #expect(TextItemReader.read(TextLine("Herzlichen Dank für Ihre Bestellung. Ihr Gesamtbetrag beläuft sich auf 79,70 EUR."),
                                    resolver: CurrencyResolver(domain: nil)) == nil)
    }

    @Test("a bare count on its line between a name's lines and its price")
    func bareCountOverPrice() throws {
        let plain = """
            Order no. TR-5521

            Product
            Qty
            Price

            Trail Shorts
            Black · M
            1
            590 kr
            Merino Socks
            Grey · 40-44
            2
            149 kr

            Shipping: 0 kr
            Total 888 kr
            """
        let order = try #require(extractor.extract(message(subject: "Order confirmation TR-5521", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Trail Shorts @ 590.00", "2 × Merino Socks @ 149.00"])
    }

    @Test("the goods' plural word alone ('Merchandise', 'Articles (3)') labels their subtotal, no item")
    func goodsWordSubtotal() throws {
        #expect(SummaryLabel.kind(of: "Merchandise") == .subtotal)
        #expect(SummaryLabel.kind(of: "Articles (3)") == .subtotal)
        #expect(SummaryLabel.kind(of: "Canvas tote") == nil)
        let plain = """
            Order #30021

            Canvas tote   1   £18.00
            Enamel mug    1   £20.53

            Merchandise £38.53
            Shipping £3.99
            Total £42.52
            """
        let order = try #require(extractor.extract(message(subject: "Order #30021 confirmed", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Canvas tote @ 18.00", "1 × Enamel mug @ 20.53"])
    }
}
