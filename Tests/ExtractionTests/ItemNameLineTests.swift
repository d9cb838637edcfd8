@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Which line names an item, and where its count stands: a brand's line over the name, a
/// reference or a bookshop's copies where the name would be, a title's bar, a count on a row
/// of its own, a unit price's label opening the detail line; each on a small invented mail.
@Suite("Item name lines")
struct ItemNameLineTests {
    let extractor = OrderExtractor()

    @Test("a brand's line in capitals over the product's name in its cell")
    func brandInCapitals() throws {
        let html = """
            <p>Commande n° CX-448210</p>
            <table><tr><td><b>LANCASTER</b><br>Sun Beauty - Lait solaire SPF 30<br>Contenance 200 ml · Qté : 1</td><td>24,90 €</td></tr>
            <tr><td><b>MAISON VERNE</b><br>Bougie parfumée figue<br>Qté : 2</td><td>31,00 €</td></tr>
            <tr><td>Total</td><td>55,90 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Sun Beauty - Lait solaire SPF 30 @ 24.90", "2 × Bougie parfumée figue @ 15.50"])
    }

    @Test("a short brand's line over a longer name, the item's details under it")
    func brandOverDetails() throws {
        let html = """
            <p>Bestellnummer: 7781203</p>
            <table><tr><td><img src="a.jpg"></td><td>Nordkap<br>Daunenjacke 'Fjell' mit Kapuze<br>Größe: L · Menge: 1</td><td>129,00 €</td></tr>
            <tr><td><img src="b.jpg"></td><td>Blue Harbour<br>Leinenhemd 'Sommer'<br>Größe: M · Menge: 1</td><td>39,90 €</td></tr></table>
            <table><tr><td>Gesamt</td><td>168,90 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Daunenjacke 'Fjell' mit Kapuze @ 129.00", "1 × Leinenhemd 'Sommer' @ 39.90"])
    }

    @Test("a name over its variant line keeps its place: the variant is no name")
    func nameOverVariantStays() throws {
        let html = """
            <p>Order #TR-55102</p>
            <table><tr><td>Trail Vest<br>Olive · M<br>Qty: 1</td><td>£45.00</td></tr>
            <tr><td>Rain Shell<br>Black · L<br>Qty: 1</td><td>£80.00</td></tr>
            <tr><td>Total</td><td>£125.00</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your order", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Trail Vest @ 45.00", "1 × Rain Shell @ 80.00"])
    }

    @Test("a brand in capitals opening a text block: the name under it names the item")
    func brandInText() throws {
        let plain = """
            Commande n° CX-448211

            LANCASTER
            Sun Beauty - Lait solaire haute protection
            Qté : 1   24,90 €

            Total   24,90 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Sun Beauty - Lait solaire haute protection @ 24.90"])
    }

    @Test("a product code's line under the name, with the count and price: the name above is the item's")
    func codeLineUnderName() throws {
        let plain = """
            Ihre Bestellung Nr. 5512093

            Ibuprofen Schmerztabletten 400 mg, 20 Tabletten
            PZN 04820291 Menge: 2   11,90 €

            Magnesium Brausetabletten 300 mg
            EAN 4009932001284 Menge: 1   6,45 €

            Rechnungsbetrag   18,35 €
            """
        let order = try #require(extractor.extract(message(subject: "Bestellbestätigung", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order).map { $0.components(separatedBy: " @ ")[0] } == [
            "2 × Ibuprofen Schmerztabletten 400 mg, 20 Tabletten", "1 × Magnesium Brausetabletten 300 mg",
        ])
        #expect(TextItemReader.isCodeReference("PZN 04820291"))
        #expect(!TextItemReader.isCodeReference("RTX 4090"))
        #expect(!TextItemReader.isCodeReference("Pack 123456"))
    }

    @Test("a bookshop's copies counted before the title: `1 ex.` is the count, not the name")
    func bookshopCopies() throws {
        let plain = """
            Commande L-20771

              1 ex.  Le Pays des autres / Leïla Slimani .......... 21,00 €
              2 ex.  La Vie devant soi / Romain Gary .............. 17,80 €

              Total ............................................... 38,80 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Le Pays des autres / Leïla Slimani @ 21.00", "2 × La Vie devant soi / Romain Gary @ 8.90"])
    }

    @Test("a unit price's label opening the detail line, the count's label after it")
    func unitPriceOpensDetail() throws {
        let plain = """
            Order number: KT-40021

            Item: Merino Crew Sweater
            Colour: 12 GREY  Size: L
            Unit price: £24.90  Quantity: 2  Subtotal: £49.80

            Item: Wool Beanie
            Colour: 01 BLACK  Size: One size
            Unit price: £9.90  Quantity: 1  Subtotal: £9.90

            Merchandise subtotal: £59.70
            Order total: £59.70
            """
        let order = try #require(extractor.extract(message(subject: "Thank you for your order", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Merino Crew Sweater @ 24.90", "1 × Wool Beanie @ 9.90"])
    }

    @Test("a count on a row of its own among an item's detail rows, the price the line's")
    func countRowUnderItem() throws {
        let html = """
            <p>Pedido nº 7710022</p>
            <table><tr><td rowspan="3"><img src="a.jpg"></td><td>Abrigo lana</td><td>89,95 EUR</td></tr>
            <tr><td>Gris · M</td><td></td></tr><tr><td>1 unidad</td><td></td></tr>
            <tr><td rowspan="3"><img src="b.jpg"></td><td>Calcetines rayas</td><td>15,90 EUR</td></tr>
            <tr><td>Azul · 39-42</td><td></td></tr><tr><td>3 unidades</td><td></td></tr></table>
            <table><tr><td>Total</td><td>105,85 EUR</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Gracias por tu compra", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Abrigo lana @ 89.95", "3 × Calcetines rayas @ 5.30"])
    }

    @Test("a counted title whose one-word label has a colon is an item's row")
    func countedTitleWithColon() throws {
        let html = """
            <p>Order #WL-3310</p>
            <table><tr><td>Aran wool 50g&nbsp;×&nbsp;4</td><td>£18.00</td></tr>
            <tr><td>Kit: The Harbour Hat (printed)&nbsp;×&nbsp;1</td><td>£7.50</td></tr></table>
            <table><tr><td>Total</td><td>£25.50</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Order confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Aran wool 50g @ 4.50", "1 × Kit: The Harbour Hat (printed) @ 7.50"])
    }

    @Test("a struck price and the price paid, each after the same currency code: the paid one is the item's")
    func struckPriceAfterCode() throws {
        let tokens = MoneyScanner.scan("CHF 349.00 CHF 299.00")
        #expect(tokens.map(\.sign) == ["CHF", "CHF"])
        #expect(tokens.map(\.number.integer) == ["349", "299"])
        #expect(MoneyScanner.scan("$14.00 USD").map(\.sign) == ["USD"])
        #expect(MoneyScanner.scan("CHF 12.00 CHF").count == 1)
        let html = """
            <p>Bestellnummer 552019</p>
            <table><tr><td>1x</td><td><b>Kopfhörer Studio 3</b><br>Schwarz</td><td><s>CHF 349.00</s> CHF 299.00</td></tr>
            <tr><td>1x</td><td><b>Ladekabel USB-C 2 m</b></td><td>CHF 19.90</td></tr>
            <tr><td colspan="2">Total</td><td>CHF 318.90</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellbestätigung", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Kopfhörer Studio 3 @ 299.00", "1 × Ladekabel USB-C 2 m @ 19.90"])
    }

    @Test("a fixed-width table: a reference column before the name, long names wrapped onto the next line")
    func fixedWidthWrappedNames() throws {
        let plain = """
            Commande BR-88120 confirmée.

            Réf.      Désignation                        Qté   P.U.     Total
            ----------------------------------------------------------------
            55120931  Ponceuse excentrique 300 W           1   64,90 €  64,90 €
                      avec coffret
            44810227  Disques abrasifs grain 120,          2    7,50 €  15,00 €
                      lot de 10
            ----------------------------------------------------------------
            TOTAL TTC                                              79,90 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande BR-88120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Ponceuse excentrique 300 W avec coffret @ 64.90", "2 × Disques abrasifs grain 120, lot de 10 @ 7.50"])
        // An author's line under a title, in the title's column, is a detail, not the rest of the name.
        let books = """
            Menge  Artikel                                   Preis
            1      Die Wand                              12,00 EUR
                   Marlen Haushofer, Taschenbuch
            1      Stiller                               14,00 EUR
                   Max Frisch, Taschenbuch

            Gesamtbetrag                                 26,00 EUR
            """
        let bookOrder = try #require(extractor.extract(message(subject: "Ihre Bestellung", plain: books), vendor: nil, category: .orders))
        #expect(amounts(bookOrder) == ["1 × Die Wand @ 12.00", "1 × Stiller @ 14.00"])
        #expect(TextItemReader.afterCodeColumn("55120931  Ponceuse excentrique") == "Ponceuse excentrique")
        #expect(TextItemReader.afterCodeColumn("2  Ponceuse excentrique") == nil)
    }

    @Test("a plan's bill: nothing used beyond the plan, priced zero, is no item; nor a service priced zero beside priced items")
    func unusedExtraOnBill() throws {
        let plain = """
            Votre facture du mois de mars est disponible.
            Numéro de facture : TB-2203-7710

            Forfait Essentiel 100 Go            12,99 EUR
            Consommations hors forfait           0,00 EUR
            Montant total TTC                   12,99 EUR
            """
        let order = try #require(extractor.extract(message(subject: "Votre facture", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Forfait Essentiel 100 Go @ 12.99"])
        let service = """
            Commande n° 4471

            Veste en lin                        89,00 EUR
            Ourlet sur mesure                    0,00 EUR
            Total TTC                           89,00 EUR
            """
        let serviceOrder = try #require(extractor.extract(message(subject: "Votre commande", plain: service), vendor: nil, category: .orders))
        // A service priced zero beside priced items is not bought either (`ItemVocabulary.withoutFreeExtras`).
        #expect(amounts(serviceOrder) == ["1 × Veste en lin @ 89.00"])
    }

    @Test("paragraphs opened by their item's price, the name and count under it; the shop's name above is no item")
    func priceFirstParagraphs() throws {
        let plain = """
            NORDWEAR

            Thanks for your order!
            Order no.: 55120771

            £36.00
            Ribbed cotton vest in white
            White S Qty 2

            £59.00
            Canvas high-top trainers in navy
            Navy UK 7 Qty 1

            Subtotal   £95.00
            TOTAL   £95.00
            """
        let order = try #require(extractor.extract(message(subject: "Thanks for your order", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Ribbed cotton vest in white @ 18.00", "1 × Canvas high-top trainers in navy @ 59.00"])
        // A price in a paragraph of its own under a named item, no name under it: the item's.
        let below = """
            Order no.: 55120772

            Ribbed cotton vest in white
            Qty 1

            £18.00

            TOTAL   £18.00
            """
        let second = try #require(extractor.extract(message(subject: "Thanks for your order", plain: below), vendor: nil, category: .orders))
        #expect(amounts(second) == ["1 × Ribbed cotton vest in white @ 18.00"])
    }

    @Test("a title's long second half after a bar stays; a short detail after it does not")
    func barInTitles() {
        #expect(TextItemReader.cleanName("Smart Plug (2nd gen) | Wi-Fi socket with energy monitoring, white")
            == "Smart Plug (2nd gen) | Wi-Fi socket with energy monitoring, white")
        #expect(TextItemReader.cleanName("Linen shirt | Blue") == "Linen shirt")
        #expect(TextItemReader.cleanName("Linen shirt | Size: M") == "Linen shirt")
    }
}
