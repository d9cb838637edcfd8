import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

/// Senders found from the display name where the catalog has no entry for the domain.
@Suite("Vendor variants")
struct VendorVariantsTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("a catalog intermediary on another suffix of its domain still carries the business it names")
    func intermediaryOnOtherSuffix() {
        let result = classifier.classify(mail(
            ["From: Chorale des Tilleuls via HelloAsso <noreply@helloasso.org>", "Subject: Reçu de votre don",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nLa Chorale des Tilleuls vous remercie pour votre don de 30,00 €.\n"))
        #expect(result.vendor?.id == VendorID("chorale-des-tilleuls"), "\(result.explanation)")
        #expect(result.vendor?.domain == "helloasso.org")
        #expect(result.explanation.contains { $0.contains("an intermediary for fundraising") })
    }

    @Test("the same platform writing as itself from another suffix is the catalog vendor")
    func platformItselfOnOtherSuffix() {
        let result = classifier.classify(mail(
            ["From: HelloAsso <noreply@helloasso.org>", "Subject: Votre compte", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]))
        #expect(result.vendor?.id == VendorID("helloasso"), "\(result.explanation)")
        #expect(result.vendor?.known == true)
    }

    @Test("an unknown domain of the same name under another brand's display name is not that vendor")
    func lookAlikeWithoutName() {
        let result = classifier.classify(mail(
            ["From: Les Amis du Marais <contact@helloasso.org>", "Subject: Assemblée générale",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100", "List-Unsubscribe: <mailto:unsubscribe@helloasso.org>"]))
        #expect(result.vendor?.id != VendorID("helloasso"), "\(result.explanation)")
    }

    @Test("a mailbox provider writing to its user under its own name is a vendor, not a person", arguments: [
        ("Fastmail <notices@fastmail.com>", "fastmail.com", "Fastmail"),
        ("Fastmail Team <team-updates@fastmail.com>", "fastmail.com", "Fastmail"),
    ])
    func providerAsItself(from: String, domain: String, name: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "To: Léa Martin <lea.martin@fastmail.com>", "Subject: Changes to our storage plans",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Hello,\n\nFrom 1 April the storage included in each plan changes.\n"))
        #expect(result.vendor?.domain == domain, "\(result.explanation)")
        #expect(result.vendor?.name == name)
        #expect(result.category != .personal)
    }

    @Test("a person writing from the same provider stays personal")
    func personStaysPersonal() {
        let result = classifier.classify(mail(
            ["From: Léa Martin <lea.martin@fastmail.com>", "Subject: Dimanche", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
             "User-Agent: Thunderbird"], body: "Salut,\n\nOn se voit dimanche ?\nLéa\n"))
        #expect(result.vendor == nil, "\(result.explanation)")
        #expect(result.category == .personal)
    }

    @Test("an uncatalogued platform sending 'via' its own name carries the business named before", arguments: [
        (["From: Librairie Olmo via Revuzo <invitations@revuzomail.com>"], "Merci pour votre achat chez Librairie Olmo.\n",
         "librairie-olmo", "revuzomail.com"),
        (["From: Librairie Olmo via Revuzo <invitations@revuzomail.com>", "Reply-To: contact@librairie-olmo.it"],
         "Merci pour votre achat.\n", "librairie-olmo-it", "librairie-olmo.it"),
    ])
    func unknownPlatformVia(headers: [String], body: String, id: String, domain: String) {
        let result = classifier.classify(mail(headers + ["Subject: Donnez votre avis", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
                                              body: body))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.domain == domain)
        #expect(result.explanation.contains { $0.contains("not in the catalog") && $0.contains("Revuzo") })
    }

    @Test("'via' a name that is not the sending domain's leaves the domain the vendor")
    func viaOtherName() {
        let result = classifier.classify(mail(
            ["From: Librairie Olmo via Partner <news@olmo-books.example.org>", "Subject: Nouveautés",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"]))
        #expect(result.vendor?.id != VendorID("librairie-olmo"), "\(result.explanation)")
    }
    @Test("a catalog vendor's domain name with its leading article added or left out is that vendor when the display name names it", arguments: [
        ("La Redoute <service@redoute.fr>", "la-redoute"),
        ("Der Spiegel Abo <abo@derspiegel.de>", "der-spiegel"),
    ])
    func articleVariant(from: String, id: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Votre avoir est disponible", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nVotre avoir de 12,00 € est disponible.\n"))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.known == true)
    }

    @Test("a domain that is a catalog vendor's name with or without an article, under another name, is not that vendor")
    func articleVariantOtherName() {
        let result = classifier.classify(mail(
            ["From: Atelier Couture Nord <contact@redoute.fr>", "Subject: Nouveautés", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]))
        #expect(result.vendor?.id != VendorID("la-redoute"), "\(result.explanation)")
        let identifier = VendorIdentifier(rules: ClassifierTests.rules)
        #expect(identifier.articleVariant(of: "lamonde") == nil)
        #expect(identifier.articleVariant(of: "leon") == nil)
    }

    @Test("a small business replying from its own domain under a name that opens with the domain's is a business, not a person", arguments: [
        ("Vélos Garnier Nîmes <nimes@velosgarnier.fr>", "velosgarnier.fr"),
        ("Maison Lumière Lyon <lyon@maison-lumiere.fr>", "maison-lumiere.fr"),
    ])
    func branchReplying(from: String, domain: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Re: Devis pour la réparation", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
             "X-Mailer: Microsoft Outlook 16.0", "In-Reply-To: <abc123@mail.gmail.com>"],
            body: "Bonjour Madame,\n\nPour la réparation, comptez 60 € TTC. Vous pouvez passer mardi matin.\n\nBonne journée,\nMarc\n"))
        #expect(result.category != .personal, "\(result.explanation)")
        #expect(result.vendor?.domain == domain)
    }

    @Test("a person whose own domain is their name, or who writes from it, stays a person", arguments: [
        "Léa Martin <lea@leamartin.fr>",
        "Léa Martin <martin@martin.fr>",
        "Léa Martin <lea.martin@famillemartin.fr>",
    ])
    func personOwnDomain(from: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Re: Dimanche", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
             "User-Agent: Thunderbird", "In-Reply-To: <abc123@mail.gmail.com>"],
            body: "Salut,\n\nOn se voit dimanche ?\nLéa\n"))
        #expect(result.vendor == nil, "\(result.explanation)")
        #expect(result.category == .personal)
    }

    @Test("only leading words that spell the domain's name and say more make a business's name", arguments: [
        ("Cycles Ventoux Carpentras", "cyclesventoux.fr", true),
        ("Cycles Ventoux", "cycles-ventoux.fr", false),
        ("Ventoux Cycles Atelier", "cyclesventoux.fr", false),
        ("Fromagerie Alpage Annecy", "fromagerie-alpage.fr", true),
        ("Léa", "lea.fr", false),
    ])
    func opensWithDomainName(name: String, domain: String, expected: Bool) {
        #expect(VendorIdentifier.opensWithDomainName(name, domain: domain) == expected)
    }
}
