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
}
