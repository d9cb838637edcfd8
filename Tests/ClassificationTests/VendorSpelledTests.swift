import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

/// Senders whose domain the catalog does not list but whose display name, signature or
/// platform address says who they are.
@Suite("Vendor spelled by its name")
struct VendorSpelledTests {
    let classifier = Classifier(rules: ClassifierTests.rules)
    let date = "Date: Tue, 4 Mar 2025 10:00:00 +0100"

    @Test("a regional entity's domain spelling its name with the brand written out or as initials is the brand", arguments: [
        ("Crédit Agricole Normandie Seine <alertes@ca-normandie-seine.fr>", "credit-agricole", "ca-normandie-seine.fr"),
        ("Crédit Agricole Normandie <alertes@creditagricole-normandie.fr>", "credit-agricole", "creditagricole-normandie.fr"),
        ("Banque Populaire Val de Loire <info@bpvl.fr>", "banque-populaire", "bpvl.fr"),
        // the region's words cut short
        ("Crédit Agricole Atlantique Vendée <info@ca-atlvendee.fr>", "credit-agricole", "ca-atlvendee.fr"),
        ("Groupama Rhône Auvergne <sinistres@groupama-rhoauv.fr>", "groupama", "groupama-rhoauv.fr"),
        // only the region's first words, a name that grew after its domain was made
        ("Groupama Loire Océan Atlantique <sinistres@groupama-lo.fr>", "groupama", "groupama-lo.fr"),
        ("Crédit Agricole Centre Loire Est <alertes@ca-centreloire.fr>", "credit-agricole", "ca-centreloire.fr"),
    ])
    func regionalEntity(from: String, id: String, domain: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Votre relevé de compte est disponible", date],
            body: "Bonjour,\n\nVotre relevé de compte de février est disponible dans votre espace.\n"))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.domain == domain)
        #expect(result.vendor?.known == true)
    }

    @Test("a brand's name over a domain that does not spell the display name is not the brand", arguments: [
        "Crédit Agricole Normandie <alertes@banque-du-bocage.fr>",
        "Crédit Agricole <alertes@ca.fr>",
        // two letters of a word are neither its initial nor a cut of three letters or more
        "Crédit Agricole Normandie <alertes@ca-no.fr>",
        // a word left out
        "Crédit Agricole Atlantique Vendée <alertes@ca-vendee.fr>",
        // the first word's initial alone
        "Crédit Agricole Alpes Provence <alertes@ca-a.fr>",
    ])
    func lookAlike(from: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: Votre relevé de compte est disponible", date]))
        #expect(result.vendor?.id != VendorID("credit-agricole"), "\(result.explanation)")
    }

    @Test("a region written whole, as initials or cut short, word by word", arguments: [
        ("med", ["mediterranee"], true), ("mediterranee", ["mediterranee"], true), ("atlv", ["atlantique", "vendee"], true),
        ("pca", ["provence", "cote", "azur"], true), ("provcazur", ["provence", "cote", "azur"], true),
        ("me", ["mediterranee"], false), ("vendee", ["atlantique", "vendee"], false), ("medx", ["mediterranee"], false),
        ("", ["mediterranee"], false), ("med", [], false),
    ])
    func abbreviates(target: String, words: [String], expected: Bool) {
        #expect(VendorIdentifier.abbreviates(Array(target), words: words) == expected)
    }

    @Test("a domain the catalog does not list, signed by a catalog vendor the display name names, is that vendor")
    func signedByNamedVendor() {
        let result = classifier.classify(mail(
            ["DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=decathlon.fr; s=s1; h=from:to:subject; bh=abc=; b=def=",
             "From: Decathlon Location <noreply@decathlon-location-velos.fr>", "Subject: Votre location est confirmée", date],
            body: "Bonjour,\n\nVotre location de vélo du 8 mars est confirmée.\n"))
        #expect(result.vendor?.id == VendorID("decathlon"), "\(result.explanation)")
        #expect(result.vendor?.domain == "decathlon-location-velos.fr")
        #expect(result.explanation.contains { $0.contains("signed by decathlon.fr") })
    }

    @Test("a catalog vendor's signature under another name does not make the sender that vendor")
    func signedUnderOtherName() {
        let result = classifier.classify(mail(
            ["DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=decathlon.fr; s=s1; h=from:to:subject; bh=abc=; b=def=",
             "From: Cyclo Club Ouest <contact@cyclo-club-ouest.fr>", "Subject: Sortie de dimanche", date]))
        #expect(result.vendor?.id == VendorID("cyclo-club-ouest-fr"), "\(result.explanation)")
    }

    @Test("a help desk's mail under a display name that writes a domain is that domain's business", arguments: [
        ("Lumenshop.de Kundenservice <service@lumenshop.freshdesk.com>", "lumenshop-de", "lumenshop.de", "Lumenshop"),
        ("Vinoteca Ruiz – vinotecaruiz.es <ayuda@vinotecaruiz.zendesk.com>", "vinotecaruiz-es", "vinotecaruiz.es", "Vinoteca Ruiz"),
    ])
    func writtenDomain(from: String, id: String, domain: String, name: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: Ticket #4471: Ihre Reklamation", date],
            body: "Hallo,\n\nwir haben Ihre Reklamation erhalten und melden uns innerhalb von zwei Werktagen.\n"))
        #expect(result.vendor?.id == VendorID(id), "\(result.explanation)")
        #expect(result.vendor?.domain == domain)
        #expect(result.vendor?.name == name)
    }

    @Test("dotted words of a company's legal form are not a domain")
    func legalFormIsNoDomain() {
        let result = classifier.classify(mail(
            ["From: Dupont S.A. Support <aide@dupontsa.freshdesk.com>", "Subject: Votre demande #118", date]))
        #expect(result.vendor?.domain == "freshdesk.com", "\(result.explanation)")
    }

    @Test("Help Scout mailboxes are a platform's: the business's Reply-To names it")
    func helpScoutMailbox() {
        let result = classifier.classify(mail(
            ["From: Jamie at Fieldnote <support@fieldnote.helpscoutapp.com>", "Reply-To: support@fieldnote.io",
             "Subject: Re: Invoice address", date],
            body: "Hi,\n\nI have updated the billing address on your account.\n\nJamie\n"))
        #expect(result.vendor?.domain == "fieldnote.io", "\(result.explanation)")
        #expect(result.vendor?.name == "Fieldnote")
    }

    @Test("GovDelivery bulletins are the public body's whose domain signed them")
    func govDelivery() {
        let result = classifier.classify(mail(
            ["DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=bristol.gov.uk; s=s1; h=from:to:subject; bh=abc=; b=def=",
             "From: Bristol City Council <bristol@public.govdelivery.com>", "Subject: Your bin collection news", date,
             "List-Unsubscribe: <https://public.govdelivery.com/unsubscribe>"]))
        #expect(result.vendor?.domain == "bristol.gov.uk", "\(result.explanation)")
        #expect(result.vendor?.name == "Bristol")
    }

    @Test("a person writing from a mailbox provider's country domain is personal", arguments: ["yahoo.ie", "yahoo.be", "yahoo.com.au"])
    func providerCountryDomain(domain: String) {
        let result = classifier.classify(mail(
            ["From: Siofra Nolan <siofra.nolan@\(domain)>", "Subject: The flat on Dorset Street", date],
            body: "Hi,\n\nThe landlord rang back, we can see the flat on Saturday.\n\nSiofra\n"))
        #expect(result.vendor == nil, "\(result.explanation)")
        #expect(result.category == .personal)
    }
}
