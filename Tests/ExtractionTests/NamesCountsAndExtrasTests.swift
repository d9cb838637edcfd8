@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// The third round of line items: which line of a cell names the item (a brand's line above it,
/// a variant or a description under a name in capitals, an article number), where a count is
/// written (opening the name, after a position column, in a labelled cell beside a pack size),
/// lines that are no goods (a message card, gift packaging named in brackets), prices struck out,
/// and summary labels (goods' totals, the seller's refund verb). Each on a small invented mail.
@Suite("Names, counts and extras")
struct NamesCountsAndExtrasTests {
    let extractor = OrderExtractor()

    @Test("a brand's line over the name in the name cell of a table with a header")
    func brandOverNameUnderHeader() throws {
        let html = """
            <html><body><p>Commande n° PB-30127</p>
            <table><tr><td><b>Article</b></td><td><b>Qté</b></td><td><b>Prix</b></td></tr>
            <tr><td>LANCASTER<br>Huile solaire sèche SPF 30</td><td>1</td><td>24,50 €</td></tr>
            <tr><td>NUXE<br>Crème prodigieuse, boost</td><td>2</td><td>39,80 €</td></tr></table>
            <p>Total TTC : 64,30 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande PB-30127", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Huile solaire sèche SPF 30 @ 24.50", "2 × Crème prodigieuse, boost @ 19.90"])
    }

    @Test("a brand's line over the name in plain text, the item's details under the name")
    func brandOverNameInText() throws {
        let plain = """
            Danke für deine Bestellung 7730-118!

            Birkenstock
            ARIZONA - Pantolette
            Farbe: taupe · Größe: 38 · Menge: 1
            89,95 €

            Gesamtsumme: 89,95 €
            """
        let order = try #require(extractor.extract(message(subject: "Bestellung 7730-118", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × ARIZONA - Pantolette @ 89.95"])
    }

    @Test("a name in capitals over its variant, or over its description, stays the name")
    func capitalsOverVariantOrDescription() throws {
        let variants = """
            <html><body><p>Commande n°LB-55120</p>
            <table><tr><td><img src="a.jpg"></td><td><p>ROBE ALMA</p><p>Vert sauge – 36</p><p>1 x 145,00 €</p></td></tr>
            <tr><td><img src="b.jpg"></td><td><p>BOTTINES JUNE</p><p>Cognac</p><p>1 x 210,00 €</p></td></tr></table>
            <p>Total : 355,00 €</p></body></html>
            """
        let dressed = try #require(extractor.extract(message(subject: "Commande LB-55120", html: variants), vendor: nil, category: .orders))
        #expect(amounts(dressed) == ["1 × ROBE ALMA @ 145.00", "1 × BOTTINES JUNE @ 210.00"])

        let furniture = """
            <html><body><p>Numéro de commande : 4410-2291</p>
            <table><tr><td><img src="a.jpg"></td><td><b>HOLMA</b><br>Table basse, chêne, 90x55 cm<br>1 pièce</td><td>89,00 €</td></tr>
            <tr><td><img src="b.jpg"></td><td><b>SVALA</b><br>Suspension, noir<br>2 pièces</td><td>39,98 €</td></tr></table>
            <table><tr><td>Total</td><td>128,98 €</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande 4410-2291", html: furniture), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × HOLMA @ 89.00", "2 × SVALA @ 19.99"])
        #expect(TextItemReader.isDescriptionLine("Étagère, blanc, 77x77 cm"))
        #expect(!TextItemReader.isDescriptionLine("Masque tissu - Hydratant, grenade"))
        #expect(TextItemReader.isColourSizeLine("Bleu marine – M"))
        #expect(!TextItemReader.isColourSizeLine("Veste de pluie - Femme"))
    }

    @Test("an article number's cell is no name: the title row above names the item")
    func articleNumberRow() throws {
        let html = """
            <html><body><p>Auftragsnummer: 5512093</p>
            <table><tr><td colspan="3"><b>Kupferkessel 2 l, handgetrieben</b></td></tr>
            <tr><td>Art.-Nr. 33018</td><td>Anzahl 1</td><td>89,00 €</td></tr>
            <tr><td colspan="3"><b>Leinenschürze, naturfarben</b></td></tr>
            <tr><td>Art.-Nr. 40772</td><td>Anzahl 2</td><td>je 24,50 €</td></tr></table>
            <p>Rechnungsbetrag: 138,00 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Ihre Bestellung 5512093", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Kupferkessel 2 l, handgetrieben @ 89.00", "2 × Leinenschürze, naturfarben @ 24.50"])
        #expect(TextItemReader.isReferenceLine("Réf. 2045-B"))
        #expect(TextItemReader.isReferenceLine("SKU: TS-118"))
        #expect(!TextItemReader.isReferenceLine("Article : Bougie 200g"))
    }

    @Test("a count opening the name with the unit price and the line's total after it; a position column before the name")
    func openingCountsAndPositions() throws {
        let groceries = """
            Tu pedido 55017 llegará mañana.

            2 Tomate triturado 400 g              0,85   1,70
            1 Arroz redondo 1 kg                  1,45   1,45
            3 Agua mineral 1,5 L                  0,40   1,20

            Total                                        4,35 €
            """
        let order = try #require(extractor.extract(message(subject: "Pedido 55017", plain: groceries), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Tomate triturado 400 g @ 0.85", "1 × Arroz redondo 1 kg @ 1.45", "3 × Agua mineral 1,5 L @ 0.40"])

        let positions = """
            Bestellnummer: 8820

            Pos. Artikel                         Anzahl   Einzelpreis   Gesamt
            1    Earl Grey Blatt 250g               3        7,20 EUR   21,60 EUR
            2    Teekanne Gusseisen 0,8 l           1       39,00 EUR   39,00 EUR

            Gesamtbetrag:                     60,60 EUR
            """
        let numbered = try #require(extractor.extract(message(subject: "Bestellung 8820", plain: positions), vendor: nil, category: .orders))
        #expect(amounts(numbered) == ["3 × Earl Grey Blatt 250g @ 7.20", "1 × Teekanne Gusseisen 0,8 l @ 39.00"])
    }

    @Test("a labelled count cell wins over a pack size ending the name; a part's name under 'Pièce' beside a brand column")
    func labelledCountCellAndPartColumn() throws {
        let html = """
            <html><body><p>Commande n° 771203 prête demain</p>
            <table><tr><td>Mouchoirs extra doux x 10</td><td>Qté : 1</td><td>2,40 €</td></tr>
            <tr><td>Jus d'orange 1 L</td><td>Qté : 2</td><td>3,80 €</td></tr></table>
            <p>Total payé : 6,20 €</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande 771203", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Mouchoirs extra doux x 10 @ 2.40", "2 × Jus d'orange 1 L @ 1.90"])

        let parts = """
            <html><body><p>Votre commande 66120 est validée.</p>
            <table><tr><th>Pièce</th><th>Marque</th><th>Qté</th><th>Prix unitaire</th><th>Total</th></tr>
            <tr><td>Filtre à huile</td><td>MANN</td><td>1</td><td>9,90 €</td><td>9,90 €</td></tr>
            <tr><td>Bougie d'allumage</td><td>NGK</td><td>4</td><td>6,50 €</td><td>26,00 €</td></tr></table>
            <p>Total TTC : 35,90 €</p></body></html>
            """
        let repaired = try #require(extractor.extract(message(subject: "Commande 66120", html: parts), vendor: nil, category: .orders))
        #expect(amounts(repaired) == ["1 × Filtre à huile @ 9.90", "4 × Bougie d'allumage @ 6.50"])
    }

    @Test("a count against the unit price under the title, the line's total beside it; the charge after ends the items")
    func countEachTotalRows() throws {
        let html = """
            <html><body><p>Your order HB-2210 is confirmed.</p>
            <table><tr><td colspan="2"><b>Heather Honey 340g</b></td></tr><tr><td>3 x £8.50</td><td>£25.50</td></tr>
            <tr><td colspan="2"><b>Beeswax Candle, tall</b></td></tr><tr><td>1 x £12.00</td><td>£12.00</td></tr>
            <tr><td>Gift wrapping</td><td>£2.50</td></tr><tr><td>Royal Mail Tracked 48</td><td>£4.20</td></tr>
            <tr><td><b>Total paid</b></td><td>£44.20</td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order HB-2210", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Heather Honey 340g @ 8.50", "1 × Beeswax Candle, tall @ 12.00"])
    }

    @Test("a message card and gift packaging named in brackets are charges, in text and in a table")
    func messageCardsAndGiftPackaging() throws {
        let plain = """
            Merci pour votre commande FL-2290.

            Bouquet champêtre taille L ........ 48,00 €
            Carte message ..................... 3,00 €
            Livraison ......................... 8,00 €
            TOTAL ............................. 59,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande FL-2290", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Bouquet champêtre taille L @ 48.00"])

        let basket = """
            Bestellung 31-0457

              Lebkuchen Nürnberger Art 200 g     x 2     5,90 €    11,80 €
              Weidenkorb (Geschenkverpackung)    x 1     4,50 €     4,50 €

            Gesamt   16,30 €
            """
        let gifted = try #require(extractor.extract(message(subject: "Bestellung 31-0457", plain: basket), vendor: nil, category: .orders))
        #expect(amounts(gifted) == ["2 × Lebkuchen Nürnberger Art 200 g @ 5.90"])
        for label in ["Carte message", "Gift message card", "Tarjeta con mensaje", "Biglietto con messaggio", "Kartka z dedykacją"] {
            #expect(SummaryLabel.kind(of: label) == .fee, "\(label)")
        }
        #expect(SummaryLabel.kind(of: "Birthday card") == nil)
        #expect(SummaryLabel.kind(of: "Coffret bois (emballage cadeau)") == .fee)
    }

    @Test("a struck-out price before the price paid: in a line with the count, and alone under the name")
    func struckOutPrices() throws {
        let plain = """
            Merci pour votre commande n°88120.

            Savon au lait d'ânesse 100 g 2 x 4,50 € 9,00 €
            Baume lèvres miel 1 x 6,90 € 4,83 € 4,83 €

            Total : 13,83 €
            """
        let order = try #require(extractor.extract(message(subject: "Commande 88120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Savon au lait d'ânesse 100 g @ 4.50", "1 × Baume lèvres miel @ 4.83"])

        let blocks = """
            Nous avons bien reçu votre commande 55120.

            Lampe frontale 400 lumens
            Qté : 1

            29,99 €

            Couverture de survie
            Qté : 1

            4,99 € 3,99 €

            Sous-total 33,98 €
            Total TTC 33,98 €
            """
        let lit = try #require(extractor.extract(message(subject: "Commande 55120", plain: blocks), vendor: nil, category: .orders))
        #expect(amounts(lit) == ["1 × Lampe frontale 400 lumens @ 29.99", "1 × Couverture de survie @ 3.99"])
    }

    @Test("a dash between a count's segment and the price is no minus sign")
    func dashBeforePrice() throws {
        let plain = """
            Twoje zamówienie nr 77120 zostało wysłane.

            Zawartość paczki:
            Krem do rąk z mocznikiem 75 ml - 2 szt. - 12,99 zł/szt.
            Płyn micelarny do twarzy 400 ml - 1 szt. - 19,49 zł

            Wartość zamówienia: 45,47 zł
            Dostawa: 9,99 zł
            Razem: 55,46 zł
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie 77120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Krem do rąk z mocznikiem 75 ml @ 12.99", "1 × Płyn micelarny do twarzy 400 ml @ 19.49"])
        #expect(order.total?.decimalString == "55.46")
    }

    @Test("the goods' total is a subtotal; the seller's refund verb says what is refunded")
    func goodsTotalsAndRefundVerbs() {
        #expect(SummaryLabel.kind(of: "Totale merce") == .subtotal)
        #expect(SummaryLabel.kind(of: "Total marchandises") == .subtotal)
        #expect(SummaryLabel.kind(of: "Wartość zamówienia") == .subtotal)
        #expect(SummaryLabel.kind(of: "Nous vous remboursons") == .refund)
    }
}
