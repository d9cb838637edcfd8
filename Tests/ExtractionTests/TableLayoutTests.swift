@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Item tables read from their structure: a name cell that wraps a small table, counts written
/// with a unit word or after the name in its cell, a totals table under the items, a total
/// glued to its label in the rendering. Each on a small invented mail.
@Suite("Table layout")
struct TableLayoutTests {
    let extractor = OrderExtractor()

    @Test("a name cell wrapping a one-cell table; counts with a unit word in the quantity column")
    func wrappedNameCells() throws {
        let html = """
            <html><body><p>Order 55-1902</p>
            <table><thead><tr><th>Product</th><th>Qty</th><th>Amount</th></tr></thead>
            <tbody><tr><td><table><tr><td><p>Rain barrel 200 l</p><p>Ref.: 4410</p><dl><dt>Colour:</dt><dd>Slate</dd></dl></td></tr></table></td>
            <td>1 pcs</td><td>£64.00</td></tr></tbody>
            <tbody><tr><td><table><tr><td><p>Seed tray, 24 cells</p></td></tr></table></td><td>3 pcs</td><td>£10.50</td></tr></tbody>
            <tfoot><tr><th colspan="2">Delivery</th><td>£4.95</td></tr><tr><th colspan="2">Grand total</th><td>£79.45</td></tr></tfoot>
            </table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order 55-1902", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Rain barrel 200 l @ 64.00", "3 × Seed tray, 24 cells @ 3.50"])
        #expect(order.total?.decimalString == "79.45")
    }

    @Test("a cell wrapping a table of more than four rows is a layout, not one item's lines")
    func layoutCellsStayTables() throws {
        let html = """
            <html><body><p>Order 55-1903</p>
            <table><tr><th>Product</th><th>Qty</th><th>Unit price</th></tr>
            <tr><td><table><tr><td>Watering can</td></tr><tr><td>Hose reel</td></tr><tr><td>Trowel</td></tr>
            <tr><td>Gloves</td></tr><tr><td>Twine</td></tr></table></td><td>1</td><td>£30.00</td></tr>
            <tr><td>Compost 40 l</td><td>2</td><td>£6.00</td></tr></table>
            <p>Total £42.00</p></body></html>
            """
        // The table's reading (the text's lines, which add up to the total, may name the first row).
        let table = try #require(HTMLTableReader.items(inHTML: html, resolver: CurrencyResolver(domain: nil)))
        #expect(table.items.map(\.name) == ["Compost 40 l"])
    }

    @Test("a count after the name in its cell: glued to its sign, or with a unit word")
    func countsAfterNames() throws {
        let html = """
            <html><body><p>Order FR-2207 confirmed</p>
            <table>
            <tr><td>Falafel wrap <span>2x</span><div>extra tahini</div></td><td>€15,00</td></tr>
            <tr><td>Lentil soup <span>1x</span></td><td>€5,50</td></tr>
            <tr><td>Mint tea (2 pcs)</td><td>€6,00</td></tr>
            </table>
            <table><tr><td>Subtotal</td><td>€26,50</td></tr><tr><td>Total</td><td>€26,50</td></tr></table>
            </body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order FR-2207", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Falafel wrap @ 7.50", "1 × Lentil soup @ 5.50", "2 × Mint tea @ 3.00"])
        #expect(TextItemReader.trailingCount("Cotton pads 80 pcs")?.0 == nil)
        #expect(TextItemReader.trailingBareCount("Set of 4 glasses 2 pce")?.1 == "Set of 4 glasses")
        #expect(TextItemReader.trailingCount("Kettle 1.7 l")?.0 == nil)
    }

    @Test("every name of a run ends with a bare count, most of them 1")
    func bareCountsAfterNames() throws {
        let html = """
            <html><body><p>Receipt 7781-2</p>
            <table>
            <tr><td>Tomatoes on the vine 500g <span>1</span></td><td>£1.80</td></tr>
            <tr><td>Oat drink 1L <span>2</span></td><td>£3.00</td></tr>
            <tr><td>Rye bread <span>1</span></td><td>£2.20</td></tr>
            </table>
            <table><tr><td>Items total</td><td>£7.00</td></tr><tr><td>Total</td><td>£7.00</td></tr></table>
            </body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Receipt 7781-2", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Tomatoes on the vine 500g @ 1.80", "2 × Oat drink 1L @ 1.50", "1 × Rye bread @ 2.20"])
        // Names that merely end with numbers (not most of them 1) keep them.
        let models = [ItemCandidate(name: "Phone 15", quantity: 1), ItemCandidate(name: "Tablet 11", quantity: 1)]
        #expect(HTMLTableReader.withTrailingCounts(models).map(\.name) == ["Phone 15", "Tablet 11"])
    }

    @Test("a charge under the subtotal of a totals table is no item")
    func totalsTableCharges() throws {
        let html = """
            <html><body><p>Order 4410-K</p>
            <table><tr><td>Sparkling water 1 l</td><td>2,40 €</td></tr><tr><td>Apple juice 1 l</td><td>3,10 €</td></tr></table>
            <table><tr><td>Subtotal</td><td>5,50 €</td></tr><tr><td>Bottle deposit</td><td>0,50 €</td></tr><tr><td>Total</td><td>6,00 €</td></tr></table>
            </body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order 4410-K", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Sparkling water 1 l @ 2.40", "1 × Apple juice 1 l @ 3.10"])
    }

    @Test("a total glued to its label in the rendering gives way to the plain text's, which adds up")
    func gluedTotal() throws {
        let html = """
            <html><body><p>Order 300118</p>
            <table><tr><th>Item</th><th>Qty</th><th>Price</th></tr>
            <tr><td>Desk lamp</td><td>1</td><td>1 250 Kč</td></tr><tr><td>LED bulb</td><td>2</td><td>150 Kč</td></tr></table>
            <table><tr><td><span>Total to pay</span>1 550 Kč</td></tr></table></body></html>
            """
        let plain = """
            Order 300118

            Desk lamp    1    1 250 Kč
            LED bulb    2    150 Kč

            Total to pay    1 550 Kč
            """
        let order = try #require(extractor.extract(message(subject: "Order 300118", plain: plain, html: html), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "1550.00")
        #expect(amounts(order) == ["1 × Desk lamp @ 1250.00", "2 × LED bulb @ 150.00"])
    }

    @Test("a count alone on a line of the name cell, under the variant line")
    func countLineInNameCell() throws {
        let html = """
            <html><body><p>Commande #KB-5512</p>
            <table><tr><td><img src="p.jpg"></td><td><a href="#">Bonnet en laine</a><br><span>Gris / TU<br>× 2</span></td><td>38,00 €</td></tr>
            <tr><td><img src="q.jpg"></td><td><a href="#">Gants tricotés</a><br><span>Noir / M<br>× 1</span></td><td>24,00 €</td></tr></table>
            <table><tr><td>Sous-total</td><td>62,00 €</td></tr><tr><td>Total</td><td>62,00 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande KB-5512", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Bonnet en laine @ 19.00", "1 × Gants tricotés @ 24.00"])
    }

    @Test("a price column before the name column, a quantity column after it")
    func priceColumnFirst() throws {
        let html = """
            <html><body><p>Commande n° AB-77120</p>
            <table><tr><th>Prix unitaire</th><th>Article</th><th>Quantité</th></tr>
            <tr><td>14,90 €</td><td>Carnet de croquis A5</td><td>2</td></tr><tr><td>6,50 €</td><td>Gomme mie de pain</td><td>1</td></tr></table>
            <p>Total : 36,30 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande AB-77120", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Carnet de croquis A5 @ 14.90", "1 × Gomme mie de pain @ 6.50"])
    }

    @Test("a bare count on a line of its own in every name cell of a run")
    func looseCountLines() throws {
        let html = """
            <html><body><p>Ordine 7731-B</p>
            <table><tr><td><img src="a.jpg"></td><td><a href="#">Crema mani 75 ml</a><br><span>1</span></td><td>6,90 €</td></tr>
            <tr><td><img src="b.jpg"></td><td><a href="#">Spazzolino morbido</a><br><span>3</span></td><td>2,50 €</td></tr>
            <tr><td><img src="c.jpg"></td><td><a href="#">Cerotti 20 pezzi</a><br><span>1</span></td><td>3,20 €</td></tr></table>
            <p>Totale 17,60 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ordine 7731-B", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Crema mani 75 ml @ 6.90", "3 × Spazzolino morbido @ 2.50", "1 × Cerotti 20 pezzi @ 3.20"])
    }

    @Test("a definition list's count under its label; a count's label naming what it counts")
    func countsUnderLabels() throws {
        let html = """
            <html><body><p>Référence de dossier : TRX4QZ</p>
            <div><p><b>Aller Bordeaux → Toulouse</b></p><p>12/01 · 2de classe</p>
            <dl><dt>Quantité :</dt> <dd>3</dd><dt>Prix unitaire :</dt> <dd>31,00 €</dd></dl></div>
            <p>Montant total : 93,00 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Votre voyage", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Aller Bordeaux → Toulouse @ 31.00"])
        #expect(TextItemReader.labelledQuantity("nombre de places 3") == 3)
        #expect(TextItemReader.labelledQuantity("anzahl der tickets 2") == 2)
        #expect(TextItemReader.labelledQuantity("nombre de pages 320") == nil)
    }

    @Test("a heading row between two groups of item rows; a recommendation heading ends them")
    func sectionHeadingsInsideRows() throws {
        let html = """
            <html><body><p>Order 90-4471 has partly shipped</p>
            <table><tr><td>In this parcel</td></tr><tr><td>1 x</td><td>Camping stove</td><td>£45.00</td></tr>
            <tr><td>Arriving later</td></tr><tr><td>2 x</td><td>Gas cartridge</td><td>£8.00</td></tr>
            <tr><td>You may also like</td></tr><tr><td>1 x</td><td>Folding kettle</td><td>£19.00</td></tr></table>
            <table><tr><td>Order total</td><td>£61.00</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order 90-4471", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Camping stove @ 45.00", "2 × Gas cartridge @ 8.00"])
    }

    @Test("a header of unknown words read from the rows under it: names, counts, unit price times count making the line total")
    func inferredHeader() throws {
        let html = """
            <html><body><p>Pedido TQ-1180</p>
            <table><thead><tr><th>Queso</th><th>Piezas</th><th>Por pieza</th><th>Suma</th></tr></thead>
            <tbody><tr><td>Pago de la Sierra curado</td><td>2</td><td>18,00 €</td><td>36,00 €</td></tr>
            <tr><td>Idiazábal ahumado</td><td>1</td><td>14,50 €</td><td>14,50 €</td></tr></tbody></table>
            <p>Total: 50,50 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Pedido TQ-1180", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Pago de la Sierra curado @ 18.00", "1 × Idiazábal ahumado @ 14.50"])
    }
}
