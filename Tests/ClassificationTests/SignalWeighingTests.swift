import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

/// How the signals of one message are weighed against each other: signals that read one fact
/// count once, the sender's address says little next to what the mail says.
@Suite("Signal weighing")
struct SignalWeighingTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    /// Category rules read from YAML text, as `Rules/categories.yaml` is.
    static func categoryRules(_ text: String) -> (rules: [CategoryRule], problems: [String]) {
        var reader = YAMLReader(file: "categories.yaml")
        let rules = CategoryRule.readAll(text, reader: &reader)
        return (rules, reader.diagnostics.map { "\($0.line):\($0.column): \($0.message)" })
    }

    @Test("rules of one group count their strongest signal once")
    func groupCountsOnce() throws {
        let (list, problems) = Self.categoryRules("""
            rules:
              - id: welcome
                category: account
                weight: 4
                subject: ['\\bwelcome\\b']
              - id: unsubscribe-header
                category: newsletters
                group: bulk
                weight: 2
                headers: [list-unsubscribe]
              - id: list-header
                category: newsletters
                group: bulk
                weight: 1.5
                headers: [list-id]
              - id: unsubscribe-footer
                category: newsletters
                group: bulk
                weight: 3
                body: ['\\bunsubscribe\\b']
            """)
        #expect(problems.isEmpty, "\(problems)")
        let classifier = Classifier(rules: RuleSet(categoryRules: list))
        // Summed, the three bulk signals (2 + 1.5 + 3/2) would beat the welcome (4); counted once, 2 does not.
        let result = classifier.classify(mail([
            "From: Cordée <bonjour@cordee.example>", "Subject: Welcome to Cordée",
            "List-Unsubscribe: <https://cordee.example/u>", "List-Id: <members.cordee.example>",
        ], body: "Glad to have you.\nUnsubscribe\n"))
        #expect(result.category == .account, "\(result.explanation)")
        #expect(result.explanation.contains { $0.contains("list-header") && $0.contains("not counted") })
        #expect(!result.explanation.contains { $0.contains("unsubscribe-header") && $0.contains("not counted") })
        #expect(result.confidence == 4.0 / 6.0)
    }

    @Test("a group is one fact of one category: mixing categories is reported where it happens")
    func groupMixingCategories() {
        let (_, problems) = Self.categoryRules("""
            rules:
              - id: a
                category: newsletters
                group: bulk
                weight: 1
                headers: [list-id]
              - id: b
                category: notifications
                group: bulk
                weight: 1
                headers: [precedence]
            """)
        #expect(problems == ["7:5: group 'bulk' mixes categories: 'b' is notifications, 'a' is newsletters"])
    }

    @Test("list headers, an unsubscribe footer and a marketing subdomain do not outweigh a welcome or a card notice",
          arguments: [
              ("Bienvenue dans la communauté, Léa !", "hello@news.cordee.example", Category.account),
              ("Welcome aboard, Sam", "hallo@news.cordee.example", .account),
              ("Your password was changed", "hello@mail.cordee.example", .account),
              ("Les nouveautés de printemps sont arrivées", "newsletter@news.cordee.example", .newsletters),
              ("Spring edition: ten routes for April", "hello@news.cordee.example", .newsletters),
          ])
    func bulkSignalsCountOnce(subject: String, sender: String, expected: Category) {
        let result = classifier.classify(mail([
            "From: Cordée <\(sender)>", "Subject: \(subject)",
            "List-Unsubscribe: <https://cordee.example/u>", "List-Id: <members.cordee.example>", "Feedback-ID: 7:cordee:esp",
        ], body: "Bonjour,\n\nVoir la version en ligne.\nSe désabonner\n"))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a marketing mailbox outweighs a weak order word in a promotion's subject", arguments: [
        "Summer fares: train tickets from 19 €", "Treat yourself: 5 € off your order tonight",
    ])
    func marketingMailbox(subject: String) {
        let result = classifier.classify(mail([
            "From: Rail Bleu <newsletter@news.railbleu.example>", "Subject: \(subject)",
            "List-Unsubscribe: <https://railbleu.example/u>",
        ], body: "View this email in your browser\n"))
        #expect(result.category == .newsletters, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a team's mailbox replying in a thread is the company, not a person", arguments: [
        "Maison Ocre Customer Care <customercare@maison-ocre.example>",
        "Assurances Vallée – Sinistres <sinistres@assurances-vallee.example>",
        "Atelier Brun Service client <serviceclient@atelier-brun.example>",
    ])
    func teamMailboxInThread(from: String) {
        let result = classifier.classify(mail([
            "From: \(from)", "Subject: Re: votre dossier 24-5521", "In-Reply-To: <abc@example.net>",
            "User-Agent: Mozilla Thunderbird",
        ], body: "Bonjour,\n\nNous revenons vers vous au sujet de votre dossier.\n"))
        #expect(result.category != .personal, "\(from): \(result.explanation.joined(separator: " | "))")
        #expect(result.vendor != nil)
    }

    @Test("a person writing from their own domain with a mail client stays personal")
    func personOwnDomain() {
        let result = classifier.classify(mail([
            "From: Hélène Carrel <helene.carrel@carrel-architecte.example>", "Subject: Re: les plans", "In-Reply-To: <x@y>",
        ]))
        #expect(result.category == .personal)
    }
}

@Suite("Signal weighing: references and replies")
struct ReferencesAndRepliesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("an order's reference number in the subject is order mail, whoever's mailbox sends it", arguments: [
        "Summary of Order #2291746", "Bestellung Nr. 55120 – Übersicht", "Pedido nº 88231 – resumen", "Ordine n° 40021",
        "Zamówienie nr 771203", "Bestelling nummer 99102",
    ])
    func orderReference(subject: String) {
        let result = classifier.classify(mail(["From: Hostly <support@hostly.example>", "Subject: \(subject)"],
                                              body: "Hello,\n\nHere is a summary.\n"))
        #expect(result.category == .orders, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("'N° de commande' in the body outweighs a greeting mailbox")
    func orderNumberInBody() {
        let result = classifier.classify(mail(["From: Cordée <hello@cordee.example>", "Subject: C'est validé, merci Léa"],
                                              body: "Votre participation est enregistrée.\nN° de commande : CD-22817\nMontant : 30 €\n"))
        #expect(result.category == .orders, "\(result.explanation.joined(separator: " | "))")
    }

    @Test("a vendor's reply in a thread is support even when it quotes an order number", arguments: [
        "Re: Wrong colour delivered - Order #KD-88127", "RE: Commande n° 55120 incomplète", "AW: Bestellung Nr. 55120",
    ])
    func replyQuotingOrder(subject: String) {
        let result = classifier.classify(mail([
            "From: Kadoo <help@kadoo.example>", "Subject: \(subject)", "In-Reply-To: <q1@kadoo.example>",
        ], body: "Hi,\n\nThanks for your message about order number KD-88127. We are sorry.\n"))
        #expect(result.category == .support, "\(subject): \(result.explanation.joined(separator: " | "))")
    }
}

@Suite("Signal weighing: notices sent with list machinery")
struct NoticesThroughListMachineryTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    static let listHeaders = [
        "List-Unsubscribe: <https://lists.example/u/7>", "List-Id: <alerts.lists.example>", "Feedback-ID: 9:alerts:esp",
    ]

    @Test("a notice whose subject names only a place or a line: the body's disruption outweighs list headers and footer",
          arguments: [
              ("Médiathèque Jean-Vilar", "La médiathèque sera fermée du 3 au 10 mars en raison de travaux.\n"),
              ("Line 4: Saturday", "There will be no line 4 service on Saturday due to engineering works.\n"),
              ("S3 Hauptbahnhof", "Wegen Bauarbeiten fahren Ersatzbusse zwischen Pasing und Laim.\n"),
              ("Línea 2", "La estación permanecerá cerrada por obras hasta el lunes.\n"),
              ("Linea M1", "La stazione sarà chiusa per lavori di manutenzione.\n"),
              ("Lijn 17", "Wegens werkzaamheden rijden er geen trams tussen Centraal en Zuid.\n"),
              ("ul. Lipowa 4", "W dniu 12.04 nastąpi przerwa w dostawie wody.\n"),
          ])
    func disruptionInBody(subject: String, body: String) {
        let result = classifier.classify(mail(["From: Réseau Ouest <infos@reseau-ouest.example>", "Subject: \(subject)"]
            + Self.listHeaders, body: body + "\nSe désabonner / Unsubscribe\n"))
        #expect(result.category == .notifications, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("closures, replacement services and supply cuts named in the subject are notices", arguments: [
        "Fermeture exceptionnelle de la piscine le 14 juillet", "Planned closure: Riverside station", "Schienenersatzverkehr auf der S2",
        "Cierre temporal de la estación Sol", "Chiusura straordinaria dello sportello", "Vervangend vervoer tussen Utrecht en Gouda",
        "Planowane wyłączenie prądu na ul. Polnej", "Power cut planned in your street",
    ])
    func disruptionInSubject(subject: String) {
        let result = classifier.classify(mail(["From: Réseau Ouest <noreply@reseau-ouest.example>", "Subject: \(subject)"]
            + Self.listHeaders, body: "Bonjour,\n\nUnsubscribe\n"))
        #expect(result.category == .notifications, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("asking what the person thinks of something they bought is a notice, in seven languages", arguments: [
        "Que pensez-vous de votre aspirateur ?", "What do you think of your new kettle?", "How did your order turn out?",
        "Wie gefällt Ihnen Ihr neuer Toaster?", "¿Qué te parece tu nueva cafetera?", "Cosa ne pensi del tuo nuovo zaino?",
        "Wat vind je van je nieuwe fiets?", "Jak Ci się podoba Twój nowy czajnik?",
    ])
    func reviewRequests(subject: String) {
        let result = classifier.classify(mail(["From: Maison Ocre <service@maison-ocre.example>", "Subject: \(subject)"]
            + Self.listHeaders, body: "Bonjour,\n\nSe désabonner\n"))
        #expect(result.category == .notifications, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a review mailbox, a notice mailbox in another language and a group's new event are notices through list headers",
          arguments: [
              ("avis@maison-ocre.example", "Alors, ce fauteuil ?"), ("powiadomienia@siec.example", "Komunikat dla mieszkańców"),
              ("benachrichtigung@netz.example", "Information für Anwohner"), ("info@club.example", "New event: Board games evening"),
          ])
    func noticeMailboxes(sender: String, subject: String) {
        let result = classifier.classify(mail(["From: Service <\(sender)>", "Subject: \(subject)"] + Self.listHeaders,
                                              body: "Bonjour,\n\nSe désabonner\n"))
        #expect(result.category == .notifications, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a newsletter with the same list machinery stays a newsletter")
    func newsletterStays() {
        let result = classifier.classify(mail(["From: Réseau Ouest <newsletter@reseau-ouest.example>", "Subject: Nos idées de sorties en bus"]
            + Self.listHeaders, body: "Découvrez nos balades.\nSe désabonner\n"))
        #expect(result.category == .newsletters, "\(result.explanation.joined(separator: " | "))")
    }
}

@Suite("Signal weighing: policy grey zones")
struct PolicyGreyZonesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("an offer's 'évolution' is the vendor's announcement; a change the person made is account", arguments: [
        ("Évolution de votre forfait mobile au 1er octobre", Category.notifications),
        ("Information : évolution de votre contrat habitation", .notifications),
        ("Changement de votre forfait confirmé", .account),
        ("Modification de votre abonnement prise en compte", .account),
    ])
    func evolutionIsAnnounced(subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Opérateur <information@operateur.example>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("an insurer's refund is a statement of the person's account; a shop's or a pharmacy's refund is order mail", arguments: [
        ("harmonie-mutuelle.fr", "Un remboursement de 23,40 € vient d'être versé", Category.account),
        ("harmonie-mutuelle.fr", "Ihre Erstattung wurde überwiesen", .account),
        ("fnac.com", "Votre remboursement de 23,40 € a été effectué", .orders),
        ("1001pharmacies.com", "Votre remboursement de 23,40 € a été effectué", .orders),
    ])
    func healthRefunds(domain: String, subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Service <ne-pas-repondre@\(domain)>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a storage level is a notice, not a discount", arguments: [
        "Your mailbox is using 85% of its storage", "Votre compte utilise 92 % de votre espace", "Sie nutzen 90 % Ihres Speichers",
    ])
    func storageLevel(subject: String) {
        let result = classifier.classify(mail(["From: Mail <notifications@mail-host.example>", "Subject: \(subject)"]))
        #expect(result.category == .notifications, "\(subject): \(result.explanation.joined(separator: " | "))")
    }
}

@Suite("Signal weighing: account, after-sale and bill vocabulary across languages")
struct KindsAcrossLanguagesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("logins that happened, cards expiring, payment methods to update, plans updated: account", arguments: [
        "Er is zojuist ingelogd op uw account", "Sie haben sich mit Ihrem Konto eingeloggt", "Je betaalpas verloopt eind juni",
        "Please update your payment method", "Merci de mettre à jour votre moyen de paiement", "Actualiza tu método de pago",
        "Aggiorna il tuo metodo di pagamento", "Zaktualizuj metodę płatności", "Your Pro subscription has been updated",
        "Ya puedes consultar tus certificados",
    ])
    func accountEvents(subject: String) {
        let result = classifier.classify(mail(["From: Service <no-reply@service.example>", "Subject: \(subject)"]))
        #expect(result.category == .account, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("disputes and repair requests are after-sale service", arguments: [
        "We have resolved your dispute", "Hemos cerrado tu disputa", "Votre litige a été clôturé", "Je reparatieaanvraag is ontvangen",
        "Il tuo reclamo è stato chiuso",
    ])
    func afterSale(subject: String) {
        let result = classifier.classify(mail(["From: Service <no-reply@service.example>", "Subject: \(subject)"]))
        #expect(result.category == .support, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a dispute in the news is no dispute of the person's: an editorial letter stays a newsletter")
    func disputeInTheNews() {
        let result = classifier.classify(mail(["From: Le Quotidien <newsletter@lequotidien.example>",
                                               "Subject: The dispute over the river dam, and five other stories",
                                               "List-Unsubscribe: <https://lequotidien.example/u>"], body: "Unsubscribe\n"))
        #expect(result.category == .newsletters, "\(result.explanation.joined(separator: " | "))")
    }

    @Test("a reminder about one tax, rent or instalment bill is order mail; a deadline reminder is a notice", arguments: [
        ("Council tax reminder – account 5512", Category.orders), ("Rent reminder for April", .orders),
        ("Missed instalment on your plan", .orders), ("Reminder: tax return deadline on 31 January", .notifications),
    ])
    func billReminders(subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Borough <no-reply@borough.example>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }
}

@Suite("Signal weighing: Auto-Submitted")
struct AutoSubmittedTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    static func notice(_ autoSubmitted: String?) -> Message {
        mail(["From: Guichet <ne-pas-repondre@guichet.example>", "Subject: Votre démarche en ligne",
              "List-Unsubscribe: <https://guichet.example/u>", "List-Id: <avis.guichet.example>"]
             + (autoSubmitted.map { ["Auto-Submitted: \($0)"] } ?? []),
             body: "Bonjour,\n\nVotre démarche a changé de statut.\nSe désabonner\n")
    }

    @Test("a program's notice (Auto-Submitted) with list headers and footer is no newsletter")
    func autoGenerated() {
        let result = classifier.classify(Self.notice("auto-generated"))
        #expect(result.category == .notifications, "\(result.explanation.joined(separator: " | "))")
        #expect(!result.explanation.contains { $0.contains("list-unsubscribe") })
    }

    @Test("without Auto-Submitted, or with 'Auto-Submitted: no', the same list machinery counts", arguments: [nil, "no"])
    func notAutoGenerated(value: String?) {
        let result = classifier.classify(Self.notice(value))
        #expect(result.category == .newsletters, "\(result.explanation.joined(separator: " | "))")
    }

    @Test("except_headers is read from the rules file")
    func exceptHeadersKey() {
        let (list, problems) = SignalWeighingTests.categoryRules("""
            rules:
              - id: footer
                category: newsletters
                weight: 1
                headers: [list-id]
                except_headers: [Auto-Submitted, X-Auto-Response-Suppress]
            """)
        #expect(problems.isEmpty)
        #expect(list.first?.exceptHeaders == ["auto-submitted", "x-auto-response-suppress"])
    }
}

@Suite("Signal weighing: public bodies")
struct PublicBodiesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("a domain under a government suffix is a public administration's", arguments: [
        ("metro-nord.gov.uk", true), ("prefecture-33.gouv.fr", true), ("sede.gob.es", true), ("comune-x.gov.it", true),
        ("museum.example", false), ("gouv-shop.fr", false),
    ])
    func governmentSuffix(domain: String, isPublic: Bool) {
        #expect((PublicBodyDomain.sector(of: domain) == .administration) == isPublic)
    }

    @Test("a public body's notice with list headers and footer is no newsletter, known to the catalog or not", arguments: [
        "Info Ligne <lines@metro-nord.gov.uk>", "ANTS <noreply@ants.gouv.fr>",
    ])
    func publicNotice(from: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Riverside: Saturday 14",
                                               "List-Unsubscribe: <https://lists.example/u>", "List-Id: <x.lists.example>"],
                                              body: "Hello,\n\nUnsubscribe\n"))
        #expect(result.category == .notifications, "\(result.explanation.joined(separator: " | "))")
    }

    @Test("a public body's newsletter still says so")
    func publicNewsletter() {
        let result = classifier.classify(mail(["From: Ville <newsletter@ville-exemple.gouv.fr>", "Subject: La lettre d'information de juin",
                                               "List-Unsubscribe: <https://lists.example/u>"], body: "Se désabonner\n"))
        #expect(result.category == .newsletters, "\(result.explanation.joined(separator: " | "))")
    }
}

@Suite("Signal weighing: help desks")
struct HelpDeskTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("mail from a help desk's domain is a ticket conversation, whatever the mailbox and subject", arguments: [
        "Maison Ocre <maisonocre@zendesk.com>", "Maison Ocre <bonjour@maisonocre.freshdesk.com>", "Maison Ocre <hello@maisonocre.helpscout.net>",
    ])
    func helpDeskDomain(from: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Votre fauteuil Lina – mise à jour"],
                                              body: "Bonjour Léa,\n\nNous avons transmis les photos à l'atelier.\n"))
        #expect(result.category == .support, "\(from): \(result.explanation.joined(separator: " | "))")
        #expect(result.explanation.contains { $0.contains("helpdesk-platform") })
    }

    @Test("sender_domains is read lowercased and counts as a signal")
    func senderDomainsKey() {
        let (list, problems) = SignalWeighingTests.categoryRules("""
            rules:
              - id: desk
                category: support
                weight: 4
                sender_domains: [Zendesk.com]
            """)
        #expect(problems.isEmpty)
        #expect(list.first?.senderDomains == ["zendesk.com"])
    }
}
