@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Rows of a headerless item table read from their cells: a count written before the name with a
/// times sign, a count cell that wins over a pack size in the name, and a gift's row whose price
/// cell says it is free. Each on a small invented mail.
@Suite("Table row counts")
struct TableRowCountTests {
    let extractor = OrderExtractor()

    @Test("'3 × Name' in the name cell of a headerless row: the count, then the name")
    func timesSignedCountBeforeName() throws {
        let html = """
            <html><body><p>Bestellung KT-2041</p>
            <table><tr><td>3 × Rooibos Vanille 250 g<br><span>lose</span></td><td>€7,40</td></tr>
            <tr><td>1 × Teesieb Edelstahl</td><td>€12,00</td></tr></table>
            <table><tr><td>Gesamt</td><td>€34,20</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung KT-2041", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Rooibos Vanille 250 g @ 7.40", "1 × Teesieb Edelstahl @ 12.00"])
        // A name that only starts with a number keeps it.
        #expect(TextItemReader.timesPrefix("7 Wonders Duel") == nil)
    }

    @Test("a count cell after the name wins over the name's own pack size ('x6')")
    func countCellOverPackSize() throws {
        let html = """
            <html><body><p>Order DL-5530 is on its way</p>
            <table><tr><td>Glazed doughnuts x6</td><td>x2</td><td>$8.50</td></tr>
            <tr><td>Cold brew 16oz</td><td>x1</td><td>$4.25</td></tr></table>
            <table><tr><td>Total</td><td>$21.25</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order DL-5530", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Glazed doughnuts x6 @ 8.50", "1 × Cold brew 16oz @ 4.25"])
    }

    @Test("a gift's row priced with a word meaning free: zero, so no item beside priced ones, in a headerless row and under a header")
    func freeRows() throws {
        let headerless = """
            <html><body><p>Commande PZ-880 confirmée</p>
            <table><tr><td>Pizza regina</td><td>x2</td><td>11,00 €</td></tr>
            <tr><td>Tiramisu</td><td>x1</td><td>Offert</td></tr></table>
            <table><tr><td>Livraison</td><td>Gratuite</td></tr><tr><td>Total</td><td>22,00 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande PZ-880", html: headerless), vendor: nil, category: .orders))
        // Read as priced zero (not unpriced), the gift beside priced items is no item.
        #expect(amounts(order) == ["2 × Pizza regina @ 11.00"])
        #expect(order.total?.decimalString == "22.00")

        let headed = """
            <html><body><p>Pedido LB-4410</p>
            <table><thead><tr><th>Artículo</th><th>Cantidad</th><th>Precio</th></tr></thead>
            <tbody><tr><td>Atlas de aves</td><td>1</td><td>32,00 €</td></tr>
            <tr><td>Lápiz de grafito</td><td>2</td><td>Gratis</td></tr></tbody></table>
            <p>Total: 32,00 €</p></body></html>
            """
        let gifted = try #require(extractor.extract(message(subject: "Pedido LB-4410", html: headed), vendor: nil, category: .orders))
        #expect(amounts(gifted) == ["1 × Atlas de aves @ 32.00"])
        #expect(HTMLTableReader.freeAmount("Free") != nil)
        #expect(HTMLTableReader.freeAmount("0") == nil)
        #expect(HTMLTableReader.freeAmount("Free shipping") == nil)
    }

    @Test("a count cell with its unit word ('2 Stk.') in a headerless row; an abbreviated count header ('Aant.')")
    func countCellsWithUnitWords() throws {
        let headerless = """
            <html><body><p>Bestellung SB-3310</p>
            <table><tr><td>Saftschorle 6x0,5 l<br><span>Mehrweg</span></td><td>3 Stk.</td><td>4,20 €</td></tr>
            <tr><td>Eistee Pfirsich 1,5 l</td><td>1 Stk.</td><td>1,99 €</td></tr></table>
            <table><tr><td>Summe</td><td>14,59 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung SB-3310", html: headerless), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Saftschorle 6x0,5 l @ 4.20", "1 × Eistee Pfirsich 1,5 l @ 1.99"])

        let headed = """
            <html><body><p>Bestelling KW-7702</p>
            <table><thead><tr><th>Artikel</th><th>Aant.</th><th>Prijs</th><th>Bedrag</th></tr></thead>
            <tbody><tr><td>Kettingslot</td><td>1</td><td>€ 24,00</td><td>€ 24,00</td></tr>
            <tr><td>Ventieldop</td><td>4</td><td>€ 0,75</td><td>€ 3,00</td></tr></tbody></table>
            <p>Totaal: € 27,00</p></body></html>
            """
        let counted = try #require(extractor.extract(message(subject: "Bestelling KW-7702", html: headed), vendor: nil, category: .orders))
        #expect(amounts(counted) == ["1 × Kettingslot @ 24.00", "4 × Ventieldop @ 0.75"])
    }
}
