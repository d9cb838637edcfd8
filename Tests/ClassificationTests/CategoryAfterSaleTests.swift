import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// A problem with an order told in the text, refunds made, trains cancelled, review invitations
/// and satisfaction surveys, certificates made available (rules only: the model is left out).
@Suite("Category after sale and disruptions")
struct CategoryAfterSaleTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String, subject: String, body: String = "Hello,\n\nMore inside.\n") -> Classification {
        classifier.classify(mail(["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"], body: body))
    }

    @Test("the vendor answering about a missing, damaged or cold item is after-sale service, even under \"your order\"", arguments: [
        ("À propos de ta commande chez Le Wok d'Or", "Désolés : les nems étaient manquants dans ta commande d'hier. On t'a recrédité 4,50 €."),
        ("About your order from Green Bowl", "We're sorry your salad arrived cold. We've added £3.20 to your account."),
        ("Deine Bestellung bei Pasta Fina", "Es tut uns leid, dass die Lasagne kalt ankam. Wir haben dir 5 € gutgeschrieben."),
        ("Respuesta a tu problema con el pedido", "Sentimos que tu pedido llegó frío. Te hemos devuelto 6,00 € en tu cuenta."),
        ("Il tuo ordine da Sushi Go", "Ci dispiace che il dolce mancava nel tuo ordine. Ti abbiamo rimborsato 3,50 €."),
        ("Je bestelling bij Frituur Sam", "Sorry dat de saus ontbrak in je bestelling. We hebben € 1,50 teruggestort."),
    ])
    func problemToldInText(subject: String, body: String) {
        let result = classify(from: "Bitefast Support <support@bitefast.example>", subject: subject, body: body)
        #expect(result.category == .support, "\(result.explanation)")
    }

    @Test("a refund made is order mail, whatever the text says of the damaged item", arguments: [
        "Your refund for order 44120 has been processed", "Votre remboursement a été effectué",
        "Ihre Erstattung wurde veranlasst", "Tu reembolso ha sido procesado", "Il tuo rimborso è stato effettuato",
        "Je terugbetaling is verwerkt", "Zwrot środków został zrealizowany",
    ])
    func refundMade(subject: String) {
        let result = classify(from: "Savonnerie Lune <customercare@savonnerie-lune.example>", subject: subject,
                              body: "We're sorry the soap arrived damaged. The amount is back on your card.")
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("a train, a bus or a flight cancelled or late is a notice, in every language", arguments: [
        "Je trein van 07:42 naar Antwerpen is afgeschaft", "Dein Zug nach Köln fällt aus",
        "Il treno delle 9:10 per Bologna è stato soppresso", "Tu tren a Valencia ha sido cancelado",
        "Your train to Leeds has been cancelled", "Pociąg do Gdańska odwołany", "Votre vol pour Nice est annulé",
    ])
    func journeyCancelled(subject: String) {
        let result = classify(from: "Rail Info <noreply@rail.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("an invitation to review what was bought, or a satisfaction survey of a delivery, is a notice", arguments: [
        ("How did your order from Willow and Thread Studio turn out?", "Your order should have arrived by now."),
        ("Stonewashed linen tablecloth, sage", "Leave a review to help other shoppers find what they love."),
        ("Enquête de satisfaction sur votre livraison", "Notez votre livraison en quelques clics."),
        ("Ihre Meinung zählt: Kundenumfrage", "Wie zufrieden waren Sie mit der Zustellung?"),
        ("Encuesta de satisfacción de tu entrega", "Cuéntanos qué te pareció."),
    ])
    func reviewAndSurvey(subject: String, body: String) {
        let result = classify(from: "Willow and Thread <hello@willowandthread.example>", subject: subject, body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a survey of a support conversation stays support")
    func supportSurvey() {
        let result = classify(from: "Willow and Thread <hello@willowandthread.example>",
                              subject: "Enquête de satisfaction : comment s'est passé votre échange avec le service client ?")
        #expect(result.category == .support, "\(result.explanation)")
    }

    // The sender's domain is under a government suffix: an administration's.
    @Test("a certificate an administration made available is the person's file, not a notice", arguments: [
        "Certificazione Unica 2026 disponibile", "Votre attestation fiscale est disponible",
        "Ihre Lohnsteuerbescheinigung ist verfügbar", "Your tax statement for 2025 is available",
    ])
    func certificateAvailable(subject: String) {
        let result = classify(from: "Servizio <noreply@previdenza.gov.it>", subject: subject)
        #expect(result.category == .account, "\(result.explanation)")
    }
}
