@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Item lines of plain text read from their layout: a name over a bracketed variant and a
/// `price x count = total` line, numbered entries whatever their label, charges printed after
/// the item blocks in another shape. Each on a small invented mail.
@Suite("Text layout")
struct TextLayoutTests {
    let extractor = OrderExtractor()

    @Test("a name over its bracketed variant line and 'unit x count = line total'")
    func bracketedVariantsAndProducts() throws {
        let plain = """
            Order number : RB-20417

            Field guide to mosses
              (Used - Paperback)
              $9.50 x 1 = $9.50
            Pocket magnifier
              (New)
              $6.25 x 2 = $12.50

            Shipping  $3.99
            Order Total  $25.99
            """
        let order = try #require(extractor.extract(message(subject: "Order RB-20417", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Field guide to mosses @ 9.50", "2 × Pocket magnifier @ 6.25"])
    }

    @Test("numbered entries name their item whatever their label")
    func numberedEntries() throws {
        let plain = """
            N° de commande : DV-55102

            [1] Disque : Les Saisons
                Orchestre de chambre - CD
                Qté : 1
                Prix : 14,00 EUR
            [2] Disque : Nocturnes
                Piano seul - Vinyle
                Qté : 2
                Prix : 22,50 EUR

            Total : 59,00 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Commande DV-55102", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Les Saisons @ 14.00", "2 × Nocturnes @ 22.50"])
        #expect(TextItemReader.numberedEntryValue("[3] Date : 12/03") == "12/03")
        #expect(TextItemReader.numberedEntryValue("Livre : Les Saisons") == nil)
    }

    @Test("single priced lines after the name-over-count blocks are the charges, not items")
    func changedTail() throws {
        let plain = """
            Numer zamówienia : KT-40918

            Drapak dla kota 80 cm
              129,00 zł x 1 = 129,00 zł
            Piłka z dzwonkiem
              6,50 zł x 3 = 19,50 zł
            Paczkomat  9,99 zł
            Wartość  158,49 zł
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie KT-40918", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Drapak dla kota 80 cm @ 129.00", "3 × Piłka z dzwonkiem @ 6.50"])
    }

    @Test("definition-list cards: a title with a colon over its count's label; a subtotal over its amount ends the list")
    func cardsOverLabelledCounts() throws {
        let html = """
            <html><body><p>Référence : TH-20931</p>
            <div><p><b>Coffret thé vert - 3 saveurs</b></p><p>Édition d'hiver</p>
            <dl><dt>Quantité :</dt><dd>1</dd><dt>Prix :</dt><dd>24,00€</dd></dl></div>
            <div><p><b>Recharge : Sencha bio 100 g</b></p>
            <dl><dt>Quantité :</dt><dd>2</dd><dt>Prix :</dt><dd>9,50€</dd></dl></div>
            <div><div>Sous-total</div><div>43,00€</div><div>Retrait en boutique</div><div>0,00€</div>
            <div>Total payé</div><div>43,00€</div></div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ton reçu", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Coffret thé vert - 3 saveurs @ 24.00", "2 × Recharge : Sencha bio 100 g @ 9.50"])
        #expect(order.total?.decimalString == "43.00")
    }

    @Test("a seller's subtotal over its amount between two sellers' items does not end the list")
    func sellerSubtotals() throws {
        let html = """
            <html><body><p>Référence : MK-88120</p>
            <div><p><b>Perceuse sans fil 18 V</b></p><dl><dt>Quantité :</dt><dd>1</dd><dt>Prix :</dt><dd>89,00€</dd></dl></div>
            <div><div>Sous-total</div><div>89,00€</div></div>
            <div><p><b>Coffret de forets 15 pièces</b></p><dl><dt>Quantité :</dt><dd>2</dd><dt>Prix :</dt><dd>12,00€</dd></dl></div>
            <div><div>Sous-total</div><div>24,00€</div></div>
            <div><div>Total payé</div><div>113,00€</div></div></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ta commande", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Perceuse sans fil 18 V @ 89.00", "2 × Coffret de forets 15 pièces @ 12.00"])
    }

    @Test("a counted name block whose price line says the item is free: priced zero, no item beside priced ones")
    func freeItemBlocks() throws {
        let plain = """
            Commande n° HB-60215

            Savon surgras lavande
            Quantité : 2
            Prix unitaire : 6,50 €

            Porte-savon en céramique
            Quantité : 1
            Prix unitaire : Offert

            Livraison                Offerte
            Total                    13,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande HB-60215", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Savon surgras lavande @ 6.50"])
        #expect(order.total?.decimalString == "13.00")
        #expect(TextItemReader.freeItemPrice(TextLine("Each: Free")) != nil)
        #expect(TextItemReader.freeItemPrice(TextLine("Shipping: Free")) == nil)
    }

    @Test("a name holding an amount ('Gift card 20 GBP') over a count with its unit word and the price")
    func nameWithAmountOverUnitCount() throws {
        let plain = """
            Order # GH-3381

            Puzzle box Lighthouse
            1000 pieces
            1 pcs
            £18.50
            Gift card 20 GBP
            2 pcs
            £20.00

            Subtotal £58.50
            Order total £58.50
            """
        let order = try #require(extractor.extract(message(subject: "Order GH-3381", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Puzzle box Lighthouse @ 18.50", "2 × Gift card 20 GBP @ 20.00"])
    }
}
