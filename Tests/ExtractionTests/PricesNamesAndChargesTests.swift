@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// The sixth round of line items: Nordic receipts' totals and home delivery, a tourist tax and a
/// charge paid apart, a unit price in brackets after a counted name, a price standing apart from its
/// labelled count, a model's number inside a name, a reference row between a title and its count,
/// an abbreviation ending a name, and a subscription's plan. Each on a small invented mail.
@Suite("Prices, names and charges")
struct PricesNamesAndChargesTests {
    let extractor = OrderExtractor()

    @Test("Danish, Norwegian and Swedish totals label the order's total", arguments: [
        "I alt", "I alt (inkl. moms)", "At betale", "Å betale", "Att betala", "Summa", "Totalt",
    ])
    func nordicTotals(_ label: String) {
        #expect(SummaryLabel.kind(of: label) == .total, "\(label)")
    }

    @Test("Nordic home delivery and goods' totals", arguments: [
        ("Hemleverans", SummaryKind.shipping), ("Hjemlevering", .shipping), ("Leveransavgift", .shipping), ("Hemkörning", .shipping),
        ("Varer i alt", .subtotal), ("Delsumma", .subtotal), ("Mellemsum", .subtotal),
    ])
    func nordicCharges(_ label: String, _ kind: SummaryKind) {
        #expect(SummaryLabel.kind(of: label) == kind, "\(label)")
    }

    @Test("a Danish receipt: its total under 'I alt', its count against the line's total")
    func danishReceipt() throws {
        let plain = """
            Tak for dit køb, ordre 40418!

            2 stk. Opvaskebørste i bambus             58,00 kr.
            1 stk. Stearinlys, hvid, 10 stk.          45,00 kr.
            Fragt                                     29,00 kr.
            I alt                                    132,00 kr.
            """
        let order = try #require(extractor.extract(message(subject: "Ordre 40418", plain: plain), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "132.00")
        #expect(amounts(order) == ["2 × Opvaskebørste i bambus @ 29.00", "1 × Stearinlys, hvid, 10 stk. @ 45.00"])
    }

    @Test("a Swedish order: home delivery is shipping, not goods")
    func swedishHomeDelivery() throws {
        let plain = """
            Tack för din beställning 5521!

            EKTORP Soffa, 3-sits, grå      Antal: 1   4 995,00 kr
            FÅTÖLJ Strand, ek              Antal: 2   3 980,00 kr
            Hemleverans                                 499,00 kr
            Att betala                                9 474,00 kr
            """
        let order = try #require(extractor.extract(message(subject: "Beställning 5521", plain: plain), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "9474.00")
        #expect(amounts(order) == ["1 × EKTORP Soffa, 3-sits, grå @ 4995.00", "2 × FÅTÖLJ Strand, ek @ 1990.00"])
    }

    @Test("a tourist tax is a charge of the stay in every language, however long its label", arguments: [
        "Kurtaxe", "Kurtaxe 2 Pers. x 3 Nächte", "Taxe de séjour", "Taxe de séjour (2 adultes, 3 nuits)", "Tourist tax",
        "City tax 2 guests", "Tassa di soggiorno", "Imposta di soggiorno 2 persone x 2 notti", "Tasa turística",
        "Toeristenbelasting", "Opłata miejscowa", "Opłata klimatyczna 2 os. x 4 doby",
    ])
    func touristTaxes(_ label: String) {
        #expect(SummaryLabel.kind(of: label) == .fee, "\(label)")
    }

    @Test("a tourist tax line with its rate: no item, and the charge is the amount after the rate")
    func touristTaxLines() throws {
        let german = """
            Ihre Rechnung Nr. 0815-26

            Einzelzimmer Seeblick, 3 Nächte                 285,00 €
            Kurtaxe 1 Pers. x 3 Nächte à 2,50 €               7,50 €
            Gesamtbetrag                                    292,50 €
            """
        let hotel = try #require(extractor.extract(message(subject: "Rechnung 0815-26", plain: german), vendor: nil, category: .orders))
        #expect(amounts(hotel) == ["1 × Einzelzimmer Seeblick, 3 Nächte @ 285.00"])
        #expect(hotel.total?.decimalString == "292.50")

        let italian = """
            Ricevuta n. 2291

            Camera doppia vista lago, 2 notti          240,00 €
            Tassa di soggiorno 2 persone x 2 notti a 2,00 €    8,00 €
            """
        let stay = try #require(extractor.extract(message(subject: "Ricevuta 2291", plain: italian), vendor: nil, category: .orders))
        #expect(amounts(stay) == ["1 × Camera doppia vista lago, 2 notti @ 240.00"])
        #expect(stay.total?.decimalString == "248.00")
    }

    @Test("a charge paid apart from the order ('pay at property', 'non incluse') adds nothing to its total")
    func chargesPaidApart() throws {
        let english = """
            Your stay is booked, reference 77120.

            Twin Room, 2 nights                  £180.00
            Tourist tax (pay at property)         £6.00
            """
        let booked = try #require(extractor.extract(message(subject: "Booking 77120", plain: english), vendor: nil, category: .orders))
        #expect(booked.total?.decimalString == "180.00")
        #expect(amounts(booked) == ["1 × Twin Room, 2 nights @ 180.00"])

        let french = """
            Réservation n° 55102

            Chambre double, 3 nuits               270,00 €
            Taxe de séjour (non incluse)            9,90 €
            """
        let reserved = try #require(extractor.extract(message(subject: "Réservation 55102", plain: french), vendor: nil, category: .orders))
        #expect(reserved.total?.decimalString == "270.00")
        #expect(SummaryLabel.saysPaidApart(folded: TextFolding.fold("Kurtaxe (vor Ort zu zahlen)")))
        #expect(SummaryLabel.saysPaidApart(folded: TextFolding.fold("Tasa turística (a pagar en el alojamiento)")))
        #expect(!SummaryLabel.saysPaidApart(folded: TextFolding.fold("Taxe de séjour")))
    }

    @Test("a unit price in brackets after a counted name is the item's, in any language")
    func bracketedUnitPrices() throws {
        let french = """
            Votre commande PN-4410 a été livrée.
            2 x Pneu hiver Alpin 6 195/65 R15 91T (89,90 € pièce)
            """
        let tyres = try #require(extractor.extract(message(subject: "Commande PN-4410 livrée", plain: french), vendor: nil, category: .orders))
        #expect(amounts(tyres) == ["2 × Pneu hiver Alpin 6 195/65 R15 91T @ 89.90"])

        let labelled = """
            Your order W-881 is on its way.
            Contents: 6 x Rioja Reserva 2018, Tempranillo (£14.50 each)
            """
        let wine = try #require(extractor.extract(message(subject: "Order W-881 shipped", plain: labelled), vendor: nil, category: .orders))
        #expect(amounts(wine) == ["6 × Rioja Reserva 2018, Tempranillo @ 14.50"])

        let german = """
            Ihre Bestellung 33-120 ist unterwegs.
            3 x Teeglas mit Henkel, 300 ml (je 6,90 €)
            """
        let glasses = try #require(extractor.extract(message(subject: "Bestellung 33-120 versandt", plain: german), vendor: nil, category: .orders))
        #expect(amounts(glasses) == ["3 × Teeglas mit Henkel, 300 ml @ 6.90"])
    }

    @Test("a price standing apart from its labelled count, with no sum to settle it, is the line's")
    func priceApartFromLabelledCount() throws {
        let french = """
            <html><body><p>Votre commande K-5501 est expédiée.</p><ul>
            <li>Pyjama en coton – Qté : 1 – 19,00 €</li><li>Chaussettes rayées – Qté : 3 – 15,00 €</li></ul></body></html>
            """
        let shipped = try #require(extractor.extract(message(subject: "Commande K-5501 expédiée", html: french), vendor: nil, category: .orders))
        #expect(amounts(shipped) == ["1 × Pyjama en coton @ 19.00", "3 × Chaussettes rayées @ 5.00"])

        let dutch = """
            Je bestelling 88120 is verzonden.

            Handdoek badstof, grijs – Aantal: 2 – € 25,00
            """
        let towels = try #require(extractor.extract(message(subject: "Bestelling 88120 verzonden", plain: dutch), vendor: nil, category: .orders))
        #expect(amounts(towels) == ["2 × Handdoek badstof, grijs @ 12.50"])

        // Against the price ("2 x 9,50 €"), the count says the unit price.
        let against = """
            Commande 7710 expédiée

            Savon d'Alep 200 g      2 x 9,50 €
            """
        let soap = try #require(extractor.extract(message(subject: "Commande 7710 expédiée", plain: against), vendor: nil, category: .orders))
        #expect(amounts(soap) == ["2 × Savon d'Alep 200 g @ 9.50"])
    }

    @Test("a model's number written like a price inside a name stays in the name when a price follows")
    func modelNumberInName() throws {
        let french = """
            Commande n° DX-2290

            Enceinte portable Ultrason Boom 2.50      1    89,99 €
            Livraison                                      5,99 €
            Total                                         95,98 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande DX-2290", plain: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Enceinte portable Ultrason Boom 2.50 @ 89.99"])

        let english = """
            Order 55-1200

            Trail Runner Shoe 4.10 Mens      2    £179.98
            Total                                £179.98
            """
        let shoes = try #require(extractor.extract(message(subject: "Order 55-1200", plain: english), vendor: nil, category: .orders))
        #expect(amounts(shoes) == ["2 × Trail Runner Shoe 4.10 Mens @ 89.99"])
    }

    @Test("a reference or variant row between the title row and the count row is no name")
    func referenceRowUnderTitle() throws {
        let spanish = """
            <html><body><p>PEDIDO Nº 7730019</p><table>
            <tr><td>VESTIDO MIDI PLISADO</td></tr><tr><td>Ref. 4411/502 · VERDE · S</td></tr><tr><td>1 unidad</td><td>39,95 EUR</td></tr>
            <tr><td>SANDALIA PIEL TIRAS</td></tr><tr><td>Ref. 1120/330 · NEGRO · 38</td></tr><tr><td>2 unidades</td><td>59,90 EUR</td></tr>
            <tr><td>TOTAL</td><td>99,85 EUR</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Pedido 7730019", html: spanish), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × VESTIDO MIDI PLISADO @ 39.95", "2 × SANDALIA PIEL TIRAS @ 29.95"])

        let english = """
            <html><body><p>Order 88-4410</p><table>
            <tr><td>Merino Crew Jumper</td></tr><tr><td>Navy / M</td></tr><tr><td>Qty 1</td><td>£65.00</td></tr>
            <tr><td>Total</td><td>£65.00</td></tr></table></body></html>
            """
        let jumper = try #require(extractor.extract(message(subject: "Order 88-4410", html: english), vendor: nil, category: .orders))
        #expect(amounts(jumper) == ["1 × Merino Crew Jumper @ 65.00"])
    }

    @Test("a name ending with an abbreviation keeps its dot", arguments: [
        ("Servietter, 20 stk.", "Servietter, 20 stk."), ("Chusteczki nawilżane 64 szt.", "Chusteczki nawilżane 64 szt."),
        ("Filmtabletten, 50 St.", "Filmtabletten, 50 St."), ("Acme Widgets Inc.", "Acme Widgets Inc."), ("Kerzen.", "Kerzen"),
        ("Tischdecke ...", "Tischdecke"),
    ])
    func abbreviationDot(_ text: String, _ name: String) {
        #expect(TextItemReader.cleanName(text) == name)
    }

    @Test("a subscription's plan labelled in a receipt's fields is its one item, priced at the amount paid")
    func subscriptionPlan() throws {
        let french = """
            <html><body><h2>Merci pour votre abonnement</h2><table>
            <tr><td>Forfait</td><td>Premium</td></tr><tr><td>Période</td><td>3 déc. 2026 – 2 janv. 2027</td></tr>
            <tr><td>Montant</td><td>17,99 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Votre facture", html: french), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Premium @ 17.99"])

        let german = """
            Danke für dein Abo!

            Abo: Familie
            Zeitraum: 01.12.2026 – 31.12.2026
            Betrag: 14,99 €
            """
        let abo = try #require(extractor.extract(message(subject: "Deine Rechnung", plain: german), vendor: nil, category: .orders))
        #expect(amounts(abo) == ["1 × Familie @ 14.99"])
    }
}
