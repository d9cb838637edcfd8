import Dashboard
import Foundation
import MailroomCore
import Store
import Testing

@Suite("Dashboard queries")
struct DashboardQueryTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture.standard() }

    func summary(_ id: String, _ summaries: [VendorSummary]) throws -> VendorSummary {
        try #require(summaries.first { $0.id == VendorID(id) })
    }

    @Test("vendors: counts by category, orders, spend less refunds and cancellations, first and last contact")
    func vendors() throws {
        let summaries = try fixture.dashboard().vendorSummaries(Scope())
        #expect(summaries.map(\.id.rawValue) == ["galeries-lafayette", "sncf-connect", "credit-agricole", "librairie-mollat"])
        let shop = try summary("galeries-lafayette", summaries)
        #expect(shop.messages.total == 11)
        #expect(shop.messages.orders == 2 && shop.messages.account == 1 && shop.messages.newsletters == 6 && shop.messages.support == 2)
        #expect(shop.orders == 3)
        // 129.90 − 20.00 refunded + 45.50; the cancelled 99.99 is not spent.
        #expect(shop.spend == [Money(minor: 15_540, currency: "EUR")])
        #expect(shop.spend.first?.amount == "155.40")
        #expect(shop.firstContact == Fixture.days(-200))
        #expect(shop.lastContact == Fixture.days(-5))
        #expect(shop.hidden == 0)
        let rail = try summary("sncf-connect", summaries)
        #expect(rail.spend.map(\.text) == ["50.00 CHF", "89.00 EUR"])
        let books = try summary("librairie-mollat", summaries)
        #expect(books.spend.map(\.text) == ["3200 JPY"])
    }

    @Test("vendors --format json: exactly the issue's keys, every one present")
    func vendorJSON() throws {
        let summaries = try fixture.dashboard().vendorSummaries(Scope())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let objects = try #require(try JSONSerialization.jsonObject(with: encoder.encode(summaries)) as? [[String: Any]])
        let books = try #require(objects.first { $0["id"] as? String == "librairie-mollat" })
        #expect(Set(books.keys) == ["id", "name", "domain", "sector", "messages", "orders", "spend", "firstContact", "lastContact", "hidden"])
        #expect(Set((books["messages"] as? [String: Int] ?? [:]).keys) == ["total", "orders", "account", "support", "newsletters", "notifications"])
        #expect(books["spend"] as? [[String: String]] == [["currency": "JPY", "amount": "3200"]])
        #expect(books["firstContact"] as? String == "2026-04-16T12:00:00Z")
        let text = String(decoding: try encoder.encode(summaries), as: UTF8.self)
        #expect(text.contains("\"domain\":\"mollat.com\""))
    }

    @Test("filters: category, sector, window")
    func filters() throws {
        let dashboard = try fixture.dashboard()
        let newsletterSenders = try dashboard.vendorSummaries(Scope(category: .newsletters)).map(\.id.rawValue)
        #expect(Set(newsletterSenders) == ["galeries-lafayette", "credit-agricole", "librairie-mollat"])
        #expect(try dashboard.vendorSummaries(Scope(sector: .retail)).map(\.id.rawValue) == ["galeries-lafayette", "librairie-mollat"])
        let lastWeek = try dashboard.vendorSummaries(Scope(since: Fixture.days(-7)))
        #expect(try summary("sncf-connect", lastWeek).messages.total == 3)
        #expect(try summary("galeries-lafayette", lastWeek).messages.total == 1)
        let messages = try dashboard.messages(Scope(until: Fixture.days(-1.5), category: .notifications), limit: nil)
        #expect(messages.map(\.row.subject) == ["Votre train a du retard"])
    }

    @Test("refusing a vendor hides it everywhere; --include-refused shows it; hidden counts")
    func refuseVendor() throws {
        _ = try fixture.dashboard().refuse(.vendor(Fixture.shop.id), category: nil)
        let dashboard = try fixture.dashboard()
        #expect(!(try dashboard.vendorSummaries(Scope())).contains { $0.id == Fixture.shop.id })
        #expect(!(try dashboard.messages(Scope(), limit: nil)).contains { $0.row.vendor == Fixture.shop.id })
        #expect(!(try dashboard.orders(Scope())).contains { $0.row.vendor == Fixture.shop.id })
        #expect(!(try dashboard.upcomingDeadlines(Scope(), days: 365)).contains { $0.row.vendor == Fixture.shop.id })
        #expect(try dashboard.search("chaussures", scope: Scope(), limit: nil).isEmpty)
        let all = try dashboard.vendorSummaries(Scope(includeRefused: true))
        let shop = try summary("galeries-lafayette", all)
        #expect(shop.hidden == 11)
        #expect(shop.messages.total == 11)
        #expect(try dashboard.search("chaussures", scope: Scope(includeRefused: true), limit: nil).count == 1)
        #expect(try dashboard.refusalItems().map(\.undo) == ["mailroom accept galeries-lafayette"])
        #expect(try dashboard.refusalItems().map(\.messages) == [11])
    }

    @Test("refusing one category of a vendor hides only that; the count shows on the vendor")
    func refuseVendorCategory() throws {
        _ = try fixture.dashboard().refuse(.vendor(Fixture.shop.id), category: .newsletters)
        let dashboard = try fixture.dashboard()
        let shop = try summary("galeries-lafayette", try dashboard.vendorSummaries(Scope()))
        #expect(shop.messages.total == 5)
        #expect(shop.messages.newsletters == 0)
        #expect(shop.hidden == 6)
        #expect(try dashboard.card(Fixture.shop.asRow, scope: Scope()).refusedCategories == ["newsletters"])
    }

    @Test("refusing a sector's category, then accepting one vendor of it as an exception")
    func sectorWithException() throws {
        _ = try fixture.dashboard().refuse(.sector(.retail), category: .newsletters)
        var dashboard = try fixture.dashboard()
        var summaries = try dashboard.vendorSummaries(Scope())
        #expect(try summary("galeries-lafayette", summaries).hidden == 6)
        #expect(try summary("librairie-mollat", summaries).hidden == 1)
        #expect(try summary("credit-agricole", summaries).messages.newsletters == 1)

        let change = try dashboard.accept(.vendor(Fixture.books.id), category: .newsletters)
        #expect(change.changes == ["accepted as an exception to a broader refusal: librairie-mollat --category newsletters"])
        dashboard = try fixture.dashboard()
        summaries = try dashboard.vendorSummaries(Scope())
        #expect(try summary("librairie-mollat", summaries).hidden == 0)
        #expect(try summary("librairie-mollat", summaries).messages.newsletters == 1)
        #expect(try summary("galeries-lafayette", summaries).hidden == 6)
        let items = try dashboard.refusalItems()
        #expect(items.map(\.rule.action) == [.refuse, .accept])
        #expect(items.map(\.undo) == ["mailroom accept --sector retail --category newsletters",
                                      "mailroom refuse librairie-mollat --category newsletters"])
        #expect(items.map(\.messages) == [6, 1])
    }

    @Test("a whole sector refused hides its vendors; accept undoes it")
    func sectorRefusal() throws {
        _ = try fixture.dashboard().refuse(.sector(.retail), category: nil)
        var dashboard = try fixture.dashboard()
        #expect(try dashboard.vendorSummaries(Scope()).map(\.id.rawValue) == ["sncf-connect", "credit-agricole"])
        #expect(dashboard.hidden.vendors == [Fixture.shop.id, Fixture.books.id])
        let undo = try dashboard.accept(.sector(.retail), category: nil)
        #expect(undo.changes == ["no longer refused: --sector retail"])
        dashboard = try fixture.dashboard()
        #expect(try dashboard.vendorSummaries(Scope()).count == 4)
        #expect(try dashboard.refusalItems().isEmpty)
        #expect(try dashboard.accept(.sector(.retail), category: nil).note != nil)
    }

    @Test("vendor card: open support, account events, newsletter read ratio and hint, deadlines, monthly activity")
    func card() throws {
        let dashboard = try fixture.dashboard()
        let card = try dashboard.card(try dashboard.findVendor("galerieslafayette.com"), scope: Scope())
        #expect(card.domains == ["galerieslafayette.com", "galerieslafayette.fr"])
        #expect(card.supportConversations == 1)
        #expect(card.openSupport.map(\.subject) == ["Re: Votre demande SAV 5521"])
        #expect(card.openSupport.first?.messages == 2)
        #expect(card.accountEvents.map(\.row.subject) == ["Nouvelle connexion à votre compte"])
        #expect(card.newsletters.total == 6)
        #expect(card.newsletters.read == 1 && card.newsletters.unread == 5 && card.newsletters.unknown == 0)
        #expect(card.newsletters.perMonth == "0.5")
        #expect(card.newsletters.hint?.contains("mailroom refuse galeries-lafayette --category newsletters") == true)
        #expect(card.deadlines.map(\.row.kind) == [.delivery, .returnWindow, .warranty])
        #expect(card.lastOrder?.row.number == "GL-3")
        #expect(card.lastOrder?.row.status == "cancelled")
        #expect(card.monthly.reduce(0) { $0 + $1.messages.total } == 11)

        let rail = try dashboard.card(try dashboard.findVendor("SNCF connect"), scope: Scope())
        #expect(rail.openSupport.isEmpty, "the only support mail is 100 days old")
        #expect(rail.newsletters.hint == nil)
        let bank = try dashboard.card(try dashboard.findVendor("credit agricole"), scope: Scope())
        #expect(bank.newsletters.readRatio == 1)
    }

    @Test("a support conversation the person answered is not open")
    func answeredSupport() throws {
        try fixture.add("me-1", vendor: nil, category: .personal, date: Fixture.days(-4), subject: "Re: Votre demande SAV 5521",
                        header: "In-Reply-To: <gl-s2@test>\r\nReferences: <gl-s1@test> <gl-s2@test>\r\n")
        let dashboard = try fixture.dashboard()
        #expect(try dashboard.card(Fixture.shop.asRow, scope: Scope()).openSupport.isEmpty)
    }

    @Test("orders: newest first, items and tracking, by status")
    func orders() throws {
        let dashboard = try fixture.dashboard()
        let orders = try dashboard.orders(Scope())
        #expect(orders.map(\.row.number) == ["SNCF-B", "GL-3", "GL-2", "SNCF-A", "M-77", "GL-1"])
        let shipped = try dashboard.orders(Scope(), status: "shipped")
        #expect(shipped.map(\.row.number) == ["GL-2"])
        #expect(shipped.first?.row.items.map(\.name) == ["Écharpe en laine", "Gants"])
        #expect(shipped.first?.row.tracking.map(\.number) == ["6A12345678901"])
        #expect(try dashboard.orders(Scope(vendor: Fixture.books.id)).map(\.total?.text) == ["3200 JPY"])
    }

    @Test("upcoming: deadlines from today, soonest first, past ones and other statuses left out")
    func upcoming() throws {
        let deadlines = try fixture.dashboard().upcomingDeadlines(Scope(), days: 90)
        #expect(deadlines.map { "\($0.day) \($0.row.kind.rawValue) \($0.row.orderNumber)" } == [
            "2026-06-17 delivery GL-2", "2026-06-25 return GL-2", "2026-07-15 return M-77",
        ])
    }

    @Test("search: words anywhere in subject or body, accents ignored, prefixes")
    func search() throws {
        let dashboard = try fixture.dashboard()
        #expect(try dashboard.search("epargne", scope: Scope(), limit: nil).map(\.row.subject) == ["Épargne : nos conseils"])
        #expect(try dashboard.search("commande chauss", scope: Scope(), limit: nil).map(\.row.messageID) == ["<gl-o1@test>"])
        #expect(try dashboard.search("\"unbalanced OR", scope: Scope(), limit: nil).isEmpty)
        let hit = try #require(try dashboard.search("chaussures", scope: Scope(), limit: nil).first)
        #expect(hit.row.snippet?.contains("[chaussures]") == true)
    }

    @Test("IMAP locations for sync: hidden ones flagged")
    func locations() throws {
        _ = try fixture.dashboard().refuse(.vendor(Fixture.shop.id), category: .newsletters)
        let dashboard = try fixture.dashboard()
        let all = try dashboard.imapLocations(hiddenOnly: false)
        #expect(all.count == 7)
        let hidden = try dashboard.imapLocations(hiddenOnly: true)
        #expect(hidden.map(\.uid) == [1, 2, 3, 4, 5, 6])
        #expect(hidden.allSatisfy { $0.hidden && $0.mailbox == "INBOX" && $0.account == "perso" })
    }
}

extension StoredVendor {
    var asRow: VendorRow { VendorRow(id: id, name: name, sector: sector, domain: domain) }
}
