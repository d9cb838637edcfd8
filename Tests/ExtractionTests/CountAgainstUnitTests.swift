@testable import Extraction
import Foundation
import MailroomCore
import Testing

/// How a row writes its count, its unit price and its line total: a count against the unit price
/// under the name in the name's cell with the line's total in the price's cell, and a microdata
/// offer whose count is written with its unit word in its row. Each on a small invented mail, in
/// several languages.
@Suite("Count against unit price")
struct CountAgainstUnitTests {
    let extractor = OrderExtractor()

    func card(_ name: String, _ each: String, _ total: String) -> String {
        "<tr><td><b>\(name)</b><br>\(each)</td><td align=\"right\">\(total)</td></tr>"
    }

    @Test("A count against the unit price under the name, the line total beside it (Italian)")
    func italianNameCellCount() throws {
        let html = """
            <html><body><p>Grazie per il tuo ordine n. IT-40021</p><table>
            \(card("Grissini torinesi stirati a mano, 2 x 250 g", "1 x 6,20 €", "6,20 €"))
            \(card("Olio extravergine di oliva, 500 ml", "2 x 11,40 €", "22,80 €"))
            \(card("Cantucci alle mandorle, 200 g", "3 x 3,90 €", "11,70 €"))
            <tr><td>Subtotale</td><td>40,70 €</td></tr><tr><td>Totale</td><td>40,70 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ordine IT-40021", html: html, from: "ordini@example.it"), vendor: nil, category: .orders))
        #expect(amounts(order) == [
            "1 × Grissini torinesi stirati a mano, 2 x 250 g @ 6.20", "2 × Olio extravergine di oliva, 500 ml @ 11.40",
            "3 × Cantucci alle mandorle, 200 g @ 3.90",
        ])
    }

    @Test("The same in French and German, with × and without a subtotal to decide")
    func frenchAndGermanNameCellCount() throws {
        let french = """
            <html><body><p>Commande n° FR-7710</p><table>
            \(card("Savon au lait d'ânesse", "4 × 5,50 €", "22,00 €"))
            \(card("Porte-savon en céramique", "1 × 12,00 €", "12,00 €"))
            </table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande FR-7710", html: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Savon au lait d'ânesse @ 5.50", "1 × Porte-savon en céramique @ 12.00"])
        let german = """
            <html><body><p>Bestellung DE-5530</p><table>
            \(card("Bienenwachstücher 3er-Set", "2 x 14,95 €", "29,90 €"))
            \(card("Brotbeutel Leinen", "1 x 9,00 €", "9,00 €"))
            <tr><td>Gesamt</td><td>38,90 €</td></tr></table></body></html>
            """
        let ordered = try #require(extractor.extract(message(subject: "Ihre Bestellung DE-5530", html: german, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(ordered) == ["2 × Bienenwachstücher 3er-Set @ 14.95", "1 × Brotbeutel Leinen @ 9.00"])
    }

    func offer(_ name: String, _ count: String, _ price: String, _ shown: String) -> String {
        """
        <tr itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer"><td itemprop="itemOffered" itemscope \
        itemtype="http://schema.org/Product"><span itemprop="name">\(name)</span></td><td>\(count)</td>\
        <td><span itemprop="price" content="\(price)">\(shown)</span></td></tr>
        """
    }

    @Test("A microdata offer's count written with its unit word in its row (Dutch, Polish, English)")
    func microdataCountWithUnitWord() throws {
        let dutch = """
            <html><body><div itemscope itemtype="http://schema.org/Order"><p>Bestelling <span itemprop="orderNumber">NL-2210</span></p>
            <meta itemprop="priceCurrency" content="EUR"><table>
            \(offer("Stroopwafels 8 stuks", "3 st.", "2.25", "€ 6,75"))\(offer("Theemok aardewerk", "1 st.", "7.50", "€ 7,50"))
            </table><p>Totaal: € 14,25</p></div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestelling NL-2210", html: dutch, from: "shop@example.nl"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Stroopwafels 8 stuks @ 2.25", "1 × Theemok aardewerk @ 7.50"])
        let polish = """
            <html><body><div itemscope itemtype="http://schema.org/Order"><p>Zamówienie <span itemprop="orderNumber">PL-880</span></p>
            <meta itemprop="priceCurrency" content="PLN"><table>
            \(offer("Kubek ceramiczny", "2 szt.", "35.00", "70,00 zł"))
            </table><p>Razem: 70,00 zł</p></div></body></html>
            """
        let zamowienie = try #require(extractor.extract(message(subject: "Zamówienie PL-880", html: polish, from: "sklep@example.pl"), vendor: nil, category: .orders))
        #expect(amounts(zamowienie) == ["2 × Kubek ceramiczny @ 35.00"])
        let english = """
            <html><body><div itemscope itemtype="http://schema.org/Order"><p>Order <span itemprop="orderNumber">UK-31</span></p>
            <meta itemprop="priceCurrency" content="GBP"><table>
            \(offer("Beeswax candle, tall", "4 pcs", "3.00", "£12.00"))
            </table><p>Total: £12.00</p></div></body></html>
            """
        let ordered = try #require(extractor.extract(message(subject: "Order UK-31", html: english, from: "shop@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(ordered) == ["4 × Beeswax candle, tall @ 3.00"])
    }

    @Test("A quantity column's delivered-of-ordered count; the name's own pack count stays (English, Dutch)")
    func deliveredOfOrdered() throws {
        let english = """
            <html><body><p>Your receipt for order 7781220</p><table>
            <tr><th>Item</th><th>Quantity</th><th>Price</th></tr>
            <tr><td>Clementines, loose x8</td><td>1/1</td><td>£2.40</td></tr>
            <tr><td>Oat Drink Barista 1L</td><td>3/3</td><td>£5.85</td></tr>
            <tr><td>Sourdough Loaf 400g</td><td>1/2</td><td>£2.10</td></tr>
            </table><p>Items £10.35</p><p>Total paid £10.35</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Your receipt for order 7781220", html: english, from: "receipts@example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Clementines, loose x8 @ 2.40", "3 × Oat Drink Barista 1L @ 1.95", "1 × Sourdough Loaf 400g @ 2.10"])
        let dutch = """
            <html><body><p>Bestelling 55120</p><table>
            <tr><th>Product</th><th>Aantal</th><th>Prijs</th></tr>
            <tr><td>Appels Elstar x6</td><td>2/2</td><td>€ 5,00</td></tr>
            <tr><td>Volle melk 1 L</td><td>1/1</td><td>€ 1,19</td></tr>
            </table><p>Totaal € 6,19</p></body></html>
            """
        let bestelling = try #require(extractor.extract(message(subject: "Bestelling 55120", html: dutch, from: "shop@example.nl"), vendor: nil, category: .orders))
        #expect(amounts(bestelling) == ["2 × Appels Elstar x6 @ 2.50", "1 × Volle melk 1 L @ 1.19"])
        #expect(HTMLTableReader.deliveredCount("2 / 3") == 2)
        #expect(HTMLTableReader.deliveredCount("3/2") == nil)
        #expect(HTMLTableReader.deliveredCount("12/2026") == nil)
    }

    @Test("When both readings add up, the one making the stated subtotal wins over the total's (English, French, German)")
    func subtotalDecidesTheReading() throws {
        func table(_ header: [String], _ rows: [(String, String, String)], _ foot: [(String, String)]) -> String {
            "<html><body><p>Order 4410</p><table><tr>" + header.map { "<th>\($0)</th>" }.joined()
                + "</tr>" + rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td><td>\($0.2)</td></tr>" }.joined()
                + foot.map { "<tr><th colspan=\"2\">\($0.0)</th><td>\($0.1)</td></tr>" }.joined() + "</table></body></html>"
        }
        let english = table(["Product", "Quantity", "Price"],
            [("Canvas apron", "1", "$40.00"), ("Tea towel, linen", "3", "$27.00")],
            [("Subtotal:", "$67.00"), ("Shipping:", "$27.00 via an express courier service"), ("Total:", "$94.00")])
        let order = try #require(extractor.extract(message(subject: "Order 4410", html: english, from: "shop@example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Canvas apron @ 40.00", "3 × Tea towel, linen @ 9.00"])
        let french = table(["Produit", "Quantité", "Prix"],
            [("Bougie parfumée figue", "2", "36,00 €"), ("Mèche de rechange", "1", "4,00 €")],
            [("Sous-total :", "40,00 €"), ("Expédition :", "36,00 € par transporteur express avec suivi"), ("Total :", "76,00 €")])
        let commande = try #require(extractor.extract(message(subject: "Commande 4410", html: french), vendor: nil, category: .orders))
        #expect(amounts(commande) == ["2 × Bougie parfumée figue @ 18.00", "1 × Mèche de rechange @ 4.00"])
        let german = table(["Artikel", "Menge", "Preis"],
            [("Seife Lavendel", "2", "18,00 €"), ("Seifenschale Holz", "1", "6,00 €")],
            [("Zwischensumme:", "24,00 €"), ("Versand:", "18,00 € mit Paketdienst versichert"), ("Gesamt:", "42,00 €")])
        let bestellung = try #require(extractor.extract(message(subject: "Bestellung 4410", html: german, from: "shop@example.de"), vendor: nil, category: .orders))
        #expect(amounts(bestellung) == ["2 × Seife Lavendel @ 9.00", "1 × Seifenschale Holz @ 6.00"])
    }

    @Test("A weight at a price per measure after the name's last comma belongs to no name (French, English, German)")
    func weighedAtRateTail() throws {
        let french = """
            Bonjour,

            - Tomme de Savoie, 350 g à 24,00 €/kg : 8,40 €
            - Pain de campagne : 4,20 €

            Total : 12,60 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande à retirer", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Tomme de Savoie @ 8.40", "1 × Pain de campagne @ 4.20"])
        #expect(TextItemReader.cleanName("Smoked ham, 250 g @ £30.00/kg") == "Smoked ham")
        #expect(TextItemReader.cleanName("Bergkäse, 400 g zu 32,00 € / kg") == "Bergkäse")
        #expect(TextItemReader.cleanName("Olive oil, 750 ml") == "Olive oil, 750 ml")
        #expect(TextItemReader.cleanName("Mug, 2 for £10.00/set of four") == "Mug, 2 for £10.00/set of four")
    }

    @Test("A line opening with what a price includes ('inkl. 0,15 € Pfand   3,20 €') holds no charge after that part; a tax line stays (German, French, English, Dutch)")
    func includedPartBeforeThePrice() {
        let resolver = CurrencyResolver(domain: nil)
        for text in ["inkl. 0,25 € Pfand   2,90 €", "dont 0,50 € d'éco-participation   39,00 €", "incl. £0.20 deposit   £4.20",
                     "waarvan € 0,15 statiegeld   € 1,89"] {
            let kinds = OrderSummary(lines: [TextLine(text)], resolver: resolver).lines.filter { $0.amount.number.integer != "0" }
            #expect(kinds.isEmpty, "\(text)")
        }
        let tax = OrderSummary(lines: [TextLine("inkl. 19 % MwSt.   6,58 €")], resolver: resolver).lines
        #expect(tax.map(\.kind) == [.tax])
        let deposit = OrderSummary(lines: [TextLine("Pfand   0,75 €")], resolver: resolver).lines
        #expect(deposit.count == 1)
    }
}
