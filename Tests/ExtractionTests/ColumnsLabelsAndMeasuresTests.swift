@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Item lines whose count, name and prices stand in columns or fields that the reader must tell
/// apart: a count's field before the name (`- Cantidad: 1 | Name | 104,99 €`), a unit price's
/// label between count and prices (`x2 prezzo cad.`), a count column printed one space before
/// the names, a pack's size closing a line counted first, a weight where the name would stand,
/// two price columns before and after tax, a parcel's list without prices, a deposit's row.
/// Invented mails, several languages.
@Suite("Columns, price labels and measures")
struct ColumnsLabelsAndMeasuresTests {
    let extractor = OrderExtractor()

    @Test("A count's field with its label before the name, fields set apart by bars")
    func countFieldBeforeName() throws {
        let plain = """
            ¡Hola!

            Tu pedido 55012 se ha registrado correctamente.

            - Cantidad: 1 | Placa base MSI B650 Tomahawk WiFi | 219,00 €
            - Cantidad: 2 | Ventilador Arctic P12 PWM 120 mm | 8,49 €

            Total: 235,98 € (IVA incluido)
            """
        let order = try #require(extractor.extract(message(subject: "Pedido 55012", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Placa base MSI B650 Tomahawk WiFi @ 219.00", "2 × Ventilador Arctic P12 PWM 120 mm @ 8.49"])
        #expect(order.warnings.isEmpty)
    }

    @Test("A count's field followed by price fields is the detail line of the name above", arguments: [
        ("  Qté : 2   P.U. : 3,10 €   Total : 6,20 €", "  Qté : 1   P.U. : 4,55 €   Total : 4,55 €"),
        ("  Cantidad: 2 | P.V.P. 3,90 € | Precio 3,10 €", "  Cantidad: 1 | P.V.P. 5,20 € | Precio 4,55 €"),
        ("Qté : 2                         (au lieu de 3,90 €) 6,20 €", "Qté : 1                         4,55 €"),
    ])
    func countFieldOverPrices(first: String, second: String) throws {
        let plain = "Commande 88-31\n\nSavon d'Alep 200 g\n\(first)\nBaume à lèvres karité\n\(second)\n\nTotal : 10,75 €\n"
        let order = try #require(extractor.extract(message(subject: "Commande 88-31", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Savon d'Alep 200 g", "Baume à lèvres karité"])
        #expect(order.items.map(\.quantity) == [2, 1])
        #expect(order.items.map { $0.unitPrice?.decimalString } == ["3.10", "4.55"])
    }

    @Test("A unit price's label between the count and the prices", arguments: [
        ("Crema solare SPF 50, 200 ml x2 prezzo cad. 14,50 € 29,00 €", "Doposole aloe 250 ml x1 prezzo cad. 9,90 € 9,90 €", "38,90 €"),
        ("Gartenschere Profi 2x Einzelpreis 12,45 € 24,90 €", "Pflanzkübel rund 40 cm 1x Einzelpreis 14,00 € 14,00 €", "38,90 €"),
        ("Tasse à café grès x2 prix unitaire 14,50 € 29,00 €", "Théière fonte 0,8 l x1 prix unitaire 9,90 € 9,90 €", "38,90 €"),
    ])
    func unitPriceLabel(first: String, second: String, total: String) throws {
        let plain = "Ordine 2291\n\n\(first)\n\n\(second)\n\nTotale \(total)\n"
        let order = try #require(extractor.extract(message(subject: "Ordine 2291", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.quantity) == [2, 1])
        #expect([["14.50", "9.90"], ["12.45", "14.00"]].contains(order.items.map { $0.unitPrice?.decimalString ?? "-" }))
        #expect(order.items.allSatisfy { !$0.name.lowercased().contains("prezzo") && !$0.name.contains("Einzelpreis") && !$0.name.contains("unitaire") })
        #expect(!order.items[0].name.hasSuffix("x2") && !order.items[0].name.hasSuffix("2x"))
    }

    @Test("A count column one space before the names, some lines priced by the unit with 'à'")
    func bakeryColumns() throws {
        let plain = """
            Guten Tag,

            vielen Dank für Ihre Vorbestellung Nr. 508.

            3 Roggenbrötchen        à 0,85 €    2,55 €
            2 Rosinenschnecken      à 1,60 €    3,20 €
            1 Bauernbrot 1 kg                   4,40 €

            Summe                              10,15 €
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Vorbestellung 508", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Roggenbrötchen @ 0.85", "2 × Rosinenschnecken @ 1.60", "1 × Bauernbrot 1 kg @ 4.40"])
    }

    @Test("Bottles counted with 'à' under their wine stay the wine's count")
    func containerCountUnderName() throws {
        let plain = "Bestellung 771\n\nGrauburgunder trocken 2023\n6 Flaschen à 9,50 €    57,00 €\n\nGesamt 57,00 €\n"
        let order = try #require(extractor.extract(message(subject: "Bestellung 771", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["6 × Grauburgunder trocken 2023 @ 9.50"])
    }

    @Test("A pack's size closing a line counted first stays in the name")
    func packSizeAfterLeadingCount() throws {
        let plain = """
            Bestellnummer: 0091

            1x Geschirrspültabs Classic, 40 St
                4,95 €
            2x Brausetabletten Vitamin C, 20 St
                1,90 €

            Gesamtsumme: 6,85 €
            """
        let order = try #require(extractor.extract(message(subject: "Deine Bestellung 0091", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Geschirrspültabs Classic, 40 St", "Brausetabletten Vitamin C, 20 St"])
        #expect(order.items.map(\.quantity) == [1, 2])
        #expect(order.items.map { $0.unitPrice?.decimalString } == ["4.95", "0.95"])
    }

    @Test("A weight where the name would stand, under the name; a deposit named over its count")
    func weightAndDepositUnderNames() throws {
        let html = """
            <p>Votre panier <b>P-204</b> est prêt.</p>
            <table>
            <tr><td><b>Pois chiches bio, vrac</b></td></tr><tr><td>0,75 kg x 1 &mdash; 3,30 €</td></tr>
            <tr><td><b>Cidre brut fermier 75 cl</b></td></tr><tr><td>2 x 4,10 € = 8,20 €</td></tr>
            <tr><td><b>Consigne bouteille verre</b></td></tr><tr><td>2 x 0,20 € = 0,40 €</td></tr>
            </table>
            <p><b>Total : 11,90 €</b></p>
            """
        let order = try #require(extractor.extract(message(subject: "Votre panier P-204", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Pois chiches bio, vrac @ 3.30", "2 × Cidre brut fermier 75 cl @ 4.10"])
    }

    @Test("Two price columns before and after tax: the price paid is the one with its tax")
    func pricesBeforeAndAfterTax() throws {
        let html = """
            <p>Bedankt voor je bestelling 2026-118.</p>
            <table>
            <tr><th>Product</th><th>Aantal</th><th>Prijs excl. btw</th><th>Prijs incl. btw</th></tr>
            <tr><td>Oude kaas, 500 g</td><td>1</td><td>€ 9,17</td><td>€ 10,00</td></tr>
            <tr><td>Kaasmes roestvrij staal</td><td>2</td><td>€ 12,40</td><td>€ 15,00</td></tr>
            <tr><td colspan="3"><b>Totaal incl. btw</b></td><td><b>€ 40,00</b></td></tr>
            </table>
            """
        let order = try #require(extractor.extract(message(subject: "Bestelling 2026-118", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Oude kaas, 500 g @ 10.00", "2 × Kaasmes roestvrij staal @ 15.00"])
        #expect(order.warnings.isEmpty)
    }

    @Test("A line total below its count times the unit price: the unit price was struck out or listed before a saving")
    func lineTotalAfterSaving() throws {
        let plain = """
            Votre commande n°K-5512 est validée.

            Robe chemise en lin
            Taille : 38 · Couleur : sable
            1 x 45,00 € 36,00 €

            Ceinture tressée
            2 x 12,00 €

            Sous-total : 60,00 €
            Total payé : 60,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande K-5512", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Robe chemise en lin @ 36.00", "2 × Ceinture tressée @ 12.00"])
        #expect(order.warnings.isEmpty)
    }

    @Test("A shipping notice's list of what the parcel holds, without prices", arguments: [
        ("In this shipment:", "(1) Linen apron — Rust, One size", "(2) Waxed canvas tote — Olive"),
        ("Dans votre colis :", "— Pull marin · Écru · M", "— Bonnet côtelé · Bleu (2 pcs)"),
        ("Productos enviados:", "  Cantidad: 1 - Teclado mecánico TKL, switches marrones", "  Cantidad: 2 - Alfombrilla XL de tela"),
        ("Im Paket:", "- Thermobecher Edelstahl 350 ml", "- Brotdose Bambus, 2 Stück (2)"),
    ])
    func parcelContents(heading: String, first: String, second: String) throws {
        let plain = "Hello,\n\nOrder 66120 has left our warehouse.\n\n\(heading)\n\(first)\n\(second)\n\nTracking: 1Z999AA10123456784\n"
        let order = try #require(extractor.extract(message(subject: "Order 66120 shipped", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.quantity) == [1, 2])
        #expect(order.items.allSatisfy { $0.unitPrice == nil && !$0.name.contains("·") && !$0.name.contains("—") && !$0.name.hasPrefix("-") })
        #expect(order.items.first.map { !$0.name.contains("Rust") && !$0.name.contains("Écru") && !$0.name.contains("(") } == true)
    }

    @Test("A list under a heading that names no parcel is none")
    func listWithoutParcelHeading() throws {
        let plain = "Hello,\n\nOrder 66120 has left our warehouse.\n\nGood to know:\n- Returns are free for 30 days\n- Keep your receipt\n\nTracking: 1Z999AA10123456784\n"
        let order = extractor.extract(message(subject: "Order 66120 shipped", plain: plain), vendor: nil, category: .orders)
        #expect(order?.items.isEmpty ?? true)
    }

    @Test("Cheese sold by weight: the weight at its rate in brackets after the name, or on the line under it")
    func weighedAtRate() throws {
        let bracketed = """
            Merci pour votre commande F-2210.

            - Tomme de Savoie fermière (0,400 kg à 24,00 €/kg) : 9,60 €
            - Crottin de Chavignol AOP : 3,40 €

            Total : 13,00 €
            """
        let first = try #require(extractor.extract(message(subject: "Commande F-2210", plain: bracketed), vendor: nil, category: .orders))
        #expect(amounts(first) == ["1 × Tomme de Savoie fermière @ 9.60", "1 × Crottin de Chavignol AOP @ 3.40"])
        let under = """
            Bedankt voor je bestelling nr. 512.

            Jonge Goudse kaas, 12 weken
              0,800 kg x EUR 14,50/kg                       EUR 11,60
            Kaasschaaf RVS
              1 x EUR 9,95                                   EUR 9,95

            Totaal                                          EUR 21,55
            """
        let second = try #require(extractor.extract(message(subject: "Bestelling 512", plain: under), vendor: nil, category: .orders))
        #expect(amounts(second) == ["1 × Jonge Goudse kaas, 12 weken @ 11.60", "1 × Kaasschaaf RVS @ 9.95"])
    }

    @Test("A name wrapped after a comma onto the line of its count and price")
    func nameWrappedAfterComma() throws {
        let plain = """
            ORDER PS-204
            ------------------------------------------------
            Touring bicycle Randonneur, steel frame,
            size 56, Forest Green          x1      £1,240.00
            Brass bell, Spurcycle          x1         £49.00
            ------------------------------------------------
            TOTAL                                  £1,289.00
            """
        let order = try #require(extractor.extract(message(subject: "Order PS-204", plain: plain, from: "shop@spokes.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Touring bicycle Randonneur, steel frame, size 56, Forest Green @ 1240.00", "1 × Brass bell, Spurcycle @ 49.00"])
    }

    @Test("Dot leaders running up to the price's sign")
    func dotLeadersToSign() throws {
        let plain = "Order #TT-1042\n\n2 x Paper Moon............................$10\n1 x Fern Set..............................$5\n\nSubtotal: $15\nTotal: $15\n"
        let order = try #require(extractor.extract(message(subject: "Order #TT-1042", plain: plain, from: "a@tattoos.com"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Paper Moon @ 5.00", "1 × Fern Set @ 5.00"])
    }

    @Test("An offer's saving and a flat rate's carriage are no items; the items above them stay")
    func offerAndFlatRate() throws {
        let plain = """
            Order 5509

            Product                       Quantity   Price
            Hand cream 75ml               2          £7.00
            Day cream SPF30 50ml          1          £24.00
            Body butter 300ml             1          £12.00

            Offer: 3 for 2 on selected beauty   -£12.00
            International flat rate              £4.50

            Order total £35.50
            """
        let order = try #require(extractor.extract(message(subject: "Order 5509", plain: plain, from: "a@chemist.co.uk"), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Hand cream 75ml", "Day cream SPF30 50ml", "Body butter 300ml"])
        #expect(SummaryLabel.kind(ofFolded: "international flat rate") == .shipping)
    }

    @Test("An item's details after its reference: unit price, count and line total by their labels")
    func detailsAfterReference() throws {
        let plain = """
            Merci pour votre commande 7QX.

            * Chambre à air 700x25C valve Presta
              Réf. CA-70025 - Prix unitaire : 6,50 € - Qté : 2 - Total : 13,00 €
            * Fond de jante 622x18
              Réf. FJ-62218 - Prix unitaire : 4,00 € - Qté : 1 - Total : 4,00 €

            Produits : 17,00 €
            Total TTC : 17,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 7QX", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Chambre à air 700x25C valve Presta @ 6.50", "1 × Fond de jante 622x18 @ 4.00"])
    }

    @Test("The unit price in brackets after the line's total")
    func bracketedEachAfterLineTotal() throws {
        let plain = "Ordine CN-77\n\nBorraccia termica 500 ml x1 19,00 €\nNastro manubrio in sughero x2 25,80 € (12,90 € cad.)\n\nTotale 44,80 €\n"
        let order = try #require(extractor.extract(message(subject: "Ordine CN-77", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Borraccia termica 500 ml @ 19.00", "2 × Nastro manubrio in sughero @ 12.90"])
    }

    @Test("A labelled reference's column before the names, under a summary's one-word heading")
    func referenceColumnBeforeNames() throws {
        let inline = """
            Wir bestätigen den Eingang Ihrer Bestellung 5523.

            Art.-Nr. 78123  Brotkasten Emaille, weiß          1 St.   89,00 €
            Art.-Nr. 20217  Geschirrtuch Halbleinen           1 St.   12,00 €

            Summe Waren                                            101,00 €
            """
        let first = try #require(extractor.extract(message(subject: "Bestellung 5523", plain: inline), vendor: nil, category: .orders))
        #expect(amounts(first) == ["1 × Brotkasten Emaille, weiß @ 89.00", "1 × Geschirrtuch Halbleinen @ 12.00"])
        let above = """
            Votre commande n°LM-4410 est prête.

            Récapitulatif
              Ref. 69584211  Perceuse-visseuse sans fil 18V 2 Ah
                             1 x 69,90 EUR                         69,90 EUR
              Ref. 71205530  Lot de 100 vis bois 4 x 40 mm
                             3 x 6,40 EUR                          19,20 EUR

            Montant total TTC : 89,10 EUR
            """
        let second = try #require(extractor.extract(message(subject: "Commande LM-4410", plain: above), vendor: nil, category: .orders))
        #expect(amounts(second) == ["1 × Perceuse-visseuse sans fil 18V 2 Ah @ 69.90", "3 × Lot de 100 vis bois 4 x 40 mm @ 6.40"])
    }

    @Test("A deposit's row in an item table is no item, but its charge is the order's")
    func depositRowInTable() throws {
        let html = """
            <p>Vielen Dank für Ihre Bestellung #WK1007.</p>
            <table>
            <tr><td><b>Pos.</b></td><td><b>Bezeichnung</b></td><td><b>Menge</b></td><td><b>Preis</b></td><td><b>Summe</b></td></tr>
            <tr><td>1</td><td>Silvaner trocken 2023, 0,75 l<br>Artikel-Nr.: SW1022</td><td>6</td><td>9,50 EUR</td><td>57,00 EUR</td></tr>
            <tr><td>2</td><td>Pfand Holzkiste 6er</td><td>1</td><td>3,00 EUR</td><td>3,00 EUR</td></tr>
            </table>
            <p>Versandkosten: 6,90 EUR<br><b>Gesamtkosten: 66,90 EUR</b></p>
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung #WK1007", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["6 × Silvaner trocken 2023, 0,75 l @ 9.50"])
        #expect(order.warnings.isEmpty)
    }
}
