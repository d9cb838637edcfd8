import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Renewals and debits to come, new messages in a secure mailbox, a data allowance used up,
/// new offers for a quoted search, a bank card on its way and a customer service's answer
/// about a meter reading, in the seven languages (rules only: the model is left out).
@Suite("Category reminders, secure mailboxes and search alerts")
struct CategoryRemindersTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String, subject: String, list: Bool = false,
                  body: String = "Bonjour,\n\nMerci.\n") -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://lumio.example/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("a subscription that will renew is a reminder, even when the subject names the plan", arguments: [
        "Votre abonnement Lumio Max sera renouvelé le 3 avril", "Your Lumio Pro plan renews soon",
        "Your membership will automatically renew on 12 May", "Ihr Lumio-Abo verlängert sich am 1. Juni",
        "Tu suscripción a Lumio se renovará el 9 de mayo", "Il tuo abbonamento Lumio si rinnoverà il 2 maggio",
        "Je Lumio-abonnement wordt binnenkort verlengd", "Twoja subskrypcja Lumio zostanie automatycznie odnowiona",
    ])
    func renewalReminder(subject: String) {
        let result = classify(from: "Lumio <billing@lumio.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a renewal done and paid stays the order's", arguments: [
        "Votre abonnement a été renouvelé avec succès", "Your subscription has been renewed",
    ])
    func renewalDone(subject: String) {
        let result = classify(from: "Lumio <billing@lumio.example>", subject: subject)
        #expect(!result.explanation.contains { $0.contains("renewal-reminder") }, "\(result.explanation)")
    }

    @Test("a bank's debit to come, said in the future, is a notice of the account's movements", arguments: [
        ("BNP Paribas <info@bnpparibas.com>", "Un prélèvement sera présenté sur votre compte"),
        ("Monzo <hello@monzo.com>", "A direct debit will be taken from your account on Friday"),
        ("Commerzbank <info@commerzbank.de>", "Eine Lastschrift wird Ihrem Konto in Kürze belastet"),
        ("BBVA <avisos@bbva.es>", "Próximo recibo domiciliado: se cargará el 5 de junio"),
        ("Intesa Sanpaolo <avvisi@intesasanpaolo.com>", "Un addebito SDD verrà addebitato sul tuo conto"),
        ("Rabobank <info@rabobank.nl>", "Een incasso wordt binnenkort afgeschreven"),
        ("mBank <powiadomienia@mbank.pl>", "Polecenie zapłaty zostanie pobrane z Twojego rachunku"),
    ])
    func debitToCome(from: String, subject: String) {
        let result = classify(from: from, subject: subject)
        #expect(result.vendor?.sector == .bank, "\(result.explanation)")
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("money moving on the account does not make the subject the account's", arguments: [
        "Un virement sera crédité sur votre compte", "A payment was made from your account",
    ])
    func movementIsNotAccount(subject: String) {
        let result = classify(from: "Banque Orme <info@banque-orme.example>", subject: subject)
        #expect(!result.explanation.contains { $0.contains("account-subject") }, "\(result.explanation)")
    }

    @Test("the text saying a new message waits in the secure mailbox makes the notice, whatever the subject", arguments: [
        "Bonjour,\n\nVous avez un nouveau message dans votre messagerie sécurisée. Connectez-vous pour le lire.\n",
        "Hello,\n\nYou have a new secure message in your inbox. Log in to read it.\n",
        "Guten Tag,\n\nSie haben eine neue Nachricht im Kundenportal. Bitte melden Sie sich an.\n",
        "Hola,\n\nTienes un nuevo mensaje en tu buzón. Accede a la app para leerlo.\n",
        "Ciao,\n\nhai ricevuto un nuovo messaggio nella tua area riservata.\n",
        "Beste klant,\n\nU heeft een nieuw bericht in uw berichtenbox. Log in om het te lezen.\n",
        "Dzień dobry,\n\nmasz nową wiadomość w Twojej skrzynce w bankowości internetowej.\n",
    ])
    func secureMessage(body: String) {
        let result = classify(from: "Banque Orme <avis@banque-orme.example>", subject: "Nouveau document dans votre boîte", body: body)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a document said to be in the secure mailbox stays the account's")
    func documentInMailbox() {
        let result = classify(from: "Banque Orme <avis@banque-orme.example>", subject: "Nouveau document disponible",
                              body: "Bonjour,\n\nUn nouveau document est disponible dans votre espace : relevé de mars.\n")
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("a data allowance used up or almost is a usage notice", arguments: [
        "Votre forfait data est bientôt épuisé", "Your data allowance is almost used up",
        "Ihr Datenvolumen ist fast aufgebraucht", "Tus datos están a punto de agotarse",
        "Giga quasi finiti: il tuo traffico dati è in esaurimento", "Je databundel is bijna op",
        "Twój pakiet danych się kończy",
    ])
    func dataAllowance(subject: String) {
        let result = classify(from: "Ondine Mobile <noreply@ondine-mobile.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("new offers or ads for a quoted search are an alert, even with an offer's word and list headers", arguments: [
        "4 nouvelles offres pour « Menuisier » à Nantes", "3 new jobs for \"Data analyst\" in Leeds",
        "Neue Stellen für „Buchhalter“ in Köln", "Nuevas ofertas para «Enfermera» en Sevilla",
        "Nuove offerte per \"Cuoco\" a Torino", "Nieuwe vacatures voor \"Verpleegkundige\" in Utrecht",
        "Nowe oferty dla „Magazynier” w Poznaniu",
    ])
    func searchAlert(subject: String) {
        let result = classify(from: "Kariera Plus <jobs@kariera-plus.example>", subject: subject, list: true)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a promotion's new offers, with no quoted search, are no alert")
    func promotionIsNoAlert() {
        let result = classify(from: "Maison Orvane <news@orvane.example>", subject: "Nouvelles offres pour l'hiver : -30 %", list: true)
        #expect(result.category == .newsletters, "\(result.explanation)")
    }

    @Test("a bank card dispatched is the account's, not a parcel", arguments: [
        ("Monzo <hello@monzo.com>", "Your new Monzo debit card is on its way"),
        ("Monzo <hello@monzo.com>", "We've dispatched your replacement card"),
        ("BNP Paribas <info@bnpparibas.com>", "Votre nouvelle carte Visa est en route"),
        ("N26 <noreply@n26.com>", "Deine neue Karte ist unterwegs"),
    ])
    func cardDispatched(from: String, subject: String) {
        let result = classify(from: from, subject: subject)
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("a customer service's answer to the person's request about a meter reading is support", arguments: [
        "Votre demande concernant l'index de votre compteur", "Your query about your meter reading",
        "Ihre Anfrage zu Ihrem Zählerstand", "Tu consulta sobre la lectura de tu contador",
        "La tua segnalazione sull'autolettura del contatore", "Je vraag over je meterstand",
        "Twoje zgłoszenie dotyczące odczytu licznika",
    ])
    func meterReadingAnswer(subject: String) {
        let result = classify(from: "Énergie Vive Service Clients <service-clients@energie-vive.example>", subject: subject)
        #expect(result.category == .support, "\(result.explanation)")
    }

    @Test("a meter reading asked from the customer service's mailbox stays a notice")
    func meterReadingAsked() {
        let result = classify(from: "Énergie Vive Service Clients <service-clients@energie-vive.example>",
                              subject: "Transmettez-nous l'index de votre compteur")
        #expect(result.category == .notifications, "\(result.explanation)")
    }
}
