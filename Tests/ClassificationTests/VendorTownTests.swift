import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Town halls on `mairie-`/`ville-` domains, people of a vendor on a ticketing platform, status
/// pages sent through Statuspage.
@Suite("Vendor towns and members")
struct VendorTownTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("a town hall's domain names the town's own domain", arguments: [
        ("mairie-nantes.fr", "nantes.fr"), ("ville-rennes.fr", "rennes.fr"), ("mairie-saint-malo.fr", "saint-malo.fr"),
    ])
    func townDomain(domain: String, town: String) {
        #expect(VendorIdentifier.townDomain(of: domain) == town)
    }

    @Test("other domains are no town hall's", arguments: ["mairie.fr", "villeroy-boch.fr", "ville-ab.fr", "mairie-lyon.com", "ville-lyon.gouv.fr"])
    func notTown(domain: String) {
        #expect(VendorIdentifier.townDomain(of: domain) == nil)
    }

    @Test("a town hall's domain is the catalog town whose domain it names")
    func catalogTown() {
        let result = classifier.classify(mail(
            ["From: Nantes eServices - Inscriptions <inscriptions@mairie-nantes.fr>", "Subject: Votre dossier périscolaire",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nVotre dossier d'inscription au périscolaire est complet.\n"))
        #expect(result.vendor?.id == VendorID("ville-de-nantes"), "\(result.explanation)")
        #expect(result.vendor?.known == true)
    }

    @Test("an unknown town hall is named after the town its display name spells", arguments: [
        ("Médiathèques – Ville de Saint-Herblain <mediatheque@mairie-saint-herblain.fr>", "Ville de Saint-Herblain"),
        ("Mairie de Bouguenais <info@ville-bouguenais.fr>", "Ville de Bouguenais"),
    ])
    func unknownTown(from: String, name: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Rappel", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nLes horaires d'ouverture changent à partir du 1er avril.\n"))
        #expect(result.vendor?.name == name, "\(result.explanation)")
        #expect(result.vendor?.known == false)
    }

    @Test("a person of a catalog vendor writing through a ticketing platform is that vendor")
    func memberOfVendor() {
        let result = classifier.classify(mail(
            ["From: Julien de Alan <reply+77aa@intercom-mail.com>", "Subject: Votre question sur la prise en charge",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100", "DKIM-Signature: v=1; a=rsa-sha256; d=intercom-mail.com; s=k1; b=x"],
            body: "Bonjour,\n\nVotre remboursement a été traité hier.\n"))
        #expect(result.vendor?.id == VendorID("alan"), "\(result.explanation)")
    }

    @Test("a platform display name that is only a business's name is not read as a person of a vendor")
    func notMember() {
        #expect(VendorIdentifier(rules: ClassifierTests.rules).memberVendor("Service de Alan") == nil)
        #expect(VendorIdentifier(rules: ClassifierTests.rules).memberVendor("Atelier Brun") == nil)
    }

    @Test("a status page sent through Statuspage is the company its display name writes")
    func statusPage() {
        let result = classifier.classify(mail(
            ["From: \"Render.com Status\" <noreply@statuspage.io>", "Subject: [Resolved] Elevated build times",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100", "DKIM-Signature: v=1; a=rsa-sha256; d=amazonses.com; s=k1; b=x",
             "Return-Path: <0102@eu-west-1.amazonses.com>"],
            body: "Resolved - Build times are back to normal.\n"))
        #expect(result.vendor?.domain == "render.com", "\(result.explanation)")
    }
}
