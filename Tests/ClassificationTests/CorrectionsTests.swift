import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

@Suite("Corrections")
struct CorrectionsTests {
    let shop = IdentifiedVendor(id: VendorID("atelier-brun"), name: "Atelier Brun", domain: "atelier-brun.example", sector: .retail, known: false)

    @Test("the stream of a message is its List-Id, else its sending address, lowercased")
    func streams() {
        #expect(SenderStream.key(of: mail(["From: A <Factures@Shop.example>", "List-Id: Promos <promos.shop.example>"])) == "list:promos.shop.example")
        #expect(SenderStream.key(of: mail(["From: A <Factures@Shop.example>"])) == "from:factures@shop.example")
        #expect(SenderStream.key(of: mail(["Subject: nothing else"])) == nil)
    }

    @Test("a message's own correction outranks its stream's, field by field; later corrections win")
    func precedence() {
        var corrections = Corrections()
        corrections.add(Correction(category: .newsletters, vendor: nil, label: "#1"), messageKey: "<a@x>", stream: "from:x@y")
        corrections.add(Correction(category: nil, vendor: shop, label: "#2"), messageKey: "<b@x>", stream: "from:x@y")
        corrections.add(Correction(category: .orders, vendor: nil, label: "#3"), messageKey: "<c@x>", stream: nil)

        // The stream carries #1's category and #2's vendor.
        let other = corrections.correction(messageKeys: ["<z@x>"], stream: "from:x@y")
        #expect(other?.category == .newsletters)
        #expect(other?.vendor == shop)
        #expect(other?.label == "#1, #2")
        // #3 holds for its message only, and outranks the stream's category there.
        let own = corrections.correction(messageKeys: ["<c@x>", "hash"], stream: "from:x@y")
        #expect(own?.category == .orders)
        #expect(own?.vendor == shop)
        #expect(corrections.correction(messageKeys: ["<c2@x>"], stream: "from:other@y") == nil)
    }

    @Test("the classifier follows a correction and says so")
    func classifierFollows() {
        let classifier = Classifier(rules: ClassifierTests.rules)
        let message = mail(["From: Atelier Brun <news@atelier-brun.example>", "Subject: Nos nouveautés de printemps",
                            "List-Unsubscribe: <https://atelier-brun.example/u>"])
        #expect(classifier.classify(message).category == .newsletters)
        let corrected = classifier.classify(message, correction: Correction(category: .orders, vendor: shop, label: "correction #7"))
        #expect(corrected.category == .orders)
        #expect(corrected.vendor == shop)
        #expect(corrected.confidence == 1)
        #expect(corrected.explanation.contains("category orders: user correction (correction #7)"))
        #expect(corrected.explanation.contains("vendor atelier-brun: user correction (correction #7)"))
    }
}
