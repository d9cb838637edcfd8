import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Items back in stock and favourites available named in the subject, an item the person asked
/// the shop to watch, review requests told by their text, an invoice handed over attached, a
/// list's thanks to those who ordered, and a release that is no notice by itself, in the seven
/// languages (rules only: the model is left out).
@Suite("Category followed items, review requests, attached invoices and a list's thanks")
struct CategoryFollowedTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String = "Vellum Records <shop@vellum-records.example>", subject: String, list: Bool = true,
                  body: String = "Hello,\n\nSee it on the site.\n") -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://vellum-records.example/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("an item back in stock named in the subject is an alert, with list headers", arguments: [
        "Back in stock: Harbour Lights - Tidal (blue vinyl)", "De retour en stock : théière Kyusu 35 cl",
        "Wieder verfügbar: Wanderschuh Alpspitz Gr. 41", "De nuevo en stock: cafetera Moka 6 tazas",
        "Di nuovo disponibile: zaino Dolomia 28 L", "Weer op voorraad: regenjas Noorderlicht maat M",
        "Ponownie dostępny: czajnik Corvo 1,7 l",
    ])
    func backInStockSubject(subject: String) {
        let result = classify(subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("something the person made a favourite or saved, available now, is an alert", arguments: [
        "Your favourite bakery has 2 bags available tonight", "Votre boulangerie favorite a des paniers disponibles ce soir",
        "Deine Lieblingsbäckerei hat heute Tüten verfügbar", "Tu panadería favorita tiene bolsas disponibles hoy",
        "Il tuo negozio preferito ha borse disponibili stasera", "Je favoriete bakkerij heeft vandaag tassen beschikbaar",
        "Twoja ulubiona piekarnia ma dziś dostępne paczki",
    ])
    func favouriteAvailable(subject: String) {
        let result = classify(from: "Restlos <noreply@restlos.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("new arrivals or a sale of favourite brands make no availability alert", arguments: [
        "New arrivals from your favourite brands", "Vos marques favorites à -30 % ce week-end",
    ])
    func favouriteBrandsPromotion(subject: String) {
        let result = classify(from: "Maison Orvane <news@orvane.example>", subject: subject)
        #expect(!result.explanation.contains { $0.contains("personal-activity") }, "\(result.explanation)")
    }

    @Test("the text saying the person asked the shop to watch the item is an alert's", arguments: [
        "Good news!\n\nA record you asked us to watch is in the shop again.\n",
        "Bonne nouvelle !\n\nLe disque que vous nous avez demandé de surveiller est arrivé.\n",
        "Gute Nachricht!\n\nDie Platte, die Sie uns zu beobachten gebeten haben, ist da.\n",
        "¡Buenas noticias!\n\nEl disco que nos pediste vigilar ha llegado.\n",
        "Buone notizie!\n\nIl disco che ci hai chiesto di monitorare è arrivato.\n",
        "Goed nieuws!\n\nDe plaat die je ons vroeg in de gaten te houden is er.\n",
        "Dobra wiadomość!\n\nPłyta, którą prosiłeś nas obserwować, jest już w sklepie.\n",
    ])
    func askedToWatch(body: String) {
        let result = classify(subject: "Marisol Quartet - Lantern Songs (LP)", body: body)
        #expect(result.explanation.contains { $0.contains("alert-body") }, "\(result.explanation)")
    }

    @Test("a text asking what the person thought of what they bought is a review request", arguments: [
        "Bonjour,\n\nVous avez récemment acheté la lampe Orsa. Qu'en avez-vous pensé ?\n",
        "Hi,\n\nYou recently bought the Orsa lamp. What did you think?\n",
        "Hallo,\n\nSie haben kürzlich die Lampe Orsa gekauft. Wie gefällt es Ihnen?\n",
        "Hola,\n\nHas comprado la lámpara Orsa. ¿Qué te ha parecido?\n",
        "Ciao,\n\nhai acquistato la lampada Orsa. Cosa ne pensi?\n",
        "Hoi,\n\nJe hebt onlangs de Orsa-lamp gekocht. Wat vond je ervan?\n",
        "Cześć,\n\nkupiłaś lampę Orsa. Jak ci się podoba?\n",
        "Hi,\n\nYour review helps other customers choose well.\n",
        "Hoi,\n\nJouw review helpt andere klanten kiezen.\n",
    ])
    func reviewRequestBody(body: String) {
        let result = classify(from: "Lumenhaus <noreply@lumenhaus.example>", subject: "Lampe Orsa 40 cm?", list: false,
                              body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("an invoice handed over attached is the bill, even when the subject calls it a statement", arguments: [
        "Madame,\n\nVous trouverez ci-joint votre facture annuelle de frais.\n",
        "Dear customer,\n\nPlease find attached your annual fee invoice.\n",
        "Guten Tag,\n\nanbei erhalten Sie Ihre Rechnung über die Kontogebühren.\n",
        "Estimada clienta:\n\nLe adjuntamos su factura de comisiones anual.\n",
        "Gentile cliente,\n\nin allegato trova la sua fattura delle commissioni.\n",
        "Beste klant,\n\nIn de bijlage vindt u uw factuur van de kosten.\n",
        "Szanowna Pani,\n\nw załączniku przesyłamy fakturę za opłaty.\n",
    ])
    func invoiceAttached(body: String) {
        let result = classify(from: "Banque Orvane <ne-pas-repondre@banque-orvane.example>",
                              subject: "Relevé de frais annuel 2026", list: false, body: body)
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("thanks to whoever ordered, from a list, is the list's, whatever the subject says of orders", arguments: [
        "Hello,\n\nThank you if you ordered one of our bowls last month.\n\nOpen studio on Saturday.\n",
        "Bonjour,\n\nMerci à celles et ceux qui ont commandé un bol le mois dernier.\n\nPortes ouvertes samedi.\n",
        "Hallo,\n\nDanke an alle, die letzten Monat eine Schale bestellt haben.\n\nTag der offenen Tür am Samstag.\n",
        "Hola,\n\nGracias a todos los que habéis pedido un cuenco.\n\nJornada de puertas abiertas el sábado.\n",
        "Ciao,\n\ngrazie a tutti quelli che hanno ordinato una ciotola.\n\nOpen day sabato.\n",
        "Hoi,\n\nBedankt aan iedereen die vorige maand een kom heeft besteld.\n\nOpen atelier op zaterdag.\n",
        "Cześć,\n\ndziękujemy wszystkim, którzy zamówili miskę.\n\nDzień otwarty w sobotę.\n",
    ])
    func listThanksBuyers(body: String) {
        let result = classify(from: "Atelier Kerdu <hello@kerdu.example>",
                              subject: "Open studio on Saturday - and thank you for your order", body: body)
        #expect(result.category == .newsletters, "\(result.explanation)")
    }

    @Test("a receipt's own thanks stays the order's")
    func receiptThanks() {
        let result = classify(from: "Atelier Kerdu <orders@kerdu.example>", subject: "Thank you for your order #40121",
                              list: false, body: "Hello,\n\nThank you for your order. Total: €42.00\n")
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("a new release from an artist is no notice by itself; a post or a video is")
    func releaseIsNoNotice() {
        let release = classify(subject: "New release from Marisol Quartet")
        #expect(!release.explanation.contains { $0.contains("notification-subject") }, "\(release.explanation)")
        let video = classify(subject: "New video from Marisol Quartet")
        #expect(video.category == .notifications, "\(video.explanation)")
    }
}
