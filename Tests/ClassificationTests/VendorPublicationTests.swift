import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// A publication on a platform's subdomain with a domain of its own.
@Suite("Vendor publications")
struct VendorPublicationTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func post(listID: String, link: String) -> Message {
        mail(["From: Clara Vidal <lettredumardi@postletter.example>", "Subject: Ce que j'ai lu cette semaine",
              "Date: Tue, 4 Mar 2025 10:00:00 +0100", "List-Id: <\(listID)>",
              "List-Unsubscribe: <https://\(link)/action/disable_email>"],
             body: "Bonjour,\n\nSept lectures pour la semaine.\n\nLire en ligne : https://\(link)/p/sept-lectures\n")
    }

    @Test("a publication's own domain, named by its List-Id label, is the vendor")
    func ownDomain() {
        let result = classifier.classify(post(listID: "lettredumardi.postletter.example", link: "www.lettredumardi.fr"))
        #expect(result.vendor?.domain == "lettredumardi.fr", "\(result.explanation)")
    }

    @Test("a linked domain the List-Id label does not name leaves the platform's domain")
    func otherDomain() {
        let result = classifier.classify(post(listID: "lettredumardi.postletter.example", link: "www.autre-journal.fr"))
        #expect(result.vendor?.domain == "postletter.example", "\(result.explanation)")
    }
}

/// Newsletters a publishing platform (`intermediary: publishing`, Substack) carries for its
/// writers: the publication is the vendor, as a shop is on a shop platform.
@Suite("Vendor publications on a publishing platform")
struct VendorPublishingPlatformTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func issue(from: String, listID: String, body: String) -> Message {
        mail(["From: \(from)", "Subject: Three maps of the old canals", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
              "List-Id: <\(listID)>", "List-Unsubscribe: <https://substack.com/unsubscribe?t=x>"], body: body)
    }

    @Test("a publication linking to a domain its name spells is that domain's")
    func ownDomainSpelledByName() {
        let result = classifier.classify(issue(
            from: "Towpath Weekly <towpath@substack.com>", listID: "towpath.substack.com",
            body: "Hello,\n\nThis week: three maps.\n\nRead online: https://www.towpathweekly.com/p/three-maps\n"))
        #expect(result.vendor?.domain == "towpathweekly.com", "\(result.explanation)")
        #expect(result.vendor?.name == "Towpath Weekly")
    }

    @Test("a publication without a domain of its own is named from the display name, on the platform's domain")
    func namedFromDisplayName() {
        let result = classifier.classify(issue(
            from: "The Quiet Orchard <quietorchard@substack.com>", listID: "quietorchard.substack.com",
            body: "Hello,\n\nPruning notes for March.\n\nhttps://quietorchard.substack.com/p/pruning\n"))
        #expect(result.vendor?.id == VendorID("the-quiet-orchard"), "\(result.explanation)")
        #expect(result.vendor?.name == "The Quiet Orchard")
        #expect(result.vendor?.domain == "substack.com")
        #expect(result.explanation.contains { $0.contains("an intermediary for publishing") })
    }

    @Test("a writer's name over a publication with its own domain (List-Id label) is the publication's domain")
    func writerSigned() {
        let result = classifier.classify(issue(
            from: "Ines Marlow <canalmaps@substack.com>", listID: "canalmaps.substack.com",
            body: "Hello,\n\nThree maps.\n\nRead online: https://canalmaps.net/p/three-maps\n"))
        #expect(result.vendor?.domain == "canalmaps.net", "\(result.explanation)")
    }

    @Test("the platform's own mail names the platform")
    func platformItself() {
        let result = classifier.classify(mail(
            ["From: Substack <no-reply@substack.com>", "Subject: Your sign-in link", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
            body: "Hello,\n\nClick to sign in.\n"))
        #expect(result.vendor?.id == VendorID("substack"), "\(result.explanation)")
    }
}
