@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// The generic item heuristics: parcels without prices, counts and prices on lines of their
/// own, recommendation and promotion blocks, label cells; each on a small invented mail.
@Suite("Item heuristics")
struct ItemHeuristicTests {
    let extractor = OrderExtractor()

    @Test("a shipping notice's table lists its parcel without prices: items with no unit price")
    func unpricedParcel() throws {
        let html = """
            <p>Your parcel is on its way. Order number: 88231-554</p>
            <table><tr><td><img src="a.jpg"></td><td>Walnut desk organiser<br>Quantity: 2</td></tr>
            <tr><td></td><td></td></tr>
            <tr><td><img src="b.jpg"></td><td>Brass pen holder<br>Quantity: 1</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your order has shipped", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Walnut desk organiser @ -", "1 × Brass pen holder @ -"])
        #expect(order.status == .shipped)
    }

    @Test("priced text lines win over the same mail's unpriced table names")
    func pricedTextOverUnpricedTable() throws {
        let plain = """
            Order 55120
            2 x Ceramic mug        18,00 €
            1 x Tea towel           6,50 €
            Total                  24,50 €
            """
        let html = "<table><tr><td>Ceramic mug<br>Qty: 2</td></tr></table>"
        let order = try #require(extractor.extract(message(subject: "Order 55120", plain: plain, html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Ceramic mug @ 9.00", "1 × Tea towel @ 6.50"])
        #expect(order.total?.decimalString == "24.50")
    }

    @Test("spacer rows between headerless item rows keep the first and last items")
    func spacerRows() throws {
        let html = """
            <p>Bestellnummer: 400-7781</p>
            <table><tr><td>Kaffeebohnen Espresso 1 kg</td><td>19,90 €</td></tr>
            <tr><td>&nbsp;</td><td></td></tr>
            <tr><td>Milchkännchen Edelstahl</td><td>12,50 €</td></tr>
            <tr><td></td><td></td></tr>
            <tr><td>Entkalker 500 ml</td><td>7,99 €</td></tr></table>
            <table><tr><td>Gesamtsumme</td><td>40,39 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Bestellung", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Kaffeebohnen Espresso 1 kg @ 19.90", "1 × Milchkännchen Edelstahl @ 12.50", "1 × Entkalker 500 ml @ 7.99"])
    }

    @Test("a count in a cell of its own before the name, and the line total after it")
    func leadingCountCell() throws {
        let html = """
            <p>Order #52210</p>
            <table><tr><td>2×</td><td>Veggie burger</td><td>£17.00</td></tr>
            <tr><td>1×</td><td>Sweet potato fries</td><td>£4.20</td></tr></table>
            <table><tr><td>Total</td><td>£21.20</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your order", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Veggie burger @ 8.50", "1 × Sweet potato fries @ 4.20"])
    }

    @Test("names that are labels, delivery estimates, promotions or a payment card are no items",
          arguments: ["Item price", "Article", "Qté", "Arriving Friday", "Free shipping on orders over 29 €", "Subscribe & save 10%",
                      "Carte bancaire **** 4417", "Card ending 1202", "Shipment details", "Order summary", "Détails de la commande",
                      "Bestellübersicht", "Szczegóły zamówienia", "Hi Sam,", "Bonjour Léa,"])
    func nonItemNames(_ name: String) {
        #expect(ItemVocabulary.isNonItemName(name), "\(name)")
    }

    @Test("goods that start like a card, a label or a heading are items",
          arguments: ["Carte cadeau 30 €", "Carte mère B650 Wi-Fi", "Article de sport: gourde 750 ml", "Detail brush set", "Summary notebook A5 dotted"])
    func goodsNames(_ name: String) {
        #expect(!ItemVocabulary.isNonItemName(name), "\(name)")
    }

    @Test("a recommendation block after the items is not read as items")
    func recommendationBlock() throws {
        let plain = """
            Order no. 77120
            1 x Trail running shoes      89,00 €
            Total                        89,00 €

            You may also like
            1 x Running socks (3 pairs)  12,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Order confirmed", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Trail running shoes @ 89.00"])
    }

    @Test("an item's detail line under its name: quantity, unit price and line total")
    func detailLine() throws {
        let plain = """
            Order number: 3318842
            Hand cream 75ml
            Quantity: 2   Unit price: £3.50   Total: £7.00
            Lip balm
            Quantity: 1   Unit price: £2.25   Total: £2.25
            Order total: £9.25
            """
        let order = try #require(extractor.extract(message(subject: "Thanks for your order", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Hand cream 75ml @ 3.50", "1 × Lip balm @ 2.25"])
        #expect(order.total?.decimalString == "9.25")
    }

    @Test("a price alone on its line closes the item counted above it, through its option lines")
    func lonePriceLine() throws {
        let plain = """
            Bestellung 8841-22
            2× Pizza Funghi
            Extra: Oliven
            19,00 €
            1× Tiramisu
            5,50 €
            Gesamt 24,50 €
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Pizza Funghi @ 9.50", "1 × Tiramisu @ 5.50"])
    }

    @Test("counts written as labels: abbreviations cut by a dot, travellers of a ticket")
    func labelledCounts() {
        #expect(TextItemReader.labelledQuantity(TextFolding.fold("Q.té : 3")) == 3)
        #expect(TextItemReader.labelledQuantity(TextFolding.fold("Passengers: 2")) == 2)
        #expect(TextItemReader.labelledQuantity(TextFolding.fold("Reisende: 4")) == 4)
        #expect(TextItemReader.labelledQuantity(TextFolding.fold("Couleur : bleu")) == nil)
    }

    @Test("a times sign before a name, and journeys")
    func timesPrefixAndRoutes() {
        #expect(TextItemReader.timesPrefix("2× Menu Classic")?.0 == 2)
        #expect(TextItemReader.timesPrefix("3 x Nuggets")?.1 == "Nuggets")
        #expect(TextItemReader.timesPrefix("2025 Calendar") == nil)
        #expect(TextItemReader.isRoute("Lyon Part-Dieu → Marseille St-Charles"))
        #expect(TextItemReader.isRoute("Hinfahrt: Berlin Hbf -> Hamburg Hbf"))
        #expect(!TextItemReader.isRoute("Total -> 12,00 €"))
        #expect(!TextItemReader.isRoute("Notebook A5"))
    }

    @Test("an item line's labelled total is not the order's total; a count before an amount makes it an item's")
    func itemLinesAreNoSummary() {
        let resolver = CurrencyResolver(domain: nil)
        let lines = TextLine.lines(of: """
            Quantity: 2   Unit price: £3.50   Total: £7.00
            Savings applied at total   1   £3.75
            Order total: £42.10
            """)
        let summary = OrderSummary(lines: lines, resolver: resolver)
        #expect(summary.total.map { "\($0.amount.number.integer).\($0.amount.number.fraction)" } == "42.10")
        #expect(OrderSummary.endsWithCount("savings applied at total 1"))
        #expect(!OrderSummary.endsWithCount("total 2"))
    }

    @Test("summary labels in more languages", arguments: [
        ("Wartość produktów", SummaryKind.subtotal), ("Koszt dostawy", .shipping), ("Tarifa de servicio", .fee),
        ("Commissione di servizio", .fee), ("Opłata serwisowa", .fee), ("Kwota zwrotu", .refund),
    ])
    func summaryLabels(_ label: String, _ kind: SummaryKind) {
        #expect(SummaryLabel.kind(of: label) == kind, "\(label)")
    }

    @Test("order references: codes of capitals, slashed references, more labels")
    func orderReferences() {
        #expect(OrderNumberFinder.find(in: ["Commande : QZRTWKPLN"])?.number == "QZRTWKPLN")
        #expect(OrderNumberFinder.find(in: ["Order status: CONFIRMED"]) == nil)
        #expect(OrderNumberFinder.find(in: ["Numer zamówienia: AB/2025/0031877"])?.number == "AB/2025/0031877")
        #expect(OrderNumberFinder.find(in: ["Bestellnr. 5521-8830"])?.number == "5521-8830")
        #expect(OrderNumberFinder.find(in: ["Bestellung vom 14/09/2025"]) == nil)
        #expect(OrderNumberFinder.isLetterCode("XKTBWQPN"))
        #expect(!OrderNumberFinder.isLetterCode("PENDING"))
        #expect(!OrderNumberFinder.isLetterCode("BOUTIQUE"))
    }

    @Test("two-column tables without colons: label cells name the item, its count and its price")
    func labelCells() throws {
        let html = """
            <p>Commande n° 88-41207</p>
            <table><tr><td>Article</td><td>Plaid en laine vert</td></tr><tr><td>Couleur</td><td>Vert</td></tr>
            <tr><td>Quantité</td><td>2</td></tr><tr><td>Prix</td><td>39,00 €</td></tr></table>
            <table><tr><td>Article</td><td>Coussin velours</td></tr><tr><td>Quantité</td><td>1</td></tr><tr><td>Prix</td><td>19,00 €</td></tr></table>
            <table><tr><td>Total TTC</td><td>97,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Plaid en laine vert @ 39.00", "1 × Coussin velours @ 19.00"])
        #expect(TextItemReader.cellLabelValue(TextLine("Article\tPrix")) == nil)
    }

    @Test("a labelled count inside an item line keeps the name before it; a count with its unit word")
    func countsInLine() throws {
        let plain = """
            Zamówienie nr 2025/11/0912
            Lampka biurkowa LED — Ilość: 2 — 119,80 zł
            Żarówka E27   3 szt.   26,97 zł
            Razem do zapłaty: 146,77 zł
            """
        let order = try #require(extractor.extract(message(subject: "Potwierdzenie zamówienia", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Lampka biurkowa LED @ 59.90", "3 × Żarówka E27 @ 8.99"])
        #expect(order.number == "2025/11/0912")
        #expect(TextItemReader.countedQuantity("2 pcs") == 2)
        #expect(TextItemReader.countedQuantity("2 kg") == nil)
    }

    @Test("slashed dates are no references; slashed references are", arguments: [
        ("14/09/2025", true), ("2025/09/14", true), ("9/14/25", true), ("2025/11/4401", false), ("ME/2025/0219844", false),
    ])
    func slashedDates(_ text: String, _ isDate: Bool) {
        #expect(OrderNumberFinder.isSlashedDate(text) == isDate, "\(text)")
    }

    @Test("returns, refunds and cancellations in more languages", arguments: [
        ("Update", "Hemos recibido tu devolución del pedido 12.", "returned"), ("Aggiornamento", "Abbiamo ricevuto il tuo reso.", "returned"),
        ("Update", "We hebben je retour ontvangen.", "returned"), ("Info", "Abbiamo rimborsato il tuo ordine.", "refunded"),
        ("Info", "Tu pedido ha sido cancelada.", "cancelled"), ("Info", "De bestelling is geannuleerd.", "cancelled"),
    ])
    func lifecycle(_ subject: String, _ body: String, _ expected: String) {
        #expect(StatusDetector.status(subject: subject, body: body)?.rawValue == expected, "\(body)")
    }

    @Test("a count glued to its times sign before a price: the price is still read")
    func gluedCountBeforePrice() throws {
        let tokens = MoneyScanner.scan("Borsa in pelle nera x1 120,00 €")
        #expect(tokens.count == 1)
        #expect(tokens.first?.number.integer == "120")
        let plain = """
            Ordine n. 55120
            Borsa in pelle nera x1 120,00 €
            Cintura intrecciata x2 70,00 €
            Totale: 190,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Il tuo ordine", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Borsa in pelle nera @ 120.00", "2 × Cintura intrecciata @ 35.00"])
    }

    @Test("a parcel line naming its item before the count: the name is the item's, not the heading's")
    func nameOnCountLine() throws {
        let plain = """
            Votre colis est en route ! Commande n° 20193377
            Contenu du colis
            Veste en velours côtelé Quantité: 1
            """
        let order = try #require(extractor.extract(message(subject: "Votre colis est en route", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Veste en velours côtelé @ -"])
        #expect(TextItemReader.nameBeforeLabels("Taille: M Quantité: 1") == nil)
    }

    @Test("a unit price line under the name and the count after it")
    func priceThenCount() throws {
        let html = """
            <div>Bestellnummer: KB-30117</div>
            <div><div><b>Blumenkasten Zink 80 cm</b></div><div>Einzelpreis: 24,00 €</div><div>Anzahl: 2</div></div>
            <div><div><b>Gießkanne 5 l</b></div><div>Einzelpreis: 15,50 €</div><div>Anzahl: 1</div></div>
            <div><b>Gesamtsumme: 63,50 €</b></div>
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Blumenkasten Zink 80 cm @ 24.00", "1 × Gießkanne 5 l @ 15.50"])
    }

    @Test("a variant line under the name does not replace it")
    func variantLine() throws {
        let html = """
            <p>Order #W40017</p>
            <div><b>Wool Overshirt</b></div><div>Olive / L</div><div>Qty: 1</div><div>$98.00</div>
            <div><b>Canvas Cap</b></div><div>Navy / One size</div><div>Qty: 2</div><div>$44.00</div>
            <div>Total $142.00</div>
            """
        let order = try #require(extractor.extract(message(subject: "Order confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Wool Overshirt @ 98.00", "2 × Canvas Cap @ 22.00"])
        #expect(TextItemReader.isVariantLine("Khaki / 32x32"))
        #expect(!TextItemReader.isVariantLine("USB-C to Lightning cable, braided, 2 m / white and grey colourway"))
    }

    @Test("an amount refunded in a sentence whose verb comes after it", arguments: [
        ("Erstattung zu Bestellung 771203", "Wir haben dir 59,99 € für deine Bestellung 771203 erstattet.", "59.99"),
        ("Terugbetaling bestelling 3319023", "Het bedrag van € 45,98 wordt teruggestort.", "45.98"),
        // The sentence ends at its full stop: what follows it is another sentence.
        ("Deine Erstattung für Bestellung K2209", "Wir haben dir 7,40 € erstattet. Die Gutschrift erscheint in 3-5 Werktagen auf deinem Konto.", "7.40"),
        ("Je terugbetaling voor bestelling 55120", "Je krijgt € 64,95 binnen 3 werkdagen terug. Bedankt voor je geduld.", "64.95"),
        ("Erstattung zu Bestellung 40871", "Du bekommst 12,90 € zurück. Wir melden uns, sobald die Buchung durch ist.", "12.90"),
    ])
    func refundVerbAfter(_ subject: String, _ sentence: String, _ amount: String) throws {
        let order = try #require(extractor.extract(message(subject: subject, plain: "Hallo,\n" + sentence + "\n"), vendor: nil, category: .orders))
        #expect(order.status == .refunded)
        #expect(order.total?.decimalString == amount)
    }

    @Test("a shipping notice listing counted names without prices", arguments: [
        "- Moka Express 6 tazze (x1)\n- Caffè macinato 250 g (x4)", "1× Moka Express 6 tazze\n4× Caffè macinato 250 g",
    ])
    func countedParcelLines(_ lines: String) throws {
        let plain = "Ciao Marco,\nil tuo ordine n. 88120 è stato spedito!\n\nArticoli spediti:\n" + lines + "\n\nCorriere: BRT\n"
        let order = try #require(extractor.extract(message(subject: "Il tuo ordine è stato spedito", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Moka Express 6 tazze @ -", "4 × Caffè macinato 250 g @ -"])
        #expect(order.status == .shipped)
    }

    @Test("order confirmations in Dutch and Polish are being processed", arguments: ["Orderbevestiging 100-22931", "Potwierdzenie zamówienia"])
    func confirmations(_ subject: String) {
        #expect(StatusDetector.status(subject: subject, body: "") == .processing)
    }

    @Test("a shipping notice without items gives none: headings, greetings and parcel counts are no items")
    func noItems() throws {
        let plain = """
            Hi Sam,
            Your order 4471-2291 is on its way.

            Shipment details
            Pieces: 2
            Carrier: DPD
            """
        let order = try #require(extractor.extract(message(subject: "Your order has shipped", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.isEmpty)
        #expect(order.number == "4471-2291")
    }

    @Test("a recommendation table after the order's items is left out")
    func recommendationTable() throws {
        let html = """
            <p>Bestelnummer: 7731-002</p>
            <table><tr><td>Wollen plaid grijs</td><td>€ 59,95</td></tr><tr><td>Sierkussen velvet</td><td>€ 24,95</td></tr></table>
            <table><tr><td>Totaal</td><td>€ 84,90</td></tr></table>
            <h3>Misschien ook interessant</h3>
            <table><tr><td>Kaarsenset 3 stuks</td><td>€ 14,95</td></tr><tr><td>Vaas keramiek</td><td>€ 29,95</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Bedankt voor je bestelling", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Wollen plaid grijs @ 59.95", "1 × Sierkussen velvet @ 24.95"])
    }

    @Test("a plain part that only links to the HTML: items are read from the rendered HTML")
    func stubPlainPart() throws {
        let html = """
            <div>Order number: A-5512</div>
            <div><div><b>Merino Crew Sweater</b></div><div>Navy / M</div><div>Qty: 1</div><div>$89.00</div></div>
            <div><div><b>Cotton Tee 3-Pack</b></div><div>White / M</div><div>Qty: 2</div><div>$70.00</div></div>
            <div>Subtotal $159.00</div><div>Total $159.00</div>
            """
        let plain = "Your order is confirmed. View this email in your browser: https://example.com/v/5512"
        let order = try #require(extractor.extract(message(subject: "Order confirmed", plain: plain, html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Merino Crew Sweater @ 89.00", "2 × Cotton Tee 3-Pack @ 35.00"])
        #expect(order.total?.decimalString == "159.00")
    }
}

