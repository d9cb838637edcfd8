import Dashboard
import Foundation
import MailroomCore
import Store

/// A store with a handful of vendors, messages, IMAP flags and orders, built through the
/// store's own writers; "now" is fixed at 2026-06-15 12:00 UTC.
struct Fixture {
    static let now = Date(timeIntervalSince1970: 1_781_524_800)  // 2026-06-15T12:00:00Z
    static let utc = TimeZone(identifier: "UTC")!

    let directory: URL
    let store: MailStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-dashboard-\(UUID().uuidString)")
        store = try MailStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    static func days(_ count: Double) -> Date { now.addingTimeInterval(count * 86_400) }

    static let shop = StoredVendor(id: VendorID("galeries-lafayette"), name: "Galeries Lafayette", sector: .retail, domain: "galerieslafayette.com")
    static let rail = StoredVendor(id: VendorID("sncf-connect"), name: "SNCF Connect", sector: .transport, domain: "sncf-connect.com")
    static let bank = StoredVendor(id: VendorID("credit-agricole"), name: "Crédit Agricole", sector: .bank, domain: "credit-agricole.fr")
    static let books = StoredVendor(id: VendorID("librairie-mollat"), name: "Librairie Mollat", sector: .retail, domain: "mollat.com")

    /// Adds one message; `key` makes its Message-ID `<key@test>`.
    func add(_ key: String, vendor: StoredVendor?, category: Category?, date: Date?, subject: String,
             body: String = "Bonjour", domain: String? = nil, header: String = "") throws {
        var stored = vendor
        if let domain { stored?.domain = domain }
        let raw = "Message-ID: <\(key)@test>\r\nSubject: \(subject)\r\n\(header)"
        _ = try store.insert([NewMessage(
            location: .file(path: "/mail/\(key).eml", position: 0), messageID: "<\(key)@test>", contentHash: key,
            date: date, fromName: vendor?.name ?? "Alex", fromAddress: "hello@\(vendor?.domain ?? "example.org")",
            subject: subject, size: 100, rawHeader: Data(raw.utf8), warnings: [],
            parts: [StoredPart(section: "1", kind: .plain, charset: "utf-8", text: body, renderedText: nil)],
            attachments: [], vendor: stored, category: category)], now: Self.now)
    }

    /// The standard data set most tests use.
    static func standard() throws -> Fixture {
        let fixture = try Fixture()
        // Galeries Lafayette: 2 orders mails, 1 account, 6 newsletters (5 unread on IMAP), 1 support thread.
        try fixture.add("gl-o1", vendor: shop, category: .orders, date: days(-200), subject: "Votre commande GL-1 est confirmée",
                        body: "Merci pour votre commande de chaussures")
        try fixture.add("gl-o2", vendor: shop, category: .orders, date: days(-20), subject: "Votre commande GL-2 est expédiée",
                        domain: "galerieslafayette.fr")
        try fixture.add("gl-a1", vendor: shop, category: .account, date: days(-10), subject: "Nouvelle connexion à votre compte")
        for index in 1...6 {
            try fixture.add("gl-n\(index)", vendor: shop, category: .newsletters, date: days(Double(-30 * index)),
                            subject: "Les soldes d'été, épisode \(index)")
        }
        try fixture.add("gl-s1", vendor: shop, category: .support, date: days(-12), subject: "Votre demande SAV 5521")
        try fixture.add("gl-s2", vendor: shop, category: .support, date: days(-5), subject: "Re: Votre demande SAV 5521",
                        header: "In-Reply-To: <gl-s1@test>\r\n")
        // SNCF Connect: 2 orders, 2 notifications, an old support thread.
        try fixture.add("sn-o1", vendor: rail, category: .orders, date: days(-40), subject: "Confirmation de votre voyage Paris Lyon")
        try fixture.add("sn-o2", vendor: rail, category: .orders, date: days(-3), subject: "Votre e-billet Lyon Paris")
        try fixture.add("sn-x1", vendor: rail, category: .notifications, date: days(-2), subject: "Votre train a du retard")
        try fixture.add("sn-x2", vendor: rail, category: .notifications, date: days(-1), subject: "Changement de quai")
        try fixture.add("sn-s1", vendor: rail, category: .support, date: days(-100), subject: "Objet perdu")
        // Crédit Agricole: account and newsletters.
        try fixture.add("ca-a1", vendor: bank, category: .account, date: days(-4), subject: "Votre relevé est disponible")
        try fixture.add("ca-n1", vendor: bank, category: .newsletters, date: days(-15), subject: "Épargne : nos conseils")
        // Librairie Mollat: one order, one newsletter.
        try fixture.add("mo-o1", vendor: books, category: .orders, date: days(-60), subject: "Commande de livres expédiée")
        try fixture.add("mo-n1", vendor: books, category: .newsletters, date: days(-8), subject: "La sélection du libraire")
        // A person, and a reply to the SNCF support mail that is not from the vendor.
        try fixture.add("p-1", vendor: nil, category: .personal, date: days(-6), subject: "Dîner samedi ?")

        try fixture.store.addSyntheticIMAPCopies((1...6).map { index in
            MailStore.SyntheticCopy(messageID: "<gl-n\(index)@test>", account: "perso", mailbox: "INBOX", uidValidity: 7,
                                    uid: Int64(index), flags: index == 6 ? "\\Seen" : "\\Flagged")
        } + [MailStore.SyntheticCopy(messageID: "<ca-n1@test>", account: "perso", mailbox: "INBOX", uidValidity: 7, uid: 20, flags: "\\Seen \\Answered")])

        var gl1 = MailStore.SyntheticOrder(vendor: shop.id, number: "GL-1", date: days(-200), currency: "EUR", totalMinor: 12_990, status: "delivered")
        gl1.items = [(name: "Chaussures de ville", quantity: 1, unitPriceMinor: 12_990)]
        gl1.refundedMinor = 2_000
        gl1.warrantyUntil = days(165)
        gl1.messageIDs = ["<gl-o1@test>"]
        var gl2 = MailStore.SyntheticOrder(vendor: shop.id, number: "GL-2", date: days(-20), currency: "EUR", totalMinor: 4_550, status: "shipped")
        gl2.items = [(name: "Écharpe en laine", quantity: 1, unitPriceMinor: 3_500), (name: "Gants", quantity: 1, unitPriceMinor: 1_050)]
        gl2.tracking = [(carrier: "Colissimo", number: "6A12345678901")]
        gl2.returnUntil = days(10)
        gl2.deliveryDate = days(2)
        let gl3 = MailStore.SyntheticOrder(vendor: shop.id, number: "GL-3", date: days(-19), currency: "EUR", totalMinor: 9_999, status: "cancelled")
        var sn1 = MailStore.SyntheticOrder(vendor: rail.id, number: "SNCF-A", date: days(-40), currency: "EUR", totalMinor: 8_900, status: nil)
        sn1.dueDate = days(-5)
        let sn2 = MailStore.SyntheticOrder(vendor: rail.id, number: "SNCF-B", date: days(-3), currency: "CHF", totalMinor: 5_000, status: "processing")
        var mo1 = MailStore.SyntheticOrder(vendor: books.id, number: "M-77", date: days(-60), currency: "JPY", totalMinor: 3_200, status: "delivered")
        mo1.returnUntil = days(30)
        try fixture.store.insertSyntheticOrders([gl1, gl2, gl3, sn1, sn2, mo1])
        return fixture
    }

    func dashboard() throws -> Dashboard {
        try Dashboard(store: store, now: Self.now, timeZone: Self.utc)
    }
}
