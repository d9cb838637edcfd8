@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Names set in over their details, variants and prices written first, charges named by a carrier,
/// a compound or a count, unit prices before tax, and stays priced by the night. Invented mails,
/// several languages.
@Suite("Names, charges and stays")
struct NamesChargesAndStaysTests {
    let extractor = OrderExtractor()

    @Test("Lines set in under a name, their parts apart by a bar, are its details")
    func indentedDetails() throws {
        let counted = """
            Order BK-8812

            The Salt Road
              Imogen Hale | Paperback
              Qty 1  £10.99
            A Year of Small Gardens
              Tom Ashby, Rui Costa | Hardback
              Qty 2  £18.00

            Order total: £46.99
            """
        let order = try #require(extractor.extract(message(subject: "Order BK-8812", plain: counted, from: "a@books.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × The Salt Road @ 10.99", "2 × A Year of Small Gardens @ 18.00"])

        let priced = """
            Order BK-8813

            The Salt Road
               Imogen Hale | Paperback                 1 x £10.99
            Winter Birds of the Fens
               Clara Moss | Paperback                  2 x £8.99

            Total: £28.97
            """
        let pricedOrder = try #require(extractor.extract(message(subject: "Order BK-8813", plain: priced, from: "a@books.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(pricedOrder) == ["1 × The Salt Road @ 10.99", "2 × Winter Birds of the Fens @ 8.99"])
    }

    @Test("A variant in capitals before the count's label under a name in mixed case is no name")
    func capitalsVariant() throws {
        let plain = """
            ORDER NO.: 5520917

            £45.00
            Relaxed linen shirt in sage
            SAGE M Qty: 1

            £19.00
            Canvas tote bag with zip pocket
            NATURAL Qty: 2

            TOTAL £83.00
            """
        let order = try #require(extractor.extract(message(subject: "Thanks for your order", plain: plain, from: "a@shop.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["1 × Relaxed linen shirt in sage", "2 × Canvas tote bag with zip pocket"])
        #expect(TextItemReader.isCapitalsVariant("SAGE M", under: "Relaxed linen shirt"))
        #expect(!TextItemReader.isCapitalsVariant("Relaxed linen shirt", under: "SAGE M"))
    }

    @Test("A counted line is goods unless the word after its count names a charge")
    func countedChargeWords() {
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("2x Bandenplakset Tip Top TT 01 .....")) == nil)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("1 x Felt tip pens, 12 colours")) == nil)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("1x Servicegebühr")) == .fee)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("1 x Frais de port")) != nil)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Tip for your rider")) == .fee)
    }

    @Test("Two counted lines, the second's name holding a charge's word")
    func countedLineWithChargeWord() throws {
        let plain = """
            Ordernummer: FS-2210

            1x Fietspomp met manometer ..................... € 24,95
            2x Bandenlichters Tip Top set ................... € 7,90

            Totaal ......................................... € 32,85
            """
        let order = try #require(extractor.extract(message(subject: "Bestelling FS-2210", plain: plain, from: "a@fietsen.nl"), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Fietspomp met manometer", "Bandenlichters Tip Top set"])
        #expect(order.warnings.isEmpty)
    }

    @Test("A pen maker's name opening an item is no bank code")
    func bankCodeWord() {
        #expect(!ItemVocabulary.isNonItemName("Bic Cristal Stylos-Bille, Boîte de 50"))
        #expect(ItemVocabulary.isNonItemName("BIC : BNPAFRPPXXX"))
        #expect(ItemVocabulary.isNonItemName("BIC BNPAFRPP"))
    }

    @Test("Price, count and line total under each name: every block is an item, the order's total closes the list")
    func priceCountTotalBlocks() throws {
        let plain = """
            Commande n° 7781

            Bougie parfumée figue, 180 g
            Prix : 16,00 €
            Quantité : 2
            Total : 32,00 €

            Diffuseur bambou 100 ml
            Prix : 21,50 €
            Quantité : 1
            Total : 21,50 €

            Sous-total : 53,50 €
            Livraison : 4,90 €
            Total : 58,40 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande n° 7781", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Bougie parfumée figue, 180 g @ 16.00", "1 × Diffuseur bambou 100 ml @ 21.50"])
        #expect(order.total?.decimalString == "58.40")
    }

    @Test("A size in the name and the unit price in brackets after it")
    func bracketedPriceAfterSize() throws {
        let plain = """
            Your order #55120 has shipped.

            Items shipped:
              2 x Microcontroller board RP2040 (@ $9.95 each)
              1 x Display 1.54" e-ink breakout (@ $19.50 each)

            Subtotal: $39.40
            """
        let order = try #require(extractor.extract(message(subject: "Your order has shipped", plain: plain, from: "a@maker.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Microcontroller board RP2040 @ 9.95", "1 × Display 1.54\" e-ink breakout @ 19.50"])
    }

    @Test("A counted ticket line and a price line that both add up: the counted one is the item; import charges are a charge")
    func countedOverPriceLabel() throws {
        let plain = """
            Order number: 41-77201/MAN

            2 x Seated Ticket, Block 112, Sun 4 Oct 2026    £45.00 each

            Ticket price:          £90.00
            Service fee:           £8.10
            Total:                 £98.10
            """
        let order = try #require(extractor.extract(message(subject: "You're in!", plain: plain, from: "a@tickets.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Seated Ticket, Block 112, Sun 4 Oct 2026 @ 45.00"])

        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Import charges")) == .fee)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Import fees")) == .fee)
    }

    @Test("A parcel's cards beside their pictures, each name counted at its end, no prices")
    func countedNameCards() throws {
        let html = """
            <html><body><h2>Votre commande est en route</h2><p>Commande #2291 · Colissimo 6A12345678901</p>
            <table><tr><td><img src="a.jpg" width="60"></td><td><span>Plaid en laine mérinos 130x170&nbsp;×&nbsp;1</span><br><span>Gris perle</span></td></tr>
            <tr><td><img src="b.jpg" width="60"></td><td><span>Coussin en lin lavé 40x40&nbsp;×&nbsp;3</span><br><span>Sauge</span></td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande #2291 est en route", html: html), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["1 × Plaid en laine mérinos 130x170", "3 × Coussin en lin lavé 40x40"])
        #expect(order.items.allSatisfy { $0.unitPrice == nil })
    }

    @Test("Charges named by a carrier, a compound or a word of the goods' sum", arguments: [
        ("Parcelforce Euro Priority", SummaryKind.shipping), ("Royal Mail Tracked 48", .shipping), ("Colissimo domicile", .shipping),
        ("Kühlversand Express (Schweiz)", .shipping), ("Przesyłka kurierska DPD (zagranica)", .shipping), ("Goods", .subtotal),
    ])
    func chargeLabels(label: String, kind: SummaryKind) {
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold(label)) == kind)
    }

    @Test("A maker's name that is also a carrier's opens goods; a charge's word opening a counted row is a charge")
    func carrierNamesAndCountedCharges() throws {
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Hermes Twilly silk scarf")) == nil)
        let plain = """
            Bestellnummer: 7712093

            Pos. Artikel                               Anzahl  Einzelpreis    Gesamt
            1    Der Gesang der Flusskrebse, Taschenbuch    1      13,00 €   13,00 €
            2    Geschenkverpackung                         1       2,50 €    2,50 €

            Zwischensumme                                                    15,50 €
            Versand                                                           3,95 €
            Gesamtsumme                                                      19,45 €
            """
        let order = try #require(extractor.extract(message(subject: "Bestellbestätigung 7712093", plain: plain, from: "a@buecher.de"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Der Gesang der Flusskrebse, Taschenbuch @ 13.00"])
    }

    @Test("The count under the price that closed its item")
    func countUnderPrice() throws {
        let plain = """
            Order #204-1187

              Stainless steel lunch box, 1.2 l
              Sold by: Kitchen Goods Ltd
              £18.99
              Qty: 1

              Reusable beeswax wraps, pack of 3
              Sold by: Kitchen Goods Ltd
              £7.50
              Qty: 2

            Order Total: £33.99
            """
        let order = try #require(extractor.extract(message(subject: "Your order", plain: plain, from: "a@shop.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Stainless steel lunch box, 1.2 l @ 18.99", "2 × Reusable beeswax wraps, pack of 3 @ 7.50"])
    }

    @Test("An article number alone where the name would stand, over the count and prices")
    func articleNumberUnderName() throws {
        let plain = """
            Numéro de commande : 2210554

            BILLY Bibliothèque, blanc, 80x28x202 cm
              302.638.42        1 x 59,99 €       59,99 €
            GLASIG Coupelle, verre transparent, 12 cm
              604.112.90        6 x 0,79 €         4,74 €

            Total TTC                              64,73 €
            """
        let order = try #require(extractor.extract(message(subject: "Merci pour votre commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × BILLY Bibliothèque, blanc, 80x28x202 cm @ 59.99", "6 × GLASIG Coupelle, verre transparent, 12 cm @ 0.79"])
    }

    @Test("A title, with or without a colon, over its author and format set in right under it")
    func titlesOverAuthors() throws {
        let plain = """
            Good news - your order BK-2207 is on its way.

            The Lighthouse Keeper
              Ada Morrow, Paperback                        1 @ £9.99
            Salt and Stone: A History of the Coast
              Peter Vane, Hardback                         1 @ £20.00

            Sent with Royal Mail.
            """
        let order = try #require(extractor.extract(message(subject: "Your order is on its way", plain: plain, from: "a@books.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × The Lighthouse Keeper @ 9.99", "1 × Salt and Stone: A History of the Coast @ 20.00"])
    }

    @Test("A title whose one-word label has a colon, counted at its end, opens its paragraph")
    func countedTitle() throws {
        let plain = """
            Order #4471

            Merino wool DK, 50g × 4
            £22.00

            Pattern: The Fenwick Shawl (printed) × 1
            £5.50

            Total £27.50 GBP
            """
        let order = try #require(extractor.extract(message(subject: "Order #4471 confirmed", plain: plain, from: "a@yarn.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["4 × Merino wool DK, 50g", "1 × Pattern: The Fenwick Shawl (printed)"])
    }

    @Test("Cards writing each price over its name and a variant with the count, without blank lines between them")
    func pricesOverNames() throws {
        let html = """
            <html><body><p style="font-size:28px">northwind</p><p>Order No.: 552019 · Order date: 2 Nov, 2026</p>
            <table><tr><td><img src="1.jpg"></td><td><table><tr><td><b>€49.00</b></td></tr><tr><td>Quilted overshirt in olive green</td></tr>
            <tr><td>Olive &nbsp; L &nbsp; Qty: 1</td></tr></table></td></tr></table>
            <table><tr><td><img src="2.jpg"></td><td><table><tr><td><b>€12.50</b></td></tr><tr><td>Ribbed cotton socks 3 pack in grey</td></tr>
            <tr><td>Grey &nbsp; EU 40-43 &nbsp; Qty: 2</td></tr></table></td></tr></table>
            <table><tr><td>Subtotal</td><td>€74.00</td></tr><tr><td>Total</td><td>€74.00</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Thanks for your order!", html: html, from: "a@northwind.ie"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Quilted overshirt in olive green @ 49.00", "2 × Ribbed cotton socks 3 pack in grey @ 12.50"])
        #expect(TextItemReader.isCapitalsVariant("Grey EU 40-43", under: "Ribbed cotton socks 3 pack in grey"))
        #expect(!TextItemReader.isCapitalsVariant("Air Max 90", under: "Nike"))
    }

    @Test("A variant set in under its name, its parts between slashes, with the count and price; 'à régler' labels the total")
    func slashVariantUnderName() throws {
        let plain = """
            Your order US55120 is on its way.

            Items shipped:
              Alpine fleece hoodie
                Forest Green / L     Qty 1     $89.00
              Merino hiking socks
                Charcoal / M         Qty 2     $24.00 each
            """
        let order = try #require(extractor.extract(message(subject: "Your order has shipped", plain: plain, from: "a@outdoor.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Alpine fleece hoodie @ 89.00", "2 × Merino hiking socks @ 24.00"])
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("À régler (payé en ligne)")) == .total)
    }

    @Test("Unit prices before tax beside line totals with it: the price paid for one unit")
    func unitPricesBeforeTax() throws {
        let html = """
            <table><tr><th>Produit</th><th>Prix unitaire HT</th><th>Quantité</th><th>Total TTC</th></tr>
            <tr><td>Boîte à musique en bois</td><td>15,00 €</td><td>2</td><td>36,00 €</td></tr>
            <tr><td>Mobile nuages en feutre</td><td>22,50 €</td><td>1</td><td>27,00 €</td></tr>
            <tr><td colspan="3">Total TTC</td><td>63,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 7712", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Boîte à musique en bois @ 18.00", "1 × Mobile nuages en feutre @ 27.00"])
        // A line discounted below its count times its price is no tax's: one unit costs its share of the line.
        let discounted = html.replacingOccurrences(of: "36,00 €", with: "25,00 €").replacingOccurrences(of: "63,00 €", with: "52,00 €")
        let kept = try #require(extractor.extract(message(subject: "Votre commande 7712", html: discounted), vendor: nil, category: .orders))
        #expect(kept.items.first?.unitPrice?.decimalString == "12.50")
    }

    @Test("A count marked by its sign opening the line before '@' and the unit price; a title's label names the item")
    func markedCountAtPrice() throws {
        let plain = """
            Commande GV-2210

            Graines de basilic grand vert bio, sachet de 1 g
                x3  @ 2,40 €  =  7,20 €
            Bulbes de crocus mélange, 30 pièces
                x1  @ 8,90 €  =  8,90 €

            Total payé : 16,10 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande GV-2210", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Graines de basilic grand vert bio, sachet de 1 g @ 2.40", "1 × Bulbes de crocus mélange, 30 pièces @ 8.90"])

        let titles = """
            Votre réservation n° 4410 vous attend.

              Titre    : La Maison des Sables
              Auteur   : Inès Marchal
              Prix     : 21,00 €

              Titre    : Nuits de Ligurie
              Auteur   : Paolo Verri
              Prix     : 9,50 €

            Total à régler en librairie : 30,50 €
            """
        let books = try #require(extractor.extract(message(subject: "Votre réservation 4410", plain: titles), vendor: nil, category: .orders))
        #expect(amounts(books) == ["1 × La Maison des Sables @ 21.00", "1 × Nuits de Ligurie @ 9.50"])
    }

    @Test("A stay priced by the night: its nights counted, named by the title over them or by their line's first part")
    func nightlyRates() throws {
        let titled = """
            Your receipt
            Receipt ID: RX42 · Oct 2, 2026

            Porto · Sunny flat near Ribeira with balcony
            Entire rental unit · 4 nights
            Confirmation code: ZQ81

            €92.00 x 4 nights   €368.00
            Cleaning fee   €30.00
            Total (EUR)   €398.00
            """
        let order = try #require(extractor.extract(message(subject: "Your receipt", plain: titled, from: "a@stays.example.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Porto · Sunny flat near Ribeira with balcony @ 92.00"])

        let parts = """
            Votre reçu
            Code de confirmation : KX20
            Chalet au bord du lac · 2 nuits · 3-5 juin 2026

            140,00 € x 2 nuits 280,00 €
            Frais de ménage 40,00 €
            Total (EUR) 320,00 €
            """
        let stay = try #require(extractor.extract(message(subject: "Votre reçu", plain: parts), vendor: nil, category: .orders))
        #expect(amounts(stay) == ["2 × Chalet au bord du lac @ 140.00"])
    }

    @Test("What an item's price includes, under it, does not close the list; a struck-out price before the one paid")
    func includedChargeUnderItem() throws {
        let plain = """
            Votre commande n° 20261177 est en cours de préparation.

            Bouilloire électrique inox 1,7 L

            Quantité : 1 | Prix : 59,99 €

            dont éco-participation 0,30 €

            Grille-pain 2 fentes

            Quantité : 1 | Prix : 49,99 € 39,99 €

            dont éco-participation 0,50 €

            Sous-total : 99,98 €
            Total payé : 99,98 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Bouilloire électrique inox 1,7 L @ 59.99", "1 × Grille-pain 2 fentes @ 39.99"])
    }

    @Test("A price followed by 'each' is the unit's, whatever labels the line total after it; an included charge in brackets after a price")
    func eachAfterPriceAndIncludedNote() throws {
        let plain = """
            Order #BC-5510

            Riso print "Sea Kale", A4
            Quantity: 1 · £22.00 each £22.00

            Notecards, set of 6
            Quantity: 3 · £9.00 each £27.00

            Total £49.00
            """
        let order = try #require(extractor.extract(message(subject: "Thanks for your order", plain: plain, from: "a@prints.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Riso print \"Sea Kale\", A4 @ 22.00", "3 × Notecards, set of 6 @ 9.00"])

        let noted = """
            Commande M-5521

              Perceuse à percussion 750 W
              2 x 64,90 €   (dont éco-participation 0,12 €)
              Coffret de forets béton, 8 pièces
              1 x 19,90 €

            Total TTC : 149,70 €
            """
        let tools = try #require(extractor.extract(message(subject: "Commande M-5521 confirmée", plain: noted), vendor: nil, category: .orders))
        #expect(amounts(tools) == ["2 × Perceuse à percussion 750 W @ 64.90", "1 × Coffret de forets béton, 8 pièces @ 19.90"])
    }

    @Test("A refund's own lines are no items: a credit note's amount, what the refund keeps back")
    func refundLabels() throws {
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Gutschriftsbetrag:")) == .refund)
        #expect(SummaryLabel.kind(ofFolded: TextFolding.fold("Trattenuta:")) == .fee)
        let plain = """
            Gentile Cliente,

            la richiesta di rimborso per il biglietto con codice PNR Q7W2ZP è stata accettata.

            Italo 8911 Napoli Centrale - Milano Centrale del 02/12/2026
            Prezzo biglietto: 64,90 €
            Trattenuta: 12,98 €
            Importo rimborsato: 51,92 €
            """
        let order = try #require(extractor.extract(message(subject: "Rimborso accettato", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Italo 8911 Napoli Centrale - Milano Centrale del 02/12/2026"])
        #expect(order.refunded?.decimalString == "51.92")
    }
}
