import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Usage reports and what someone did on the person's network are notifications, list headers
/// or not (rules only: the model is left out).
@Suite("Category usage and activity")
struct CategoryActivityTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("a report of what was used is a notification, even sent with list headers", arguments: [
        ("Stadtwerke Beispiel <hallo@stadtwerke-beispiel.example>", "Dein Gasverbrauch im März"),
        ("Énergie Locale <info@energie-locale.example>", "Votre consommation du mois d'avril"),
        ("Water Co <hello@waterco.example>", "Your water usage this quarter"),
    ])
    func usageReport(from: String, subject: String) {
        let result = classifier.classify(mail(
            ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
             "List-Unsubscribe: <https://example.org/unsubscribe?t=report>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"],
            body: "Hallo,\n\n142 kWh, 8 % weniger als im Vormonat.\n"))
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("someone rating, liking, commenting or mentioning is a notification", arguments: [
        "Tomás rated \"The Left Hand of Darkness\" 4 stars", "Ines liked your photo", "Raj commented on your review",
        "Noor mentioned you in Roadmap Q3",
    ])
    func socialActivity(subject: String) {
        let result = classifier.classify(mail(
            ["From: Bookshelf <no-reply@mail.bookshelf.example>", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100",
             "List-Unsubscribe: <https://mail.bookshelf.example/unsubscribe?t=friends>"],
            body: "Hi,\n\nSee what your friends are up to.\n"))
        #expect(result.category == .notifications, "\(result.explanation)")
    }
}
