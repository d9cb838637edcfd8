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
