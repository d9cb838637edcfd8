@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Nordic shipping lines, free lines beside priced items, a count written `x2` before the name, a
/// subtotal under an item list, a protected-origin code that is no currency, the amount a
/// cancellation or a refund gives back in a sentence, and support mail telling of a refund. Each
/// on a small invented mail, in several languages.
@Suite("Charges, counts and refunds")
struct ChargesCountsAndRefundsTests {
    let extractor = OrderExtractor()

    @Test("shipping in Swedish, Danish, Norwegian and Finnish labels a charge, not an item")
    func nordicShipping() throws {
        for label in ["Frakt", "Fraktkostnad", "Fragt", "Levering", "Forsendelse", "Leverans", "Toimitus", "Toimituskulut"] {
            #expect(SummaryLabel.kind(of: label) == .shipping, "\(label)")
        }
        let plain = """
            Tack för din beställning!

            Ordernummer: 880214

            Antal  Produkt                            Pris
            1      Handkräm havtorn 75 ml          89,00 kr
            2      Läppbalsam naturell              58,00 kr

            Frakt                                   39,00 kr
            Totalt                                 186,00 kr
            """
        let order = try #require(extractor.extract(message(subject: "Order 880214", plain: plain, from: "order@apotek-exempel.se"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Handkräm havtorn 75 ml @ 89.00", "2 × Läppbalsam naturell @ 29.00"])
        #expect(order.total?.decimalString == "186.00" && order.currency == "SEK")
    }

    @Test("a line priced zero beside priced items is no item, whatever it names (a service, a card), in French, English, German and Italian")
    func zeroPricedBesidePriced() throws {
        let cases: [(String, String, [String])] = [
            ("""
             Commande VB-118 confirmée.

             Vélo de ville Brompton C Line         1 450,00 €
             Réglage et contrôle des freins        0,00 €

             Total TTC 1 450,00 €
             """, "shop@velo-exemple.fr", ["1 × Vélo de ville Brompton C Line @ 1450.00"]),
            ("""
             Order #5521 confirmed.

             Lemon drizzle cake, 8 slices ........ 24.00
             Handwritten note card ................ 0.00
             Box of 12 macarons ................... 18.00

             Total 42.00 GBP
             """, "orders@bakery-example.co.uk", ["1 × Lemon drizzle cake, 8 slices @ 24.00", "1 × Box of 12 macarons @ 18.00"]),
            ("""
             Bestellung 30-771

             Wanderschuh Alpin GTX     1    149,00 €
             Einlagen-Anpassung        1      0,00 €

             Gesamt: 149,00 €
             """, "shop@bergsport-beispiel.de", ["1 × Wanderschuh Alpin GTX @ 149.00"]),
            ("""
             Ordine 4410

             Panettone artigianale 1 kg      1    32,00 €
             Biglietto d'auguri              1     0,00 €

             Totale: 32,00 €
             """, "ordini@pasticceria-esempio.it", ["1 × Panettone artigianale 1 kg @ 32.00"]),
        ]
        for (plain, from, expected) in cases {
            let order = try #require(extractor.extract(message(subject: "Order", plain: plain, from: from), vendor: nil, category: .orders))
            #expect(amounts(order) == expected)
        }
        // Alone, or among items without prices, a zero line stays what the mail lists.
        let priced = [ItemCandidate(name: "Réglage atelier", quantity: 1, price: Amount(number: DecimalText(integer: "0", fraction: "00"), currency: "EUR")),
                      ItemCandidate(name: "Guide d'entretien", quantity: 1)]
        #expect(ItemVocabulary.withoutFreeExtras(priced).count == 2)
    }

    @Test("a count written 'x2' before the name is the quantity, its price the line's, in French, English and German")
    func signBeforeCount() throws {
        #expect(TextItemReader.leadingQuantity("x2 Hachis de canard")?.0 == 2)
        #expect(TextItemReader.leadingQuantity("×3 Bagel sésame")?.1 == "Bagel sésame")
        #expect(TextItemReader.leadingQuantity("X5 Pro Controller") == nil)
        #expect(TextItemReader.leadingQuantity("x250 g") == nil)
        let cases: [(String, String, [String])] = [
            ("""
             Ta commande FR-55 arrive ce soir.

             x2 Gratin dauphinois          11,80 €
             x1 Tarte aux pommes            4,50 €

             Total payé                    16,30 €
             """, "bonjour@livraison-exemple.fr", ["2 × Gratin dauphinois @ 5.90", "1 × Tarte aux pommes @ 4.50"]),
            ("""
             Your order #771 is on its way.

             x3 Cinnamon bun       £7.50
             x1 Flat white         £3.20

             Total                £10.70
             """, "hello@bakery-example.co.uk", ["3 × Cinnamon bun @ 2.50", "1 × Flat white @ 3.20"]),
            ("""
             Bestellung 4410 ist unterwegs.

             x2 Linsensuppe 500 ml       9,00 €
             x1 Brezel                   1,20 €

             Gesamt                     10,20 €
             """, "info@lieferung-beispiel.de", ["2 × Linsensuppe 500 ml @ 4.50", "1 × Brezel @ 1.20"]),
        ]
        for (plain, from, expected) in cases {
            let order = try #require(extractor.extract(message(subject: "Order", plain: plain, from: from), vendor: nil, category: .orders))
            #expect(amounts(order) == expected)
        }
    }

    @Test("a last line whose price is the sum of the items above is their subtotal; the prices are then the lines' totals (English, French)")
    func subtotalUnderItems() throws {
        let english = """
            Order number: 5519023

            Qty  Product                          Price
            2    Semi skimmed milk 2L            £3.00
            1    Sourdough loaf 800G             £2.40
            3    Greek yoghurt 500G              £4.50
            1    Free range eggs 12 pack         £3.10

            Basket value                        £13.00
            Delivery                             £3.50
            Estimated total                     £16.50
            """
        let order = try #require(extractor.extract(message(subject: "Your order", plain: english, from: "groceries@shop-example.co.uk"), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Semi skimmed milk 2L @ 1.50", "1 × Sourdough loaf 800G @ 2.40", "3 × Greek yoghurt 500G @ 1.50",
                                   "1 × Free range eggs 12 pack @ 3.10"])
        let french = """
            Commande 88120

            Qté  Produit                        Prix
            2    Lait demi-écrémé 1 L          2,10 €
            1    Baguette tradition            1,30 €
            1    Comté 12 mois 200 g           4,60 €
            2    Yaourt nature x4              3,80 €

            Montant des courses           11,80 €
            Livraison                      4,90 €
            Total estimé                  16,70 €
            """
        let courses = try #require(extractor.extract(message(subject: "Votre commande", plain: french, from: "courses@drive-exemple.fr"), vendor: nil, category: .orders))
        #expect(amounts(courses).count == 4)
        #expect(amounts(courses).first == "2 × Lait demi-écrémé 1 L @ 1.05")
    }

    @Test("a title row over a row of a weight or a variant, the labelled count after a middle dot, and the price (French, German, English)")
    func segmentedCountRow() throws {
        let html = """
            <p>Commande FX-210 prête au retrait.</p><table>
            <tr><td colspan="2"><b>Tomme de Savoie fermière</b></td></tr><tr><td>env. 350 g · Qté 1</td><td>9,80 €</td></tr>
            <tr><td colspan="2"><b>Saucisson sec aux noisettes</b></td></tr><tr><td>Qté 2</td><td>15,00 €</td></tr>
            <tr><td><b>Total</b></td><td><b>24,80 €</b></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Commande FX-210", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Tomme de Savoie fermière @ 9.80", "2 × Saucisson sec aux noisettes @ 7.50"])
        #expect(HTMLTableReader.segmentCount("Größe M · Menge 2") == 2)
        #expect(HTMLTableReader.segmentCount("approx. 500 g | Qty 3") == 3)
        #expect(HTMLTableReader.segmentCount("env. 400 g · bio") == nil)
    }

    @Test("a currency code before a whole number that a word follows is no currency (DOP 24 mesi); before an amount it is")
    func codeBeforeWords() {
        let origin = MoneyScanner.scan("Parmigiano Reggiano DOP 24 mesi, 300 g 1 7,49 7,49")
        #expect(!origin.contains { $0.sign == "DOP" })
        #expect(MoneyScanner.scan("Total CHF 24.00 paid")[0].sign == "CHF")
        #expect(MoneyScanner.scan("Total: EUR 24")[0].sign == "EUR")
    }

    @Test("the amount a cancellation gives back, in its own sentence of a paragraph (English, German, French)")
    func cancellationRefundSentence() throws {
        let cases: [(String, String, String)] = [
            ("Your order #GS-5512 has been cancelled",
             "Hi Sam,\n\nAs you asked, we have cancelled your order #GS-5512 today. A full refund of £42.00 is on its way to your card.\n",
             "42.00"),
            ("Stornierung Ihrer Bestellung 7712",
             "Hallo,\n\nIhre Bestellung 7712 (Kaffeevollautomat Modell 3) wurde auf Ihren Wunsch storniert. Der Betrag von 449,00 € wird Ihnen in 3 Tagen erstattet.\n",
             "449.00"),
            ("Annulation de votre commande 5521",
             "Bonjour,\n\nVotre commande 5521 a bien été annulée comme vous l'aviez demandé hier soir. Le remboursement de 64,90 € sera visible sous 5 jours.\n",
             "64.90"),
        ]
        for (subject, plain, refund) in cases {
            let order = try #require(extractor.extract(message(subject: subject, plain: plain), vendor: nil, category: .orders))
            #expect(order.status == .cancelled)
            #expect(order.total?.decimalString == refund)
        }
        // An item's line whose last sentence names a charge stays an item's line.
        let line = TextLine("2 uds. Marcapáginas de cuero grabado   13,90 €")
        #expect(OrderSummary(lines: [line], resolver: CurrencyResolver(domain: "libreria.es")).lines.isEmpty)
    }

    @Test("'Amount' alone in a receipt's fields is what was paid")
    func amountField() throws {
        let html = """
            <p>We received your payment.</p>
            <table><tr><td>Plan</td><td>Premium plan</td></tr><tr><td>Period</td><td>1 Mar 2026 - 31 Mar 2026</td></tr>
            <tr><td>Amount</td><td>€17.99</td></tr><tr><td>Payment method</td><td>VISA •••• 1234</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your receipt", html: html, from: "info@stream-example.com"), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "17.99")
        #expect(SummaryLabel.kind(of: "Amount") == .total)
    }

    @Test("support mail telling of a return received or a refund made gives the order it names; support mail citing an order gives none (French, English, Spanish)")
    func supportRefunds() throws {
        let refunds: [(String, String, String, String)] = [
            ("Votre remboursement - commande 55-1200", "Bonjour,\n\nNous avons bien reçu votre retour de la commande 55-1200.\n\nMontant remboursé : 29,90 €\n", "55-1200", "29.90"),
            ("Your refund for order #UK-7781", "Hi,\n\nWe've received your return for order #UK-7781 and refunded it.\n\nRefund amount: £14.50\n", "UK-7781", "14.50"),
            ("Reembolso de tu pedido 40012377", "Hola,\n\nHemos recibido tu devolución del pedido 40012377.\n\nImporte reembolsado: 45,90 €\n", "40012377", "45.90"),
        ]
        for (subject, plain, number, amount) in refunds {
            let order = try #require(extractor.extract(message(subject: subject, plain: plain), vendor: nil, category: .support), "\(subject)")
            #expect(order.number == number)
            #expect(order.status == .refunded || order.status == .returned)
            #expect(order.refunded?.decimalString == amount)
        }
        let questions = [
            ("Re: question sur la commande 55-1200", "Bonjour,\n\nMerci pour votre message au sujet de la commande 55-1200. Nous revenons vers vous sous 48 heures.\n"),
            ("Your request about order #UK-7781", "Hi,\n\nThanks for getting in touch about order #UK-7781. An agent will reply shortly.\n"),
            ("Tu consulta sobre el pedido 40012377", "Hola,\n\nHemos recibido tu consulta sobre el pedido 40012377. Te responderemos pronto.\n"),
        ]
        for (subject, plain) in questions {
            #expect(extractor.extract(message(subject: subject, plain: plain), vendor: nil, category: .support) == nil, "\(subject)")
        }
    }
}
