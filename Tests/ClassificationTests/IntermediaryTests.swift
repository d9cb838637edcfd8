import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

/// Mail from platforms that sell, book or collect for businesses (`intermediary:` in a vendor file).
@Suite("Intermediary platforms")
struct IntermediaryTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("a business named in the display name is the vendor; its domain from Reply-To or from a link its name spells", arguments: [
        // The business's own Reply-To.
        (["From: Théâtre des Capucins via Weezevent <noreply@weezevent.com>", "Reply-To: billetterie@theatre-capucins.fr"],
         "Vos billets pour « Le Songe » sont prêts", "theatre-capucins-fr", "Théâtre des Capucins", "theatre-capucins.fr"),
        // No Reply-To: a link in the text at a domain the name spells.
        (["From: Salon Mirabelle <no-reply@planity.com>"],
         "Votre rendez-vous du 12 mars est confirmé.\nSalon Mirabelle, 4 rue Gambetta — https://www.salon-mirabelle.fr/acces\n",
         "salon-mirabelle-fr", "Salon Mirabelle", "salon-mirabelle.fr"),
        // Neither: named from the display name, on the platform's domain.
        (["From: Club de Voile de Léran via HelloAsso <contact@helloasso.com>"],
         "Merci pour votre adhésion de 45,00 € au Club de Voile de Léran.\nhttps://www.helloasso.com/associations\n",
         "club-de-voile-de-leran", "Club de Voile de Léran", "helloasso.com"),
    ])
    func businessNamed(headers: [String], body: String, id: String, name: String, domain: String) {
        let result = classifier.classify(mail(headers + ["Subject: Confirmation", "Date: Tue, 4 Mar 2025 10:00:00 +0100"], body: body))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.name == name)
        #expect(result.vendor?.domain == domain)
        #expect(result.vendor?.known == false)
        #expect(result.explanation.contains { $0.contains("an intermediary for") && $0.contains("Rules/vendors/") })
    }

    @Test("a business's mail through a platform and its own mail make one vendor")
    func sameVendorBothWays() {
        let own = classifier.classify(mail(
            ["From: Garage du Pont <atelier@garage-du-pont.fr>", "Subject: Votre véhicule est prêt"],
            body: "Bonjour,\n\nVotre véhicule est prêt.\nGarage du Pont\n"))
        let carried = classifier.classify(mail(
            ["From: Garage du Pont via iDGARAGE <rdv@idgarages.com>", "Subject: Rendez-vous confirmé"],
            body: "Votre rendez-vous est confirmé.\nGarage du Pont — https://www.garage-du-pont.fr\n"))
        #expect(own.vendor?.id == VendorID("garage-du-pont-fr"))
        #expect(carried.vendor?.id == own.vendor?.id, "\(carried.explanation)")
        #expect(carried.vendor?.domain == "garage-du-pont.fr")
    }

    @Test("a link at a domain the business's name does not spell names nothing")
    func unrelatedLink() {
        let result = classifier.classify(mail(
            ["From: Ferme des Aulnes via Eventbrite <noreply@order.eventbrite.com>", "Subject: Your tickets"],
            body: "Map: https://maps.example-tiles.org/x\nOrganiser page: https://www.eventbrite.co.uk/o/ferme\n"))
        #expect(result.vendor?.id == VendorID("ferme-des-aulnes"))
        #expect(result.vendor?.domain == "eventbrite.com")
    }

    @Test("the business's part of a display name that also names the platform", arguments: [
        ("Salon Mirabelle – Planity <no-reply@planity.com>", "salon-mirabelle", "Salon Mirabelle"),
        ("Ferme des Aulnes on Eventbrite <noreply@order.eventbrite.com>", "ferme-des-aulnes", "Ferme des Aulnes"),
        ("Atelier Cuir Merle sur Weezevent <noreply@weezevent.com>", "atelier-cuir-merle", "Atelier Cuir Merle"),
        ("Garage du Pont via iDGARAGE <rdv@idgarages.com>", "garage-du-pont", "Garage du Pont"),
    ])
    func businessBeforePlatform(from: String, id: String, name: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Confirmation"]))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.name == name)
    }

    @Test("a shop on a sending platform's domain is of the domain its text links to when its name spells it", arguments: [
        ("Orbe Analytics <invoice+statements@stripe.com>", "Manage your plan at https://orbe.app/billing.\n", "orbe-app", "orbe.app"),
        ("Orbe Analytics <invoice+statements@stripe.com>", "Questions? https://support.example-helpdesk.net\n", "orbe-analytics", "stripe.com"),
    ])
    func sendingPlatformLink(from: String, body: String, id: String, domain: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Your receipt from Orbe Analytics #1180-2291"], body: body))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.name == "Orbe Analytics")
        #expect(result.vendor?.domain == domain)
    }

    @Test("a platform writing as itself, or under a template's name, stays the vendor", arguments: [
        ("HelloAsso <contact@helloasso.com>", "helloasso"),
        ("Eventbrite <noreply@order.eventbrite.com>", "eventbrite"),
        ("Julien de Weezevent <hello@weezevent.com>", "weezevent"),
        ("Sarah at Eventbrite <sarah@eventbrite.com>", "eventbrite"),
        ("Doctolib Rappels <no-reply@doctolib.fr>", "doctolib"),
        ("iDGARAGE <rdv@idgarages.com>", "idgarages"),
        ("L'équipe Hello Asso <contact@helloasso.com>", "helloasso"),
        ("Rappel de rendez-vous <no-reply@doctolib.fr>", "doctolib"),
        ("Vos billets <noreply@weezevent.com>", "weezevent"),
        ("No Reply <noreply@planity.com>", "planity"),
    ])
    func platformItself(from: String, id: String) {
        let result = classifier.classify(mail(["From: \(from)", "Reply-To: support@weezevent.com", "Subject: Confirmation"]))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.known == true)
    }

    @Test("a catalog vendor that is no intermediary keeps its mail whatever the display name says")
    func notAnIntermediary() {
        let result = classifier.classify(mail([
            "From: Boutique Lumen via Amazon <marketplace-messages@amazon.fr>", "Reply-To: contact@boutique-lumen.fr",
            "Subject: Question sur votre commande",
        ]))
        #expect(result.vendor?.id == VendorID("amazon"))
    }
}
