import Classification
import Foundation
import Logging
import MailroomCore
import Pipeline
import Rules
import Store
import Testing

/// Order mail from Samples/ imported into a store: one order, many mails.
@Suite("Importing order mail")
struct OrderImportTests {
    let root: URL
    let store: MailStore

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-orders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        store = try MailStore(path: root.appendingPathComponent("store.sqlite").path)
    }

    static let samples = GoldenTests.repositoryRoot.appendingPathComponent("Samples")

    /// Imports samples one call each, in the order given.
    func importSamples(_ paths: [String]) throws {
        let importer = Importer(store: store, analyzer: GoldenTests.analyzer, logger: Logger(label: "test"),
                                now: { Date(timeIntervalSince1970: 1_770_000_000) })
        for path in paths { _ = try importer.run(try MailSource(paths: [Self.samples.appendingPathComponent(path).path])) }
    }

    @Test("a shipping notice updates the earlier confirmation")
    func shippingNotice() throws {
        try importSamples(["apple/store-order-confirmation.eml", "apple/store-shipped-ups.eml"])
        let order = try #require(try store.order(vendor: VendorID("apple"), number: "W1384729517"))
        #expect(order.status == .shipped)
        #expect(order.totalMinor == 105_300 && order.currency == "EUR")
        #expect(order.items.map(\.unitPriceMinor) == [96_900, 5_900, 2_500])
        #expect(order.tracking == [StoredTracking(carrier: "UPS", number: "1ZA9W3X16844173056")])
        #expect(order.timeline.map(\.status) == [.processing, .shipped])
        #expect(order.timeline.map(\.extractedBy) == ["html-table", "html-table"])
        #expect(order.returnUntil != nil && order.warrantyUntil != nil)
    }

    @Test("a refund after shipping lowers the spend; Zalando's return window is its own")
    func refund() throws {
        try importSamples(["zalando/refund-fr.eml", "zalando/shipped-colissimo-fr.eml"])
        let order = try #require(try store.order(vendor: VendorID("zalando"), number: "10108719230548"))
        #expect(order.status == .refunded)
        #expect(order.totalMinor == 14_594)
        #expect(order.refundedMinor == 3_599)
        #expect(order.spendMinor == 10_995)
        #expect(order.items.count == 2)
        let orderDate = try #require(order.orderDate)
        let returnUntil = try #require(order.returnUntil)
        #expect(returnUntil.timeIntervalSince(orderDate) > 99 * 86_400)
    }

    /// Writes invented mails to files and imports them one call each, in the order given.
    func importMails(_ mails: [String]) throws {
        let importer = Importer(store: store, analyzer: GoldenTests.analyzer, logger: Logger(label: "test"),
                                now: { Date(timeIntervalSince1970: 1_770_000_000) })
        for (index, mail) in mails.enumerated() {
            let path = root.appendingPathComponent("mail-\(index).eml")
            try Data(mail.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: path)
            _ = try importer.run(try MailSource(paths: [path.path]))
        }
    }

    static func mail(from: String, subject: String, date: String, id: String, body: String) -> String {
        """
        From: \(from)
        To: Camille Martin <camille.martin@example.net>
        Subject: \(subject)
        Date: \(date)
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(body)
        """
    }

    @Test("a refund told in support mail updates the order it names: one order, both mails, spend lowered; a support reply citing the order changes nothing")
    func supportRefund() throws {
        let confirmation = Self.mail(
            from: "Atelier Lumen <commandes@atelier-lumen.fr>", subject: "Confirmation de votre commande n° AL-40213",
            date: "Mon, 2 Nov 2026 10:00:00 +0100", id: "c1@atelier-lumen.fr",
            body: """
            Bonjour Camille,

            Merci pour votre commande n° AL-40213.

            Lampe de chevet en laiton    1    89,00 €
            Abat-jour lin naturel        1    35,00 €

            Livraison : 6,90 €
            Total TTC : 130,90 €
            """)
        let reply = Self.mail(
            from: "Atelier Lumen <service-client@atelier-lumen.fr>", subject: "Re: votre demande concernant la commande AL-40213",
            date: "Tue, 10 Nov 2026 09:00:00 +0100", id: "s1@atelier-lumen.fr",
            body: """
            Bonjour Camille,

            Merci pour votre message au sujet de la commande AL-40213. Notre équipe vous répond sous 48 heures.

            Le service client Atelier Lumen
            """)
        let refund = Self.mail(
            from: "Atelier Lumen <service-client@atelier-lumen.fr>", subject: "Votre remboursement pour la commande AL-40213",
            date: "Fri, 13 Nov 2026 15:00:00 +0100", id: "r1@atelier-lumen.fr",
            body: """
            Bonjour Camille,

            Nous sommes désolés que l'abat-jour soit arrivé abîmé. Nous avons effectué un remboursement de 35,00 € sur votre moyen de paiement pour la commande AL-40213. Merci de compter 3 à 5 jours ouvrés.

            Le service client Atelier Lumen
            """)
        // The reply and the refund are support mail (the category stays); only the refund makes an order.
        func analysis(_ mail: String) -> Analysis {
            GoldenTests.analyzer.analyze(RawMessage(path: "", position: 0, data: Data(mail.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        }
        #expect(analysis(reply).category == .support && analysis(reply).order == nil)
        #expect(analysis(refund).category == .support && analysis(refund).order != nil)
        try importMails([confirmation, reply])
        let vendor = VendorID("atelier-lumen-fr")
        let before = try #require(try store.order(vendor: vendor, number: "AL-40213"))
        #expect(before.timeline.count == 1)
        #expect(before.spendMinor == 13_090)
        try importMails([refund])
        let order = try #require(try store.order(vendor: vendor, number: "AL-40213"))
        #expect(order.status == .refunded)
        #expect(order.totalMinor == 13_090)
        #expect(order.refundedMinor == 3_500)
        #expect(order.spendMinor == 9_590)
        #expect(order.items.count == 2)
        #expect(order.timeline.map(\.status) == [.processing, .refunded])
    }

    @Test("a vendor's orders in several currencies keep their own")
    func multiCurrency() throws {
        try importSamples(["steam/purchase-receipt-eur.eml", "steam/purchase-receipt-jpy.eml"])
        let euros = try #require(try store.order(vendor: VendorID("steam"), number: "5128830194471207354"))
        let yen = try #require(try store.order(vendor: VendorID("steam"), number: "5509918302274415126"))
        #expect(euros.currency == "EUR" && euros.totalMinor == 5_447)
        #expect(yen.currency == "JPY" && yen.totalMinor == 3_400)
        #expect(yen.items.map(\.unitPriceMinor) == [2_300, 1_100])
        // Media: no return window nor warranty.
        #expect(yen.returnUntil == nil && yen.warrantyUntil == nil)
    }

    @Test("an invoice's due date is kept; importing again changes nothing")
    func dueDateAndIdempotence() throws {
        try importSamples(["engie/facture-electricite-gaz.eml"])
        let first = try #require(try store.order(vendor: VendorID("engie"), number: "300041877215"))
        #expect(first.dueDate == Date(timeIntervalSince1970: 1_767_052_800))  // 2025-12-30
        // A bill says nothing of delivery: processing; an energy bill has no return window.
        #expect(first.status == .processing)
        #expect(first.returnUntil == nil)
        try importSamples(["engie/facture-electricite-gaz.eml"])
        #expect(try store.order(vendor: VendorID("engie"), number: "300041877215") == first)
    }
}
