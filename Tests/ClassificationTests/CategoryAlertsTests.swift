import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Documents put in the person's space, meter readings, prescriptions ready, watched items back
/// or at their price, replies from support, repair cases, activity summaries, listings for a
/// saved search and review requests, in the seven languages (rules only: the model is left out).
@Suite("Category alerts, readings and replies")
struct CategoryAlertsTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String = "Orvane <noreply@orvane.example>", subject: String, list: Bool = false,
                  body: String = "Bonjour,\n\nTout est dans votre application.\n") -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://orvane.example/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("a document put in the person's space is the account's, whatever notice word opens the subject", arguments: [
        "Aviso: hay un documento nuevo en su carpeta de la sede", "Avis : un document a été déposé dans votre espace",
        "Neuer Bescheid in Ihrem elektronischen Postfach", "Il referto è disponibile: nuovo documento nel tuo fascicolo",
        "Notice: a new letter has been added to your online account", "Melding: er staat een document in je berichtenbox",
        "Powiadomienie: nowy dokument w Twoim koncie",
    ])
    func documentInSpace(subject: String) {
        #expect(classify(subject: subject).category == .account, "\(classify(subject: subject).explanation)")
    }

    @Test("a meter reading asked for or announced is a notice", arguments: [
        "Passage du releveur pour votre compteur d'eau le 12 mars", "Time to send us your meter reading",
        "Bitte teilen Sie uns Ihren Zählerstand mit", "Lectura de su contador: visita el 3 de abril",
        "È il momento dell'autolettura del contatore", "Geef uw meterstanden vóór 1 mei door",
        "Odczyt licznika gazu: 14 marca",
    ])
    func meterReading(subject: String) {
        #expect(classify(subject: subject).category == .notifications, "\(classify(subject: subject).explanation)")
    }

    @Test("a bill that gives its meter reading is the bill", arguments: [
        "Votre facture d'eau : relevé de compteur du 12 mars", "Your bill is based on a meter reading of 4 March",
        "Ihre Abrechnung nach Zählerstand vom 1. März",
    ])
    func billWithReading(subject: String) {
        #expect(classify(subject: subject).category == .orders, "\(classify(subject: subject).explanation)")
    }

    @Test("a disputed reading is a claim, not a reading notice")
    func disputedReading() {
        let result = classify(subject: "Re: Contestation du relevé de compteur de février")
        #expect(result.category == .support, "\(result.explanation)")
    }

    @Test("a prescription made up for collection is a health notice, not an order", arguments: [
        "Votre ordonnance est prête", "Your prescription is ready to collect", "Ihr Rezept liegt zur Abholung bereit",
        "Su receta está lista para recoger", "La tua ricetta è pronta in farmacia", "Uw herhaalrecept ligt klaar om op te halen",
        "Twoje leki są gotowe do odbioru",
    ])
    func prescriptionReady(subject: String) {
        let result = classify(from: "Pharmacie du Cloître <contact@pharmacie-cloitre.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("an item the person waited for, back in stock, is an alert; a parcel they wait for is their order")
    func backInStock() {
        let back = classify(subject: "Elle est de retour : lampe Halo taille M",
                            body: "Bonne nouvelle !\n\nLa lampe que vous attendiez est de nouveau disponible en taille M.\n")
        #expect(back.category == .notifications, "\(back.explanation)")
        let english = classify(subject: "It's back: the Ridge fleece",
                               body: "Hi,\n\nThe fleece you were waiting for is back in stock in your size.\n")
        #expect(english.category == .notifications, "\(english.explanation)")
        let parcel = classify(subject: "Votre colis arrive demain",
                              body: "Bonjour,\n\nLe colis que vous attendiez est en route.\n")
        #expect(parcel.category == .orders, "\(parcel.explanation)")
    }

    @Test("a watched item at the price the person asked for is an alert, even with list headers", arguments: [
        "Le produit que vous surveillez a atteint votre prix souhaité : 212 €.",
        "The headphones you are watching dropped below your target price.",
        "Der Artikel, den Sie beobachten, hat Ihren Wunschpreis erreicht.",
        "El artículo que sigues ha alcanzado tu precio deseado.",
        "Il prodotto che segui ha raggiunto il tuo prezzo desiderato.",
        "Het product dat je volgt heeft je gewenste prijs bereikt.",
        "Produkt, który obserwujesz, osiągnął cenę docelową.",
    ])
    func priceAlert(body: String) {
        let result = classify(from: "Comparo <info@comparo.example>", subject: "Casque XZ-20 : 212 €", list: true, body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("people or artists one follows make a digest, not an alert", arguments: [
        "Les nouveautés des artistes que vous suivez cette semaine.", "Le novità dei creatori che segui.",
    ])
    func followedDigest(body: String) {
        let result = classify(from: "Sonorama <hello@sonorama.example>", subject: "Cette semaine chez Sonorama", list: true, body: body)
        #expect(result.category == .newsletters, "\(result.explanation)")
    }

    @Test("a reply from support waiting for the person is support", arguments: [
        "You have a new reply from Fernhill support", "Marta replied to your chat about a card payment",
        "Nouvelle réponse à votre demande", "Neue Antwort vom Kundenservice", "Nueva respuesta a tu consulta",
        "Nuova risposta alla tua richiesta", "Nieuw antwoord van de klantenservice", "Nowa odpowiedź na Twoje zgłoszenie",
    ])
    func supportReply(subject: String) {
        #expect(classify(subject: subject).category == .support, "\(classify(subject: subject).explanation)")
    }

    @Test("a repair case is support; repair as a campaign's theme is not")
    func repair() {
        for subject in ["Repair update: your boots are with our cobbler", "Repair status: device received", "Your kettle has been repaired"] {
            #expect(classify(subject: subject).category == .support, "\(classify(subject: subject).explanation)")
        }
        let campaign = classify(from: "Fjellwear <news@fjellwear.example>", subject: "Repair is the new buy", list: true)
        #expect(campaign.category != .support, "\(campaign.explanation)")
    }

    @Test("a summary of the person's activity is a notice, in every language", arguments: [
        "Your monthly Velora activity", "Résumé de votre activité d'octobre", "Ihre Aktivitätsübersicht für Oktober",
        "Resumen de tu actividad en octubre", "Riepilogo della tua attività", "Overzicht van je activiteit in oktober",
        "Podsumowanie aktywności w aplikacji",
    ])
    func activitySummary(subject: String) {
        #expect(classify(subject: subject, list: true).category == .notifications, "\(classify(subject: subject, list: true).explanation)")
    }

    @Test("new listings for a saved search are a notice", arguments: [
        "4 nuovi annunci per la tua ricerca \"Torino, trilocale\"", "Nuevos anuncios para tu búsqueda en Valencia",
        "Nieuwe woningen voor je zoekopdracht in Utrecht",
    ])
    func listings(subject: String) {
        #expect(classify(subject: subject, list: true).category == .notifications, "\(classify(subject: subject, list: true).explanation)")
    }

    @Test("a request to review what was bought is a notice", arguments: ["Bewerten Sie Ihre gekauften Artikel", "Valuta i tuoi acquisti"])
    func reviewRequest(subject: String) {
        #expect(classify(subject: subject, list: true).category == .notifications, "\(classify(subject: subject, list: true).explanation)")
    }
}
