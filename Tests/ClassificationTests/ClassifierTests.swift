import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

/// Builds a message from header lines and a body, the way it arrives.
func mail(_ headers: [String], body: String = "Bonjour,\n\nMerci.\n") -> Message {
    MessageParser.parse(Data((headers.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8))
}

@Suite("Classifier")
struct ClassifierTests {
    /// The shipped rules without the category model: these tests state what the rules decide
    /// on short messages; `CategoryModelTests` tests the model and how the two are weighed.
    static let rules: RuleSet = {
        var rules = shippedRules
        rules.categoryModel = nil
        return rules
    }()
    /// The shipped rules, category model included.
    static let shippedRules: RuleSet = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        return try! RulesLoader.load(folders: [root])
    }()
    let classifier = Classifier(rules: rules)

    @Test("a DKIM signature aligned with From names the vendor")
    func aligned() {
        let result = classifier.classify(mail([
            "Authentication-Results: mx.example.net; dkim=pass header.d=amazon.fr header.s=a1; spf=pass smtp.mailfrom=amazon.fr",
            "From: Amazon.fr <commande@amazon.fr>", "Subject: Votre commande est confirmée", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
        ]))
        #expect(result.vendor?.id == VendorID("amazon"))
        #expect(result.vendor?.domain == "amazon.fr")
        #expect(result.explanation.contains { $0.contains("aligned with From") })
        #expect(result.category == .orders)
    }

    @Test("a sending platform's signature never names the vendor: From does")
    func platformSigned() {
        let result = classifier.classify(mail([
            "Authentication-Results: mx.example.net; dkim=pass header.d=sendgrid.net header.s=s1",
            "DKIM-Signature: v=1; a=rsa-sha256; d=sendgrid.net; s=s1; bh=x; b=y",
            "From: Fnac <offres@emailing.fnac.com>", "Subject: -30 % sur les casques", "List-Unsubscribe: <https://emailing.fnac.com/u>",
        ]))
        #expect(result.vendor?.id == VendorID("fnac"))
        #expect(result.vendor?.domain == "fnac.com")
        #expect(result.explanation.contains { $0.contains("names the sending platform") })
        #expect(result.category == .newsletters)
    }

    @Test("mail sent from a platform's domain names the vendor by its display name, without department or legal words",
          arguments: [
              ("Decathlon Service Client <decathlonfr@zendesk.com>", "decathlon", "Decathlon", true),
              ("\"Notion Labs, Inc.\" <invoice+statements@stripe.com>", "notion", "Notion", true),
              ("Atelier Brun Support <help@atelierbrun.freshdesk.com>", "atelier-brun", "Atelier Brun", false),
              ("Maison Lumière SAS <mailer@shopify.com>", "maison-lumiere", "Maison Lumière", false),
              ("Shopify <billing@shopify.com>", "shopify", "Shopify", true),
              ("NHS App <noreply@notifications.service.gov.uk>", "nhs", "NHS", true),
          ])
    func platformDisplayName(from: String, id: String, name: String, known: Bool) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Your receipt"]))
        #expect(result.vendor?.id == VendorID(id))
        #expect(result.vendor?.name == name)
        #expect(result.vendor?.known == known)
    }

    @Test("a vendor's country domains are one vendor", arguments: ["amazon.co.uk", "amazon.de", "amazon.com", "marketplace.amazon.es"])
    func countryDomains(host: String) {
        let result = classifier.classify(mail(["From: Amazon <shipment-tracking@\(host)>", "Subject: Your order has shipped"]))
        #expect(result.vendor?.id == VendorID("amazon"))
        #expect(result.vendor?.sector == .retail)
    }

    @Test("an unknown sender becomes a vendor named from its registrable domain")
    func unknownVendor() {
        let result = classifier.classify(mail(["From: Boutique <contact@mail.la-boutique-du-the.fr>", "Subject: Votre commande n° 1042 est expédiée"]))
        #expect(result.vendor == IdentifiedVendor(id: VendorID("la-boutique-du-the-fr"), name: "la-boutique-du-the.fr",
                                                  domain: "la-boutique-du-the.fr", sector: nil, known: false))
        #expect(result.category == .orders)
    }

    @Test("an unknown sender's display name that spells its domain names the vendor; the id stays the domain's", arguments: [
        ("La Boutique du Thé <contact@mail.la-boutique-du-the.fr>", "La Boutique du Thé"),
        ("Service client LA BOUTIQUE DU THE <contact@la-boutique-du-the.fr>", "LA BOUTIQUE DU THE"),
        ("Boutique <contact@la-boutique-du-the.fr>", "la-boutique-du-the.fr"),
        ("Thé <contact@la-boutique-du-the.fr>", "la-boutique-du-the.fr"),
    ])
    func unknownVendorSpelledByDisplayName(from: String, name: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Votre commande n° 1042 est expédiée"]))
        #expect(result.vendor?.id == VendorID("la-boutique-du-the-fr"))
        #expect(result.vendor?.name == name)
        #expect(result.explanation.contains { $0.contains("not in the catalog") })
    }

    @Test("mail sent from a platform's domain: a Reply-To at the business's own domain names the vendor", arguments: [
        ("Plausible Insights OÜ <invoice+statements@stripe.com>", "hello@plausible.io", "plausible-io", "Plausible", "plausible.io", false),
        ("Facturation <invoice+statements@stripe.com>", "service@fnac.com", "fnac", "Fnac", "fnac.com", true),
        // A reply address at a webmail or at the platform itself says nothing: the display name names it.
        ("Café Lune <receipts@sumup.com>", "cafe.lune.paris@gmail.com", "cafe-lune", "Café Lune", "sumup.com", false),
        ("Atelier Brun Support <help@atelierbrun.freshdesk.com>", "support@freshdesk.com", "atelier-brun", "Atelier Brun", "freshdesk.com", false),
    ])
    func platformReplyTo(from: String, replyTo: String, id: String, name: String, domain: String, known: Bool) {
        let result = classifier.classify(mail(["From: \(from)", "Reply-To: \(replyTo)", "Subject: Your receipt #2281-4410"]))
        #expect(result.vendor?.id == VendorID(id))
        #expect(result.vendor?.name == name)
        #expect(result.vendor?.domain == domain)
        #expect(result.vendor?.known == known)
    }

    @Test("names taken from the sender: linking words, a platform after 'via', a shop writing from a webmail address", arguments: [
        (["From: Mairie de Saint-Brévin <noreply@mairie-saint-brevin.fr>"], "Mairie de Saint-Brévin", "mairie-saint-brevin-fr"),
        (["From: Bistrot Ocre via SumUp <no-reply@sumup.com>"], "Bistrot Ocre", "bistrot-ocre"),
        (["From: Poterie Sable <poterie.sable@gmail.com>", "List-Unsubscribe: <https://lists.example/u/9>"], "Poterie Sable", "poterie-sable"),
    ])
    func namesFromSender(headers: [String], name: String, id: String) {
        let result = classifier.classify(mail(headers + ["Subject: Merci pour votre commande"]))
        #expect(result.vendor?.name == name, "\(result.explanation)")
        #expect(result.vendor?.id == VendorID(id))
    }

    @Test("a look-alike domain never takes a catalog vendor's id")
    func lookAlikeDomain() {
        let result = classifier.classify(mail(["From: Amazon <alerte@amazon-securite.example>", "Subject: Votre compte"]))
        #expect(result.vendor?.id != VendorID("amazon"))
        #expect(result.vendor?.known == false)
    }

    @Test("people writing from mailbox providers have no vendor", arguments: [
        ["From: Claire Martin <claire.martin@gmail.com>", "Subject: Dîner samedi ?"],
        ["From: Jean Dupont <jean.dupont@orange.fr>", "Subject: Re: photos", "In-Reply-To: <a@b>"],
        ["From: \"Lukas Weber\" <lukas.weber@gmx.de>", "Subject: Wanderung am Sonntag"],
        ["From: Julien Lefèvre <julien@atelier-lefevre.fr>", "Subject: Félicitations !", "User-Agent: Mozilla Thunderbird"],
    ])
    func personal(headers: [String]) {
        let result = classifier.classify(mail(headers))
        #expect(result.vendor == nil)
        #expect(result.category == .personal)
    }

    @Test("a mailbox provider that is also a vendor writes as itself", arguments: [
        "From: Orange <no-reply@orange.fr>", "From: Freebox <freebox-abonnes@free.fr>",
    ])
    func providerAsVendor(from: String) {
        let result = classifier.classify(mail([from, "Subject: Votre facture est disponible"]))
        #expect(result.vendor != nil)
        #expect(result.category == .orders)
    }

    @Test("a receipt that carries List-Unsubscribe is still an order; the same vendor's promotion is a newsletter")
    func listUnsubscribeOnOrders() {
        let headers = ["From: Fnac <ne-pas-repondre@fnac.com>", "List-Unsubscribe: <https://www.fnac.com/u>",
                       "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
        let order = classifier.classify(mail(headers + ["Subject: Confirmation de votre commande n° 4F7Q2"],
                                             body: "Numéro de commande : 4F7Q2\nMontant total : 129,99 €\n"))
        let promo = classifier.classify(mail(headers + ["Subject: Jusqu'à -40 % sur les ordinateurs portables"],
                                             body: "Découvrez nos offres.\nSe désabonner\n"))
        #expect(order.category == .orders)
        #expect(promo.category == .newsletters)
        #expect(order.vendor?.id == promo.vendor?.id)
    }

    @Test("subjects in seven languages", arguments: [
        ("Votre mot de passe a été modifié", Category.account),
        ("Your password was changed", .account),
        ("Ihr Passwort wurde geändert", .account),
        ("Tu contraseña ha cambiado", .account),
        ("Nuovo accesso al tuo account", .account),
        ("Je wachtwoord is gewijzigd", .account),
        ("Twoje hasło zostało zmienione", .account),
        ("Confirmation de votre commande", .orders),
        ("Your order has been dispatched", .orders),
        ("Ihre Bestellung ist unterwegs", .orders),
        ("Confirmación de tu pedido", .orders),
        ("Conferma del tuo ordine", .orders),
        ("Bevestiging van je bestelling", .orders),
        ("Potwierdzenie zamówienia", .orders),
        ("Réponse à votre demande n° 58214", .support),
        ("Update on your request #4471", .support),
        ("Ihre Anfrage beim Kundenservice", .support),
        ("Soldes : -50 % sur tout le site", .newsletters),
        ("Black Friday deals: save 40%", .newsletters),
        ("Rappel : votre rendez-vous demain", .notifications),
        ("Reminder: your appointment tomorrow", .notifications),
    ])
    func languages(subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Boutique <service@boutique.example>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("near misses: a quota level is no discount, a survey about a support case is support, a vendor's reply in a thread is support",
          arguments: [
              ("Votre espace de stockage est plein à 95 %", "alertes@cloud.example", Category.notifications),
              ("Your mailbox is 80% full", "no-reply@cloud.example", .notifications),
              ("Save 30% on annual plans", "news@cloud.example", .newsletters),
              ("Rate your recent conversation with our support team", "support@cloud.example", .support),
              ("Votre avis sur votre échange avec le service client", "contact@boutique.example", .support),
              ("Rate your order from Boutique", "no-reply@boutique.example", .notifications),
              ("Re: Remboursement de ma commande annulée", "support@boutique.example", .support),
          ])
    func nearMisses(subject: String, sender: String, expected: Category) {
        let result = classifier.classify(mail(["From: Boutique <\(sender)>", "Subject: \(subject)",
                                               "List-Unsubscribe: <https://boutique.example/u>"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("one delivery header alone makes no newsletter; with marketing words it does")
    func deliveryHeaderAlone() {
        let headers = ["From: Ville de Brenne <info@brenne.example>", "Feedback-ID: 42:brenne:esp"]
        let notice = classifier.classify(mail(headers + ["Subject: Fermeture de la piscine municipale lundi"],
                                              body: "La piscine sera fermée lundi.\n"))
        let promo = classifier.classify(mail(headers + ["Subject: Nos bons plans de l'été"], body: "Découvrez nos offres.\n"))
        #expect(notice.category == .notifications, "\(notice.explanation)")
        #expect(notice.explanation.contains { $0.contains("alone is no sign of marketing") })
        #expect(promo.category == .newsletters)
    }

    @Test("the after-sale, account and disruption vocabulary of several languages", arguments: [
        ("Votre bordereau de retour est prêt", Category.support),
        ("Przyjęliśmy Twój zwrot nr 5521", .support),
        ("Ihre Schadenmeldung ist bei uns eingegangen", .support),
        ("Apertura sinistro auto", .support),
        ("Your backup email was changed", .account),
        ("Vos résultats sont disponibles", .account),
        ("Has iniciado sesión desde un nuevo móvil", .account),
        ("Grève du 12 : trafic perturbé sur la ligne B", .notifications),
        ("Warnstreik am Donnerstag", .notifications),
        ("Ihre Stromabrechnung ist da", .orders),
        ("Rechargement de votre abonnement confirmé", .orders),
    ])
    func afterSaleAndDisruptions(subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Service <contact@service.example>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("the person's own activity, saved searches and followed people are notices, list footer or not", arguments: [
        ("Your weekly running summary", Category.notifications),
        ("Prices dropped on 2 items you saved", .notifications),
        ("5 new jobs matching data analyst in Lille", .notifications),
        ("Marta finished a ride near you", .notifications),
        ("Your workshop starts in 2 hours", .notifications),
        ("4 nouvelles annonces correspondent à votre recherche", .notifications),
        ("Dein Wochenrückblick ist da", .notifications),
        ("Nuevas ofertas de empleo para ti", .notifications),
        ("Nowe oferty pracy w Twojej okolicy", .notifications),
        ("Nouveau décompte de remboursements dans votre espace", .account),
        ("Our spring sale is on: up to 40% off", .newsletters),
    ])
    func personalActivity(subject: String, expected: Category) {
        let result = classifier.classify(mail([
            "From: Service <info@service.example>", "Subject: \(subject)",
            "List-Unsubscribe: <https://service.example/u/1>",
        ], body: "Hello,\n\nUnsubscribe from these emails.\n"))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("activity, deadline and price-change notices keep their category through a list footer", arguments: [
        ("New video from Atelier Brisk: restoring a 1962 lathe", Category.notifications),
        ("Project update #4: tooling is done", .notifications),
        ("Your profile was viewed by 6 people", .notifications),
        ("Deux personnes ont ajouté ton annonce à leurs favoris", .notifications),
        ("Your essay is due on Friday", .notifications),
        ("Les tarifs de votre contrat évoluent au 1er mars", .notifications),
        ("Opération planifiée sur votre serveur dédié", .notifications),
        ("Alerte sécurité : connexion depuis un nouvel appareil", .account),
        ("Bitte bestätigen Sie Ihre E-Mail-Adresse", .account),
        ("Deine Telefonnummer wurde geändert", .account),
        ("Conferma il tuo indirizzo email", .account),
        ("Confirma tu nuevo correo", .account),
        ("Zmiana adresu e-mail w serwisie", .account),
        ("Produit manquant dans votre livraison", .support),
        ("Beschädigte Ware erhalten", .support),
        ("Articolo mancante nel pacco", .support),
        ("Tes billets pour le concert du 14", .orders),
        ("Your money is on its way to Olga", .notifications),
        ("Deine Abholung im Markt ist bereit", .orders),
        ("Wir haben deine Anfrage erhalten", .support),
        ("Hemos recibido tu consulta", .support),
        ("Änderung Ihrer Zugverbindung am Freitag", .notifications),
        ("Hai modificato il tuo PIN", .account),
    ])
    func noticesThroughListFooters(subject: String, expected: Category) {
        let result = classifier.classify(mail([
            "From: Service <info@service.example>", "Subject: \(subject)",
            "List-Unsubscribe: <https://service.example/u/1>",
        ], body: "Bonjour,\n\nPour ne plus recevoir ces messages, désinscrivez-vous.\n"))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("bookings of a service, donations, paid renewals and payment reminders are order mail; card and plan events are account", arguments: [
        ("Votre rendez-vous au garage est confirmé", Category.orders),
        ("Terminbestätigung: Zahnarztpraxis am 4. Mai", .orders),
        ("Cita confirmada para el 3 de junio", .orders),
        ("Rappel : votre rendez-vous de demain", .notifications),
        ("Merci pour votre don à l'association", .orders),
        ("Thanks for backing Folding Kayak Mk2", .orders),
        ("Your subscription was successfully renewed", .orders),
        ("Zahlungserinnerung zur Rechnung 2026-118", .orders),
        ("Sollecito di pagamento", .orders),
        ("Your invoice is overdue", .orders),
        ("Votre carte a été mise en opposition", .account),
        ("Ihr Vertrag wurde verlängert", .account),
        ("Your membership has been paused", .account),
        ("Accesso effettuato da un nuovo browser", .account),
        ("This week's highlights from the community", .newsletters),
    ])
    func bookingsDonationsAndReminders(subject: String, expected: Category) {
        let result = classifier.classify(mail(["From: Service <contact@service.example>", "Subject: \(subject)"]))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("under a subject that says nothing, the body decides", arguments: [
        ("Le mot de passe de votre espace a été modifié ce matin.", Category.account),
        ("We noticed an unusual sign-in from a new browser.", .account),
        ("Voici votre reçu pour votre commande chez Pizzeria Nona. Total 21,50 €.", .orders),
        ("Ihr Paket wurde an den Versanddienstleister übergeben. Sendungsnummer 00340434.", .orders),
        ("Commande KB-880412, retrait jeudi en boutique.\nTotal débité : 18,40 €", .orders),
        ("Order 4471093 will be ready for collection on Friday.", .orders),
        ("Our order of service for Sunday: 10 am, the choir; 11 am, the talks.", .notifications),
    ])
    func bodyDecides(body: String, expected: Category) {
        let result = classifier.classify(mail(["From: Service <contact@service.example>", "Subject: Information"], body: body))
        #expect(result.category == expected, "\(body): \(result.explanation.joined(separator: " | "))")
    }

    @Test("a supplier's statement, a subscription box being prepared, a status before a colon and e-tickets are order mail", arguments: [
        ("Your new Brightwatt Energy statement", "hello@brightwatt.example", true),
        ("Your March statement", "hello@brightwatt.example", true),
        ("Votre box d'avril est en préparation", "bonjour@boxdegout.example", true),
        ("Deine Box wird gerade gepackt", "hallo@boxdegout.example", true),
        ("Il tuo box è in preparazione", "ciao@boxdegout.example", true),
        ("Ta box de la semaine est confirmée", "bonjour@boxdegout.example", true),
        ("Your veggie box for Thursday is confirmed", "hello@boxdegout.example", true),
        ("Deine Box für KW 48 ist bestätigt", "hallo@boxdegout.example", true),
        ("Je box voor vrijdag is bevestigd", "hallo@boxdegout.example", true),
        ("Your monthly statement is available", "hello@americanexpress.com", false),
        ("Delivered: Cast iron skillet & 1 more item", "help@shop.example", true),
        ("Shipped: Garden hose reel", "help@shop.example", true),
        ("Je e-tickets voor 12-05-2025", "noreply@trein.example", true),
        ("Shop.example - order 4410022 accepted", "info@shop.example", true),
    ])
    func statementsAndBoxes(subject: String, sender: String, isOrder: Bool) {
        let result = classifier.classify(mail(["From: Service <\(sender)>", "Subject: \(subject)"]))
        #expect((result.category == .orders) == isOrder, "\(subject): \(result.explanation.joined(separator: " | "))")
    }

    @Test("every decision names the rule and file that made it")
    func explanation() {
        let result = classifier.classify(mail(["From: Shop <orders@shop.example>", "Subject: Your receipt from Shop"]))
        #expect(result.explanation.contains { $0.contains("Rules/categories.yaml:") && $0.contains("order-subject") })
        #expect(result.confidence > 0.5)
    }

    @Test("a message with no sender and no subject is not classified")
    func nothingToClassify() {
        let result = classifier.classify(MessageParser.parse(Data([0x00, 0xff, 0x13, 0x37])))
        #expect(result.category == nil)
        #expect(result.vendor == nil)
    }

    // ARCHITECTURE: returns are support (the return's life, up to "received"), a cancellation
    // and a refund are order mail.
    @Test("a return, requested or received, is support; a confirmed cancellation is order mail", arguments: [
        ("Hemos recibido tu devolución", "support"), ("Your return has been received", "support"), ("Retoure eingegangen", "support"),
        ("Reso ricevuto - ordine 5512", "support"), ("Je retour is ontvangen", "support"), ("Zwrot przyjęty", "support"),
        ("Nous avons bien reçu votre retour", "support"), ("Your return request", "support"), ("Votre demande de retour", "support"),
        ("Stornierungsbestätigung", "orders"), ("Cancellation confirmed for order 4471", "orders"), ("Anulowanie zamówienia 4471", "orders"),
        ("Annullamento ordine 4471", "orders"),
    ])
    func settledReturns(subject: String, category: String) {
        let result = classifier.classify(mail(["From: Boutique <service@boutique-exemple.fr>", "Subject: \(subject)"]))
        #expect(result.category?.rawValue == category, "\(subject)")
    }
}

