import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Businesses behind platforms: an employer's payslips sent by a payroll service, a school on a
/// course platform's mail domain, a person of an uncatalogued business on a help desk, and a
/// catalog vendor's after-sales team.
@Suite("Vendor behind platforms")
struct VendorPlatformPeopleTests {
    let classifier = Classifier(rules: ClassifierTests.rules)
    let identifier = VendorIdentifier(rules: ClassifierTests.rules)

    @Test("an employer's payslip sent by a payroll service is the employer's")
    func payroll() {
        let result = classifier.classify(mail(
            ["From: Boulangerie Hamel via PayFit <no-reply@payfit.com>", "Subject: Votre bulletin de paie est disponible",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nVotre bulletin de paie de février est disponible dans votre espace.\n"))
        #expect(result.vendor?.id == VendorID("boulangerie-hamel"), "\(result.explanation)")
        #expect(result.vendor?.name == "Boulangerie Hamel")
    }

    @Test("the payroll service writing as itself stays the vendor")
    func payrollItself() {
        let result = classifier.classify(mail(
            ["From: PayFit <no-reply@payfit.com>", "Subject: Nouvelle fonctionnalité", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nDécouvrez le nouvel espace salarié.\n"))
        #expect(result.vendor?.id == VendorID("payfit"), "\(result.explanation)")
    }

    @Test("a catalog vendor's domain name followed by a word of mail is the domain it sends from", arguments: [
        "teachablemail.com", "teachable-mail.com", "teachableemail.com", "teachablemailer.com",
    ])
    func mailDomain(domain: String) {
        #expect(identifier.mailDomainVariant(domain, sender: MailAddress(name: "Teachable", address: "no-reply@\(domain)"))?.id
            == VendorID("teachable"))
    }

    @Test("other domains are no mail domain of a catalog vendor", arguments: ["teachables.com", "mail.com", "gmail.com", "teachable.com"])
    func notMailDomain(domain: String) {
        #expect(identifier.mailDomainVariant(domain, sender: MailAddress(name: "Someone", address: "a@\(domain)")) == nil)
    }

    @Test("a school on a course platform's mail domain is the school, of the domain its name spells")
    func schoolOnPlatform() {
        let result = classifier.classify(mail(
            ["From: Atelier Grenat Academy <no-reply@teachablemail.com>", "Subject: Welcome to Atelier Grenat Academy!",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Hi,\n\nYour account is ready. Start the first lesson at https://learn.ateliergrenat.com/courses/1\n"))
        #expect(result.vendor?.domain == "ateliergrenat.com", "\(result.explanation)")
        #expect(result.vendor?.name == "Atelier Grenat Academy")
    }

    @Test("a person of an uncatalogued business writing through a help desk is that business", arguments: [
        ("Sam at Oak & Ember Co. <hello@oakandember.helpscoutapp.com>", "Oak & Ember Co."),
        ("Nina from Pollwise <team@pollwise.intercom-mail.com>", "Pollwise"),
    ])
    func personOfBusiness(from: String, name: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Re: My question", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Hi,\n\nThanks for your patience, I have looked into it.\n"))
        #expect(result.vendor?.name == name, "\(result.explanation)")
        #expect(result.vendor?.known == false)
    }

    @Test("only from/at after one first word make a person of a business")
    func memberBusinessWords() {
        #expect(identifier.memberBusiness("Holly at Wax & Wick Co.") == "Wax & Wick Co.")
        #expect(identifier.memberBusiness("Musée de Bretagne") == nil)
        #expect(identifier.memberBusiness("Support at Acme") == nil)
        #expect(identifier.memberBusiness("Hannah Ruiz from The Overlap") == nil)
        #expect(identifier.memberBusiness("Marie from") == nil)
    }

    @Test("a catalog vendor's after-sales team sending through a help desk is that vendor", arguments: [
        "Fnac Service Après-Vente", "Fnac Postventa", "Fnac After Sales",
    ])
    func afterSales(name: String) {
        let result = classifier.classify(mail(
            ["From: \(name) <sav@fnac.zendesk.com>", "Subject: Votre demande a été mise à jour", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Bonjour,\n\nNotre technicien a examiné votre appareil.\n"))
        #expect(result.vendor?.id == VendorID("fnac"), "\(result.explanation)")
    }
}
