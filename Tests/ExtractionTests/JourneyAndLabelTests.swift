@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Journeys as items (the route names what a fare's line or the total prices, a date heading
/// the route's cell), labels that name a reference or run through a detail line, packaging
/// charged with the goods and sleeves counted; each on a small invented mail.
@Suite("Journeys and item labels")
struct JourneyAndLabelTests {
    let extractor = OrderExtractor()

    @Test("a fare's line under a route prices the journey the route names", arguments: [
        """
        Dossier : KTRW4P

        ALLER - samedi 5 décembre 2026
        TER Grenoble → Chambéry
        Départ 08:12 - Arrivée 09:05 - Train n° 17562
        1 adulte - Tarif Normal 14,60 €

        RETOUR - dimanche 6 décembre 2026
        TER Chambéry → Grenoble
        Départ 18:40 - Arrivée 19:33 - Train n° 17589
        1 adulte - Tarif Normal 14,60 €

        Montant total : 29,20 €
        """,
        """
        Buchung: 77120045

        Hinfahrt am 03.12.2026
        IC Hamburg Hbf → Bremen Hbf
        ab 10:14 - an 11:09 - Wagen 6, Platz 44
        1 Erwachsener, 2. Klasse   14,60 €

        Rückfahrt am 04.12.2026
        IC Bremen Hbf → Hamburg Hbf
        ab 17:48 - an 18:43 - Wagen 3, Platz 12
        1 Erwachsener, 2. Klasse   14,60 €

        Gesamtpreis: 29,20 €
        """,
    ])
    func fareUnderRoute(plain: String) throws {
        let order = try #require(extractor.extract(message(subject: "Reise", plain: plain), vendor: nil, category: .orders))
        let names = order.items.map(\.name)
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0.contains("→") })
        #expect(order.items.allSatisfy { $0.quantity == 1 && $0.unitPrice?.description == "14.60 EUR" })
    }

    @Test("a journey priced nowhere but in the order's total", arguments: [
        ("Localizador: P4QT8Z\n\nFecha: 14/01/2027\nALVIA Madrid-Chamartín → Santander, Estándar\nCoche 3  Plaza 07C  Viajero: ANA RUIZ\nImporte: 38,45 €\n\nImporte total: 38,45 €\n", "38.45"),
        ("Auftragsnummer: 550311827\n\nHinfahrt am 20.01.2027\nSuper Sparpreis Köln Hbf → Berlin Hbf, 2. Klasse\n\nGesamtpreis: 29,99 €\n", "29.99"),
    ])
    func journeyPricedByTotal(plain: String, price: String) throws {
        let order = try #require(extractor.extract(message(subject: "Billete", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 1)
        #expect(order.items.first?.name.contains("→") == true)
        #expect(order.items.first?.unitPrice?.description == price + " EUR")
    }

    @Test("a date heading a journey's cell: the route under it names the item")
    func dateOverRouteInCell() throws {
        let html = """
            <p>Booking reference <b>KQZ7PL</b></p>
            <table><tr><td><b>Fri 12 Feb 2027</b><br>Brussels Midi → London St Pancras, Standard Premier<br>Train 9117 · Coach 2 Seat 61<br>1 Adult</td><td>€94.00</td></tr></table>
            <p><b>Total €94.00</b></p>
            """
        let order = try #require(extractor.extract(message(subject: "Your booking", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Brussels Midi → London St Pancras, Standard Premier @ 94.00"])
        let italian = """
            <p>Codice prenotazione <b>TR5521</b></p>
            <table><tr><td>venerdì 12 febbraio 2027<br>Roma Termini → Napoli Centrale, Business<br>Carrozza 4 Posto 7A</td><td>45,90 €</td></tr></table>
            <p><b>Totale 45,90 €</b></p>
            """
        let trip = try #require(extractor.extract(message(subject: "Il tuo biglietto", html: italian), vendor: nil, category: .orders))
        #expect(amounts(trip) == ["1 × Roma Termini → Napoli Centrale, Business @ 45.90"])
    }

    @Test("an item's reference label is no name label", arguments: [
        ("Vintage-Kamera Olympus Trip 35, geprüft\nArtikelnummer: 184456120933\nBestellnummer: 07-55120-11843\nArtikelpreis: 64,00 €\n\nGesamtbetrag: 64,00 €\n", "Vintage-Kamera Olympus Trip 35, geprüft"),
        ("Brass desk lamp, 1930s style, rewired\nItem number: 385521907714\nOrder number: 21-10045-77310\nItem price: £38.00\n\nOrder total: £38.00\n", "Brass desk lamp, 1930s style, rewired"),
    ])
    func referenceLabel(plain: String, name: String) throws {
        let order = try #require(extractor.extract(message(subject: "Order", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == [name])
    }

    @Test("a run of an item's labels under its name is its detail line", arguments: [
        """
        Bestellung 4410276

        Leinen-Geschirrtuch, gestreift, 2 Stück
            Artikel 55012, Menge 1, Preis 24,00 €
        Emaille-Milchtopf, 1 l
            Artikel 20177, Menge 1, Preis 39,00 €

        Warenwert 63,00 €
        Rechnungsbetrag 63,00 €
        """,
        """
        Commande 4410276

        Torchon en lin, rayé, lot de 2
            Réf. 55012, Qté 1, Prix 24,00 €
        Pot à lait émaillé, 1 l
            Réf. 20177, Qté 1, Prix 39,00 €

        Total 63,00 €
        """,
    ])
    func labelRun(plain: String) throws {
        let order = try #require(extractor.extract(message(subject: "Bestellung", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 2)
        #expect(order.items.allSatisfy { !$0.name.contains("55012") && !$0.name.contains("20177") })
        #expect(order.items.map { $0.unitPrice?.description } == ["24.00 EUR", "39.00 EUR"])
    }

    @Test("packaging charged with the goods is no item", arguments: [
        ("Imballo protettivo", "Totale"), ("Verpackung", "Gesamt"), ("Embalaje", "Total"), ("Verpakking", "Totaal"), ("Opakowanie", "Razem"),
    ])
    func packaging(label: String, total: String) throws {
        let plain = """
            Ordine #EC-9021

            - Olio extravergine di oliva, 75 cl
              1 × 18,00 € = 18,00 €
            - Aceto balsamico tradizionale, 100 ml
              2 × 24,00 € = 48,00 €

            \(label): 4,00 €
            \(total): 70,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Ordine", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 2)
        #expect(!order.items.contains { $0.name.hasPrefix(label) })
    }

    @Test("sleeves counted in their own cell, the price their line's total")
    func sleevesCounted() throws {
        let html = """
            <p>Commande n° 70112934</p>
            <table><tr><td><b>Ristretto - étui de 10 capsules</b><br><small>Intensité 10</small></td><td>4 étuis</td><td>18,40 €</td></tr>
            <tr><td><b>Lungo - étui de 10 capsules</b><br><small>Intensité 6</small></td><td>2 étuis</td><td>9,00 €</td></tr>
            <tr><td colspan="2"><b>Total TTC</b></td><td><b>27,40 €</b></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Ristretto - étui de 10 capsules @ 4.60", "2 × Lungo - étui de 10 capsules @ 4.50"])
    }

    @Test("a dash after a count's abbreviated unit sets the price apart, no minus sign", arguments: [
        ("* Le Mage du Kremlin\n  Giuliano da Empoli - Gallimard\n  1 ex. - 21,00 EUR\n* Houris\n  Kamel Daoud - Gallimard\n  2 ex. - 23,00 EUR\n\nTotal : 67,00 EUR (à régler en librairie)\n", "Le Mage du Kremlin", ["21.00 EUR", "23.00 EUR"]),
        ("Wollsocken, Merino, Gr. 42\n  2 Stk. - 9,90 €\nMütze, Walk, grau\n  1 Stk. - 47,20 €\n\nGesamt: 67,00 €\n", "Wollsocken, Merino, Gr. 42", ["9.90 EUR", "47.20 EUR"]),
    ])
    func dashAfterAbbreviatedUnit(plain: String, first: String, prices: [String]) throws {
        let order = try #require(extractor.extract(message(subject: "Commande", plain: "Commande R-2027-118\n\n" + plain), vendor: nil, category: .orders))
        #expect(order.items.count == 2)
        #expect(order.items.first?.name == first)
        #expect(order.items.map { $0.unitPrice?.description ?? "" } == prices)
    }

    @Test("a colourway under the product's name is no name under a brand", arguments: [
        ("<b>Women's Wool Loungers</b><br>Stony Grey (Cream Sole)<br>Size: UK 5<br>Quantity: 1", "£85.00", "Women's Wool Loungers"),
        ("<b>Baskets Marche Lin</b><br>Bleu marine (semelle blanche)<br>Pointure : 42<br>Quantité : 1", "89,00 €", "Baskets Marche Lin"),
        ("<b>Laufschuh Alpin Trail</b><br>Schwarz (Sohle grau)<br>Größe: 43<br>Menge: 1", "119,00 €", "Laufschuh Alpin Trail"),
    ])
    func colourwayUnderName(cell: String, price: String, name: String) throws {
        let html = """
            <p>Order #SH-40217</p>
            <table><tr><td><img src="shoe.png"></td><td>\(cell)</td><td>\(price)</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Shipped", html: html), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == [name])
    }

    @Test("a stay's markup names the hotel: the room the lines name is the item", arguments: [
        ("1 × Deluxe King Room", "€ 420", "Deluxe King Room"),
        ("1 × Chambre Double Supérieure", "420 €", "Chambre Double Supérieure"),
        ("1 × Doppelzimmer mit Seeblick", "420 €", "Doppelzimmer mit Seeblick"),
    ])
    func stayNamesItsRoom(line: String, price: String, room: String) throws {
        let html = """
            <html><head><script type="application/ld+json">{"@context":"http://schema.org","@type":"LodgingReservation",
            "reservationNumber":"5512093381","reservationFor":{"@type":"LodgingBusiness","name":"Hotel Miramar Lisboa"},
            "totalPrice":"420.00","priceCurrency":"EUR"}</script></head><body>
            <p><b>Hotel Miramar Lisboa</b><br>Rua da Prata 12, Lisboa</p>
            <table><tr><td>\(line)</td><td>\(price)</td></tr><tr><td><b>Total</b></td><td><b>\(price)</b></td></tr></table>
            </body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Booking confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × \(room) @ 420.00"])
    }

    @Test("a stay whose lines name no room: the hotel stands for it")
    func stayWithoutRoomLine() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@context":"http://schema.org","@type":"LodgingReservation",
            "reservationNumber":"5512093382","reservationFor":{"@type":"LodgingBusiness","name":"Hotel Miramar Lisboa"},
            "totalPrice":"420.00","priceCurrency":"EUR"}</script></head><body>
            <p>Your stay at Hotel Miramar Lisboa is confirmed.</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Booking confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Hotel Miramar Lisboa @ 420.00"])
    }

    @Test("of two unit price columns, before and after tax, the one paid is read", arguments: [
        ("Désignation", "Qté", "PU HT", "PU TTC", "Total TTC", "Total TTC", "90,00 €", "108,00 €"),
        ("Artikel", "Menge", "Einzelpreis netto", "Einzelpreis brutto", "Gesamt", "Gesamtbetrag", "100,00 €", "119,00 €"),
        ("Producto", "Cantidad", "Precio unitario sin IVA", "Precio unitario", "Importe", "Total", "100,00 €", "121,00 €"),
    ])
    func priceWithTax(name: String, count: String, net: String, gross: String, line: String, total: String, netPrice: String, grossPrice: String) throws {
        let html = """
            <p>Facture 88120045</p>
            <table><tr><td>\(name)</td><td>\(count)</td><td>\(net)</td><td>\(gross)</td><td>\(line)</td></tr>
            <tr><td>Clavier mécanique TKL</td><td>1</td><td>\(netPrice)</td><td>\(grossPrice)</td><td>\(grossPrice)</td></tr>
            <tr><td colspan="4">\(total)</td><td>\(grossPrice)</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Facture", html: html), vendor: nil, category: .orders))
        #expect(order.items.count == 1)
        #expect(order.items.first?.unitPrice?.description == grossPrice.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " €", with: " EUR"))
    }

    @Test("carriage counted in an item table's row is no item", arguments: [
        ("Frais de port - Colissimo", "5,90 €", "Total TTC"), ("Versandkosten DHL", "5,90 €", "Gesamtsumme"), ("Shipping - Royal Mail Tracked", "5,90 €", "Total"),
    ])
    func carriageRow(label: String, price: String, total: String) throws {
        let html = """
            <p>Commande 55102</p>
            <table><tr><td>Article</td><td>Qty</td><td>Prix</td></tr>
            <tr><td>Lampe de bureau articulée</td><td>1</td><td>49,00 €</td></tr>
            <tr><td>\(label)</td><td>1</td><td>\(price)</td></tr>
            <tr><td colspan="2">\(total)</td><td>54,90 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande", html: html), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Lampe de bureau articulée"])
    }

    @Test("a count column before the names of a grocer's list, a deposit's line between items", arguments: [
        ("2 Karnemelk, 1 L 2,38", "1 Oude kaas blokje, 300 g 4,79", "Statiegeld 2 x 0,15 0,30", "3 Pindakaas, 350 g 8,97", "Subtotaal 16,14", "Totaal € 16,44", "Karnemelk, 1 L"),
        ("2 Lait demi-écrémé, 1 L 2,38", "1 Comté 12 mois, 300 g 4,79", "Consigne bouteille 0,30", "3 Confiture de fraises, 350 g 8,97", "Sous-total 16,14", "Total 16,44 €", "Lait demi-écrémé, 1 L"),
        ("2 Buttermilch, 1 l 2,38", "1 Bergkäse, 300 g 4,79", "Pfand 2 x 0,15 0,30", "3 Erdbeerkonfitüre, 350 g 8,97", "Zwischensumme 16,14", "Gesamt 16,44 €", "Buttermilch, 1 l"),
    ])
    func countColumnList(first: String, second: String, deposit: String, third: String, subtotal: String, total: String, name: String) throws {
        let plain = "Bestelling 4471902\n\n\(first)\n\n\(second)\n\n\(deposit)\n\n\(third)\n\n\(subtotal)\n\n\(total)\n"
        let order = try #require(extractor.extract(message(subject: "Bestelling", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 3)
        #expect(order.items.first?.name == name)
        #expect(order.items.map(\.quantity) == [2, 1, 3])
        #expect(order.items.map { $0.unitPrice?.description ?? "" } == ["1.19 EUR", "4.79 EUR", "2.99 EUR"])
    }

    @Test("a shipping notice's rows without sums: a count in its own cell leaves the price the line's; a price said each is the unit's", arguments: [
        ("x2", "15,90 €", "7.95 EUR"), ("Qté : 2", "15,90 €", "7.95 EUR"), ("Menge: 2", "je 7,95 €", "7.95 EUR"), ("2", "€7.95 each", "7.95 EUR"),
    ])
    func countCellWithoutSums(count: String, price: String, unit: String) throws {
        let html = """
            <p>Votre commande ND-44120 a quitté notre entrepôt.</p>
            <table><tr><td>Bougie parfumée cèdre</td><td>x1</td><td>24,00 €</td></tr>
            <tr><td>Savon au lait d'ânesse</td><td>\(count)</td><td>\(price)</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre colis est en route", html: html), vendor: nil, category: .orders))
        #expect(order.items.count == 2)
        #expect(order.items.last?.quantity == 2)
        #expect(order.items.last?.unitPrice?.description == unit)
    }

    @Test("places set apart by a dash make a route where a departure's line follows", arguments: [
        ("Localizador: R2MXT9\n\nALVIA Valladolid-Campo Grande - Santander, Tarifa Estándar\n  Salida 12/03/2027 09:15  Llegada 12:40  Coche 2\n  Importe: 31,20 EUR\n\nImporte total: 31,20 EUR\n",
         "ALVIA Valladolid-Campo Grande - Santander, Tarifa Estándar", "31.20"),
        ("Codice prenotazione: PK77QA\n\nItalo 8911 Torino Porta Nuova - Napoli Centrale, Smart\nPartenza ore 07:05 - Arrivo ore 12:48\nPrezzo: 52,90 €\n\nTotale: 52,90 €\n",
         "Italo 8911 Torino Porta Nuova - Napoli Centrale, Smart", "52.90"),
        ("Buchungsnummer: 88120457\n\nIC 2013 Stuttgart Hbf - Ulm Hbf, 2. Klasse\nAbfahrt 08:51 · Ankunft 09:48\n\nGesamtpreis: 19,90 €\n",
         "IC 2013 Stuttgart Hbf - Ulm Hbf, 2. Klasse", "19.90"),
    ])
    func dashRouteOverDeparture(plain: String, name: String, price: String) throws {
        let order = try #require(extractor.extract(message(subject: "Billete", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × \(name) @ \(price)"])
    }

    @Test("a dash between words with no departure under it makes no route")
    func dashWithoutDeparture() throws {
        let plain = "Commande n° 44120\n\nT-shirt col rond - Bleu nuit\nTaille : M\nPrix : 19,90 €\n\nTotal : 19,90 €\n"
        let order = try #require(extractor.extract(message(subject: "Commande", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.allSatisfy { !$0.name.contains("Taille") })
        #expect(order.items.count == 1)
    }

    @Test("the ticket's price under a route prices the journey", arguments: [
        "Buchung #550912\n\nHamburg ZOB → Leipzig Hbf\nFr., 05.03.2027, 09:30 - 13:55 · 1 Erwachsener\nFahrpreis                 17,99 €\nServicegebühr              0,99 €\nGesamtpreis               18,98 €\n",
        "Réservation K7TQ2M\n\nLyon Perrache → Grenoble\nVen. 05/03/2027, 09:30 - 10:55\nPrix du billet             17,99 €\nFrais de service            0,99 €\nTotal                      18,98 €\n",
        "Booking 77401\n\nLondon Victoria → Bristol\nFri 5 Mar 2027, 09:30 - 12:10\nTicket price               £17.99\nBooking fee                 £0.99\nTotal                      £18.98\n",
    ])
    func ticketPriceUnderRoute(plain: String) throws {
        let order = try #require(extractor.extract(message(subject: "Buchung", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 1)
        #expect(order.items.first?.name.contains("→") == true)
        #expect(order.items.first?.unitPrice?.decimalString == "17.99")
    }

    @Test("a count's label without its colon before the name opens an item's line, no detail line", arguments: [
        ("Bestellung 4410\n\nAnzahl 2  Leinen-Geschirrtuch, natur        CHF 14.50\nAnzahl 1  Brotkorb Weide, oval             CHF 32.00\n\nTotal                            CHF 61.00\n",
         ["2 × Leinen-Geschirrtuch, natur @ 14.50", "1 × Brotkorb Weide, oval @ 32.00"]),
        ("Order 5521\n\nQty 1   Enamel mug, forest green        £12.00\nQty 3   Beeswax wrap, small             £4.50\n\nTotal                           £25.50\n",
         ["1 × Enamel mug, forest green @ 12.00", "3 × Beeswax wrap, small @ 4.50"]),
        ("Pedido 7720\n\nCantidad 1   Cuaderno de tapa dura A5     9,90 €\nCantidad 2   Lápiz de grafito HB          1,20 €\n\nTotal                        12,30 €\n",
         ["1 × Cuaderno de tapa dura A5 @ 9.90", "2 × Lápiz de grafito HB @ 1.20"]),
    ])
    func bareCountLabelBeforeName(plain: String, expected: [String]) throws {
        let order = try #require(extractor.extract(message(subject: "Order", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == expected)
    }

    @Test("a count's label over a price's label is the detail line of the name above")
    func countLabelThenPriceLabel() throws {
        let plain = "Bestellnummer: 99120\n\nWasserkocher Edelstahl 1,7 l\n   Anzahl 2      Einzelpreis 24,99 €     Gesamt 49,98 €\n\nGesamtbetrag                      49,98 €\n"
        let order = try #require(extractor.extract(message(subject: "Bestellung", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Wasserkocher Edelstahl 1,7 l @ 24.99"])
    }

    @Test("an engraving counted among the goods is an item; charged apart, a fee", arguments: [
        ("Anzahl 1  Taschenmesser Eiche, 9 cm           CHF 39.00\nAnzahl 1  Gravur Initialen                    CHF 8.00\n\nTotal                               CHF 47.00\n", "Gravur Initialen"),
        ("Qty 1   Leather wallet, tan                   £45.00\nQty 1   Engraving, two letters            £6.00\n\nTotal                                 £51.00\n", "Engraving, two letters"),
        ("Ilość 2   Bransoletka skórzana, pleciona      79,00 zł\nIlość 1   Grawerowanie imienia             15,00 zł\n\nRazem                             173,00 zł\n", "Grawerowanie imienia"),
    ])
    func countedEngraving(lines: String, engraving: String) throws {
        let plain = "Order 3307\n\n" + lines
        let order = try #require(extractor.extract(message(subject: "Order", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.count == 2)
        #expect(order.items.last?.name == engraving)
        let apart = "Ordine 3308\n\nPortachiavi in cuoio         28,00 €\nPersonalizzazione incisione: 6,00 €\n\nTotale                       34,00 €\n"
        let fee = try #require(extractor.extract(message(subject: "Ordine", plain: apart), vendor: nil, category: .orders))
        #expect(fee.items.map(\.name) == ["Portachiavi in cuoio"])
    }

    @Test("a discount's note in brackets after a name is no part of it", arguments: [
        ("Hollow Knight (Summer Sale -50%)", "Hollow Knight"),
        ("Gilet en laine (remise -20 %)", "Gilet en laine"),
        ("Wanderschuhe Alpin (Rabatt 15 %)", "Wanderschuhe Alpin"),
        ("Camiseta de lino (Rebajas −30%)", "Camiseta de lino"),
        ("Sciarpa di seta (saldi 40%)", "Sciarpa di seta"),
    ])
    func discountNoteAfterName(text: String, name: String) {
        #expect(TextItemReader.cleanName(text) == name)
    }

    @Test("a percentage that is no discount stays in the name")
    func percentageInName() {
        #expect(TextItemReader.cleanName("Lait demi-écrémé (1,5% MG)") == "Lait demi-écrémé (1,5% MG)")
        #expect(TextItemReader.cleanName("Chocolat noir (85% cacao)") == "Chocolat noir (85% cacao)")
        let plain = "Order 2290\n\nCeleste (Spring Sale -40%)        11,99€\nTotal:                             11,99€\n"
        let order = extractor.extract(message(subject: "Receipt", plain: plain), vendor: nil, category: .orders)
        #expect(amounts(order) == ["1 × Celeste @ 11.99"])
    }

    @Test("a weighed item's row: the weight at its price per measure in a middle cell, the line's amount last", arguments: [
        ("<tr><td>Tomme de Savoie</td><td>0,350 kg à 24,00 €/kg</td><td>8,40 €</td></tr><tr><td>Yaourt fermier</td><td>x2</td><td>3,00 €</td></tr><tr><td>Total</td><td></td><td>11,40 €</td></tr>",
         ["1 × Tomme de Savoie @ 8.40", "2 × Yaourt fermier @ 1.50"]),
        ("<tr><td>Bergkäse 12 Monate</td><td>0,250 kg zu 32,00 €/kg</td><td>8,00 €</td></tr><tr><td>Bauernbrot</td><td>x1</td><td>4,20 €</td></tr><tr><td>Summe</td><td></td><td>12,20 €</td></tr>",
         ["1 × Bergkäse 12 Monate @ 8.00", "1 × Bauernbrot @ 4.20"]),
        ("<tr><td>Prosciutto di Parma 24 mesi</td><td>0,200 kg a 45,00 €/kg</td><td>9,00 €</td></tr><tr><td>Grissini torinesi</td><td>x1</td><td>3,50 €</td></tr><tr><td>Totale</td><td></td><td>12,50 €</td></tr>",
         ["1 × Prosciutto di Parma 24 mesi @ 9.00", "1 × Grissini torinesi @ 3.50"]),
    ])
    func weighedRow(rows: String, expected: [String]) throws {
        let html = "<p>Commande / Bestellung / Ordine 5520</p><table>\(rows)</table>"
        let order = try #require(extractor.extract(message(subject: "Commande 5520", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == expected)
    }

    @Test("a price line with the unit's price after the line's closes the counted item above", arguments: [
        ("Commande 3341\n\nBonnet en laine\nQuantité : 1\n14,90 €\nGants tactiles\nQuantité : 2\n25,80 € 12,90 € / unité\nSous-total 40,70 €\nTotal 40,70 €\n",
         ["1 × Bonnet en laine @ 14.90", "2 × Gants tactiles @ 12.90"]),
        ("Bestellung 3341\n\nMütze aus Wolle\nMenge: 1\n14,90 €\nTouch-Handschuhe\nMenge: 2\n25,80 € 12,90 €/Stück\nZwischensumme 40,70 €\nGesamt 40,70 €\n",
         ["1 × Mütze aus Wolle @ 14.90", "2 × Touch-Handschuhe @ 12.90"]),
        ("Order 3341\n\nWool beanie\nQuantity: 1\n£14.90\nTouchscreen gloves\nQuantity: 3\n£38.70 £12.90 / unit\nSubtotal £53.60\nTotal £53.60\n",
         ["1 × Wool beanie @ 14.90", "3 × Touchscreen gloves @ 12.90"]),
    ])
    func priceThenUnitRate(plain: String, expected: [String]) throws {
        let order = try #require(extractor.extract(message(subject: "Commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == expected)
    }

    @Test("a line repeating the heading above it and going on names the item", arguments: [
        ("Spotify Premium", "Spotify Premium Duo (mensuel)", "10,99 €"),
        ("Google One", "Google One 2 TB (Jahresabo)", "99,99 €"),
        ("Microsoft 365", "Microsoft 365 Personal (anual)", "99,00 €"),
    ])
    func headingRepeatedByName(heading: String, name: String, price: String) throws {
        let html = """
            <p>Order ID <b>KX77Q2</b></p>
            <table><tr><td><b>\(heading)</b><br>\(name)<br>Renews 1 May 2027</td><td>\(price)</td></tr>
            <tr><td colspan="2">TOTAL \(price)</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Receipt", html: html), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == [name])
        #expect(TextItemReader.extendsLine(name, heading))
        #expect(!TextItemReader.extendsLine(heading, name))
        #expect(!TextItemReader.extendsLine(heading + "s", heading))
    }

    @Test("nights counted under a counted room make its price for the stay, no count", arguments: [
        ("1 x Deluxe Twin Room", "3 nights x € 95", "€ 285", "Deluxe Twin Room", "285.00"),
        ("1 x Chambre Double Confort", "2 nuits x 89 €", "178 €", "Chambre Double Confort", "178.00"),
        ("1 x Doppelzimmer Superior", "2 Nächte x 120 €", "240 €", "Doppelzimmer Superior", "240.00"),
        ("1 x Habitación Doble Estándar", "4 noches x 70 €", "280 €", "Habitación Doble Estándar", "280.00"),
    ])
    func nightsUnderRoom(room: String, nights: String, price: String, name: String, total: String) throws {
        let html = """
            <p>Confirmation number: <b>5512.330.118</b></p>
            <table><tr><td>\(room)</td><td></td></tr>
            <tr><td>\(nights)</td><td>\(price)</td></tr>
            <tr><td><b>Price</b></td><td><b>\(price)</b></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Booking confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × \(name) @ \(total)"])
    }

    @Test("a parcel's lines: the count after the name by its times sign, the price alone in brackets", arguments: [
        "Votre commande n° 5582 vient d'être confiée à Colissimo.\n\nContenu du colis :\n- Chambre à air 700x25 Presta × 3 (6,50 €)\n- Patins de frein route × 1 (12,90 €)\n\nBonne route !\n",
        "Ihre Bestellung 5582 wurde an DHL übergeben.\n\nInhalt des Pakets:\n- Chambre à air 700x25 Presta × 3 (6,50 €)\n- Patins de frein route × 1 (12,90 €)\n\nGute Fahrt!\n",
        "Your order 5582 has been dispatched.\n\nIn this parcel:\n- Chambre à air 700x25 Presta x 3 (6,50 €)\n- Patins de frein route x 1 (12,90 €)\n\nHappy riding!\n",
    ])
    func parcelLinesWithBracketedPrice(plain: String) throws {
        let order = try #require(extractor.extract(message(subject: "Commande 5582 expédiée", plain: plain), vendor: nil, category: .orders))
        #expect(order.items.map(\.name) == ["Chambre à air 700x25 Presta", "Patins de frein route"])
        #expect(order.items.map(\.quantity) == [3, 1])
        #expect(order.items.last?.unitPrice?.decimalString == "12.90")
    }
}
