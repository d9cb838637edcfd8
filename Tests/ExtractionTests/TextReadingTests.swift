@testable import Extraction
import Foundation
import Testing

@Suite("Labels, dates and references")
struct TextReadingTests {
    @Test("summary labels in seven languages", arguments: [
        ("Total TTC", SummaryKind.total), ("Grand Total:", .total), ("Gesamtbetrag", .total), ("Importe total", .total),
        ("Montant TTC à payer", .total), ("Sous-total des articles", .subtotal), ("Item(s) Subtotal:", .subtotal),
        ("Zwischensumme", .subtotal), ("Total HT", .subtotal), ("Frais de port", .shipping), ("Versandkosten", .shipping),
        ("Gastos de envío", .shipping), ("dont TVA (20 %)", .tax), ("Estimated tax to be collected:", .tax), ("inkl. 19 % MwSt.", .tax),
        ("Code promo", .discount), ("Rabatt", .discount), ("Frais de service", .fee), ("Rider tip", .fee),
        ("Total remboursé", .refund), ("Montant qui vous sera remboursé", .refund),
    ])
    func labels(_ label: String, _ kind: SummaryKind) {
        #expect(SummaryLabel.kind(of: label) == kind, "\(label)")
    }

    @Test("product names are no labels", arguments: [
        "Lampe de bureau LED à intensité réglable, port USB, noir", "Offre SFR Fibre Power 2 Gb/s", "Reste à payer sur cette facture",
        "Votre prochain paiement de", "Hors forfait : SMS+ et services",
    ])
    func notLabels(_ text: String) {
        #expect(SummaryLabel.kind(of: text) == nil, "\(text)")
    }

    @Test("order references after their labels", arguments: [
        ("Order #113-5829041-7736245", "113-5829041-7736245"), ("Commande n° FR25CM0481736 du 05/04/2025", "FR25CM0481736"),
        ("Bestellnummer: 73014829173", "73014829173"), ("Localizador: 4JX9TQ", "4JX9TQ"),
        ("Numéro de confirmation : 4871 206 935   Code PIN : 6620", "4871 206 935"),
        ("Votre facture SFR Box n° F26010873152 du 08/01/2026", "F26010873152"), ("N° DE COMMANDE   MM7K2Q9TZL", "MM7K2Q9TZL"),
        ("Statement number\t77120934", "77120934"), ("[Order #5520] (March 3, 2025)", "5520"),
        ("Tu reserva ha sido confirmada    Reserva n.º 771-0042-9931", "771-0042-9931"), ("Factura N.º FV-2025-0192", "FV-2025-0192"),
    ])
    func references(_ line: String, _ number: String) {
        #expect(OrderNumberFinder.find(in: [line])?.number == number, "\(line)")
    }

    @Test("an order label beats an invoice label")
    func referenceRank() {
        let found = OrderNumberFinder.find(in: ["Facture n° FA25-0881273", "Vous avez retiré votre commande n° FR25CM0481736"])
        #expect(found?.number == "FR25CM0481736")
        #expect(OrderNumberFinder.find(in: ["Thank you for your order. We'll ship soon", "Order Total: $134.96"]) == nil)
    }

    @Test("dates as mail writes them", arguments: [
        ("19 sept. 2025", false, 2025, 9, 19), ("Friday, November 28, 2025", true, 2025, 11, 28), ("03.03.2025", false, 2025, 3, 3),
        ("05/04/2025", false, 2025, 4, 5), ("05/04/2025", true, 2025, 5, 4), ("2026-02-01", false, 2026, 2, 1),
        ("14. Oktober 2025", false, 2025, 10, 14), ("3 Mar 2026 22:26:05 GMT", false, 2026, 3, 3),
    ])
    func dates(_ text: String, _ monthFirst: Bool, _ year: Int, _ month: Int, _ day: Int) {
        #expect(DateText.find(in: text, monthFirst: monthFirst, reference: nil) == DateText.calendarDay(year: year, month: month, day: day), "\(text)")
    }

    @Test("ISO 8601 date-times with offsets")
    func iso() {
        #expect(DateText.iso("2026-03-14T09:12:30+01:00") == Date(timeIntervalSince1970: 1_773_475_950))
        #expect(DateText.iso("2025-05-10") == DateText.calendarDay(year: 2025, month: 5, day: 10))
        #expect(DateText.iso("not a date") == nil)
    }

    @Test("status from words", arguments: [
        ("Votre commande est expédiée", "", "shipped"), ("Your refund for your cancelled order", "", "refunded"),
        ("Votre facture ENGIE", "", "processing"), ("Your Amazon.com order #1", "We'll let you know once your item(s) have shipped.", "processing"),
        ("Livré : « Lampe »", "", "delivered"), ("Ihre Sendung ist unterwegs", "", "shipped"), ("EDF - Confirmation de votre paiement", "", "processing"),
        ("Annulation de votre commande", "", "cancelled"), ("Twoja przesyłka", "Paczka została dostarczona.", "delivered"),
        ("Hello", "See you soon", "none"),
        ("Your subscription order 2231 is confirmed", "Your box is on its way soon!", "processing"),
        ("Je bestelling komt binnenkort onderweg", "", "processing"),
        ("Tu pedido 88-120 ya está en camino", "", "shipped"), ("Deine Bestellung 4410 wurde versendet", "", "shipped"),
        ("Versandinfo", "Dein Paket hat soeben unser Lager verlassen.", "shipped"),
        ("Ihre Rechnung zur Lieferung vom 3.2.", "Ihre Bestellung wurde heute geliefert.", "delivered"),
        ("Trenord - Conferma acquisto abbonamento", "", "processing"), ("Update", "Je pakket is onderweg.", "shipped"),
    ])
    func status(_ subject: String, _ body: String, _ expected: String) {
        #expect((StatusDetector.status(subject: subject, body: body)?.rawValue ?? "none") == expected, "\(subject)")
    }
}
