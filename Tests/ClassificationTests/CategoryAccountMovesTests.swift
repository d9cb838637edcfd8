import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Credentials and membership changes are the account's; money come into a bank account is a
/// notification of its movements (rules only: the model is left out).
@Suite("Category account and money moves")
struct CategoryAccountMovesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    @Test("credentials, registrations and membership switches are account mail", arguments: [
        ("Portal Team <noreply@uni-beispiel.example>", "Your student portal username and first steps"),
        ("Kasse Nord <service@kasse-nord.example>", "Ihre Registrierung im Versichertenportal"),
        ("Kasse Nord <service@kasse-nord.example>", "Ihr Freischaltcode für die App"),
        ("Ateneo Esempio <noreply@ateneo-esempio.example>", "Le tue credenziali di accesso ai servizi online"),
        ("Fitnessverbund <noreply@fitnessverbund.example>", "Dein Abowechsel ist bestätigt"),
    ])
    func accountMail(from: String, subject: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
                                              body: "Hallo,\n\nhello, bonjour.\n"))
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("money received on a bank account is a notification", arguments: [
        ("Revolut <no-reply@revolut.com>", "Virement reçu sur votre compte"),
        ("ING <info@ing.de>", "Zahlungseingang auf Ihrem Girokonto"),
        ("Monzo <hello@monzo.com>", "You received £25.00 from Sam"),
    ])
    func moneyReceived(from: String, subject: String) {
        let result = classifier.classify(mail(["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"],
                                              body: "Bonjour,\n\nUn virement de 25,00 € a été crédité.\n"))
        #expect(result.vendor?.sector == .bank, "\(result.explanation)")
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("outside banks, 'you received' is not read as money come in")
    func notBank() {
        let result = classifier.classify(mail(
            ["From: Boutique Lune <commandes@boutique-lune.example>", "Subject: You received a gift card",
             "Date: Tue, 4 Mar 2025 10:00:00 +0100"]))
        #expect(!result.explanation.contains { $0.contains("money-received") }, "\(result.explanation)")
    }
}
