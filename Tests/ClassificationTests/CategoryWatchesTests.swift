import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Price alerts named in the subject or the text, a watched item's price fallen, documents a
/// professional shared or added to the person's space, things due soon and meter readings asked
/// from a customer service's mailbox, in the seven languages (rules only: the model is left out).
@Suite("Category watches, shared documents and due dates")
struct CategoryWatchesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String = "Comparo <alerts@comparo.example>", subject: String, list: Bool = true,
                  body: String = "Bonjour,\n\nVoir l'offre sur le site.\n") -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://comparo.example/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("a price alert named in the subject is a notice, even with a promotion's word and list headers", arguments: [
        "Alerte prix : la perceuse Ryobi R18 est maintenant à 89 €", "Price alert: Sony WH-1000XM5 now £249",
        "Preisalarm: Makita DHP482 jetzt für 119 €", "Alerta de precio: Garmin Forerunner 265 ahora 299 €",
        "Avviso di prezzo: Dyson V12 ora a 449 €", "Prijsalert: Philips Airfryer XXL nu € 179",
        "Alert cenowy: Lenovo IdeaPad 5 teraz 2 899 zł",
    ])
    func priceAlertSubject(subject: String) {
        let result = classify(subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("one item's price fallen, with its new price, is an alert's news", arguments: [
        "Baisse de prix : aspirateur Rowenta X-Force à 199 €", "Price drop: Kobo Clara now €129.99",
        "Preis gesunken: Bosch Akkuschrauber für 89,90 €", "Ha bajado de precio: zapatillas Trail 3 por 74 €",
        "Prezzo sceso: macchina Lavazza a 129 €", "Prijsdaling: Sonos Era 100 voor € 219",
        "Cena spadła! Odkurzacz Xiaomi S10 już od 999 zł",
    ])
    func priceDrop(subject: String) {
        let result = classify(subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a sale's fallen prices, in percentages or 'up to', make no alert", arguments: [
        "Baisse de prix jusqu'à -40 % sur le jardin", "Price drop: up to 50% off summer styles",
        "Cena spadła nawet o 30% na całą elektronikę",
    ])
    func saleIsNoAlert(subject: String) {
        let result = classify(from: "Maison Orvane <news@orvane.example>", subject: subject)
        #expect(!result.explanation.contains { $0.contains("price-drop") }, "\(result.explanation)")
    }

    @Test("the text naming the person's own price alert makes the alert", arguments: [
        "Cześć,\n\nprodukt z Twojego alertu cenowego jest tańszy.\n",
        "Bonjour,\n\nle produit de votre alerte prix est moins cher.\n",
        "Hallo,\n\nfür deinen Preiswecker gibt es ein neues Angebot.\n",
        "Hola,\n\nel producto de tu alerta de precio ha bajado.\n",
        "Ciao,\n\nil prodotto del tuo avviso di prezzo costa meno.\n",
        "Hoi,\n\nhet product van je prijsalert is goedkoper.\n",
    ])
    func priceAlertBody(body: String) {
        let result = classify(subject: "Mikser KitchenAid Artisan 1 899 zł", body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a professional sharing a document with the person is a document in their space", arguments: [
        "Dr Paul Lemaire a partagé un document avec vous", "Dr Anna Weber hat Ihnen ein neues Dokument bereitgestellt",
        "La Dra. Ruiz ha compartido un documento contigo", "Il dott. Bassi ha condiviso un documento con te",
        "Dr. Jansen heeft een document met u gedeeld", "Dr Nowak udostępnił Ci nowy dokument",
        "Dr Grey shared a new document with you",
    ])
    func professionalShared(subject: String) {
        let result = classify(from: "Doctolib <no-reply@doctolib.fr>", subject: subject, list: false,
                              body: "Bonjour,\n\nConnectez-vous pour le consulter.\n")
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("sharing in a collaboration tool stays its activity")
    func collaborationShare() {
        let result = classify(from: "Dropbox <no-reply@dropbox.com>", subject: "Marc Petit a partagé un document avec vous", list: false,
                              body: "Bonjour,\n\nMarc Petit vous invite à consulter « Budget vacances ».\n")
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a text saying a document was added to the person's space is the account's, in any sector", arguments: [
        "Bonjour,\n\nVotre notaire a déposé un document dans votre espace client.\n",
        "Hello,\n\nYour accountant uploaded a new document to your portal.\n",
        "Guten Tag,\n\nIhre Hausverwaltung hat ein neues Dokument in Ihr Kundenportal gestellt.\n",
    ])
    func documentAddedBody(body: String) {
        let result = classify(from: "Cabinet Orvane <noreply@orvane.example>", subject: "Information", list: false, body: body)
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("a task, a card or a loan due soon is a notice; a bill due is not", arguments: [
        ("Card due soon: \"Book the venue\"", true), ("Task due tomorrow: quarterly review", true),
        ("Devoir à rendre demain : exposé d'histoire", true), ("Aufgabe morgen fällig: Steuerunterlagen", true),
        ("Tu préstamo vence mañana en la biblioteca", true), ("Il prestito scade domani", true),
        ("Inleverdatum nadert: De Avond", true), ("Termin zwrotu mija jutro", true),
        ("Your invoice is due tomorrow", false), ("Rechnung morgen fällig", false),
    ])
    func dueSoon(subject: String, notice: Bool) {
        let result = classify(from: "Orvane <noreply@orvane.example>", subject: subject, list: false,
                              body: "Hello,\n\nOpen the app for details.\n")
        #expect((result.category == .notifications) == notice, "\(result.explanation)")
    }

    @Test("a meter reading asked from the customer service's mailbox is still a notice", arguments: [
        ("Stadtwerke Orvane <kundenservice@stadtwerke-orvane.example>", "Bitte teilen Sie uns Ihren Zählerstand mit"),
        ("Orvane Énergie <service-client@orvane-energie.example>", "Relevé de votre compteur : transmettez votre index"),
        ("Orvane Energy <customerservice@orvane-energy.example>", "Please send us your meter reading"),
    ])
    func meterReadingFromService(from: String, subject: String) {
        let result = classify(from: from, subject: subject, list: false, body: "Hello,\n\nThank you.\n")
        #expect(result.category == .notifications, "\(result.explanation)")
    }
}
