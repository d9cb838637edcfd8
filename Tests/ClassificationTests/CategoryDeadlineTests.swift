import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// An item the person asked the shop to watch, back in stock, said in the text under a subject
/// that names no stock; a call to order before a date or a holiday, from a list, in the seven
/// languages (rules only: the model is left out).
@Suite("Category watched items back in stock and calls to order before a date")
struct CategoryDeadlineTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String = "Fjellvik Outdoor <noreply@fjellvik.example>", subject: String, list: Bool = true,
                  body: String) -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://fjellvik.example/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("the item the person asked the shop to watch, back in stock, is an alert with list headers", arguments: [
        "Hello Maya,\n\nThe boots you asked us to track are back in stock in size 39.\n",
        "Bonjour,\n\nLa veste que vous nous avez demandé de surveiller est de nouveau disponible en taille L.\n",
        "Hallo,\n\nDer Rucksack, den Sie uns zu beobachten gebeten haben, ist wieder lieferbar.\n",
        "Hola,\n\nLa chaqueta que nos pediste vigilar vuelve a estar disponible en tu talla.\n",
        "Ciao,\n\nla giacca che ci hai chiesto di monitorare è di nuovo disponibile nella tua taglia.\n",
        "Hoi,\n\nDe jas die je ons vroeg in de gaten te houden is weer op voorraad in maat M.\n",
        "Cześć,\n\nkurtka, którą prosiłeś nas obserwować, jest ponownie dostępna w rozmiarze M.\n",
    ])
    func watchedItemBack(body: String) {
        let result = classify(subject: "Good news about the Skarven jacket", body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
        #expect(result.explanation.contains { $0.contains("back-in-stock-body") }, "\(result.explanation)")
    }

    @Test("a call to order before a date or a holiday, from a list, is the list's", arguments: [
        ("Winter hampers are here (order by 16 December)", "Order by 16 December for delivery before Christmas.\n"),
        ("Nos coffrets de Noël (votre commande avant le 14/12)", "Passez votre commande avant le 14 décembre pour une livraison à Noël.\n"),
        ("Weihnachtsgebäck: bestellen Sie bis zum 15.12.", "Bestellen Sie bis zum 15. Dezember, dann kommt alles rechtzeitig an.\n"),
        ("Cestas de Navidad: pide antes del 15 de diciembre", "Pide antes del 15 de diciembre y lo recibirás a tiempo.\n"),
        ("Panettone artigianale: ordina entro il 15 dicembre", "Ordina entro il 15 dicembre per riceverlo prima di Natale.\n"),
        ("Kerstpakketten: bestel voor 15 december", "Bestel voor 15 december, dan is alles er op tijd.\n"),
        ("Świąteczne pierniki: zamów do 15 grudnia", "Zamów do 15 grudnia, a paczka dotrze przed świętami.\n"),
    ])
    func orderByDeadline(subject: String, text: String) {
        let result = classify(from: "Maison Arvel <boutique@arvel.example>", subject: subject,
                              body: "Hello,\n\nOur seasonal boxes are ready.\n\n" + text)
        #expect(result.category == .newsletters, "\(result.explanation)")
        #expect(result.explanation.contains { $0.contains("order-by-deadline") }, "\(result.explanation)")
    }

    @Test("an order placed stays the order's")
    func orderPlaced() {
        let result = classify(from: "Maison Arvel <boutique@arvel.example>", subject: "Votre commande n° 40121 est confirmée",
                              list: false, body: "Bonjour,\n\nMerci pour votre commande. Total : 42,00 €\n")
        #expect(result.category == .orders, "\(result.explanation)")
    }
}
