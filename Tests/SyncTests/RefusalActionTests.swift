import Config
import Foundation
import IMAP
import Logging
import MailroomCore
import Store
import Sync
import Testing

/// `refusals.action` (keyword or move) applied by the sync engine against a real Dovecot.
@Suite("refusal action on the server")
struct RefusalActionTests {
    static let refusedVendor = VendorID("boutique-exemple-fr")

    /// A newsletter from a vendor nobody refuses.
    static func newsletter(_ index: Int) -> Data {
        Data("""
            From: Librairie du Port <lettre@librairie-du-port.fr>\r
            To: Camille <camille@example.org>\r
            Subject: Les nouveautés de la semaine n° \(index)\r
            Date: Wed, 8 Jan 2025 10:00:00 +0100\r
            Message-ID: <lettre-\(index)@librairie-du-port.fr>\r
            List-Unsubscribe: <https://librairie-du-port.fr/desinscription>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Cette semaine en vitrine : trois romans et un atlas des ports de l'Atlantique.\r

            """.utf8)
    }

    /// A fixture whose engine applies `settings`, hiding the vendors the store's refusal rules
    /// name (a vendor-wide refusal; the full policy is the Dashboard's, tested there).
    static func fixture(_ settings: RefusalSettings, capability: String? = nil) throws -> SyncFixture {
        var fixture = try SyncFixture(capability: capability)
        let store = fixture.store
        fixture.engine.refusalAction = RefusalActionPlan(settings: settings) {
            let refused = try store.refusals().compactMap { rule -> VendorID? in
                guard rule.action == .refuse, rule.category == nil, case .vendor(let id) = rule.target else { return nil }
                return id
            }
            return HiddenMail(vendors: Set(refused), pairs: [])
        }
        return fixture
    }

    func refuse(_ fixture: SyncFixture) throws {
        try fixture.store.setRefusal(.vendor(Self.refusedVendor), category: nil, action: .refuse, now: Date())
    }

    func highestModSeq(_ fixture: SyncFixture, _ mailbox: String = "INBOX") async throws -> ModSeq? {
        let connection = try await fixture.connection()
        let info = try #require(try await connection.listMailboxes().first { $0.name == mailbox })
        let selected = try await connection.select(info)
        await connection.logout()
        return selected.highestModSeq
    }

    @Test("keyword: refused mail gets the keyword once, \\Seen untouched; accept takes it off again")
    func keyword() async throws {
        let fixture = try Self.fixture(RefusalSettings(action: .keyword, keyword: "$MailroomRefused"))
        try fixture.server.deliver([SyncFixture.message(1), Self.newsletter(2), SyncFixture.message(3)])
        try fixture.server.doveadm(["flags", "add", "-u", fixture.server.user, "\\Seen", "mailbox", "INBOX", "uid", "3"])

        // Nothing refused yet: nothing tagged.
        let first = await fixture.sync()
        #expect(first.succeeded, "\(String(describing: first.error))")
        #expect(first.refusals.action == "keyword")
        #expect(first.refusals.tagged == 0)

        try refuse(fixture)
        let second = await fixture.sync()
        #expect(second.refusals.tagged == 2)
        #expect(second.refusals.errors.isEmpty && second.refusals.warnings.isEmpty)
        var flags = try await fixture.serverFlags()
        #expect(flags[IMAPUID(1)]?.contains("$MailroomRefused") == true)
        #expect(flags[IMAPUID(3)]?.contains("$MailroomRefused") == true)
        #expect(flags[IMAPUID(2)]?.contains("$MailroomRefused") == false, "the newsletter's vendor is not refused")
        #expect(flags[IMAPUID(1)]?.contains(MessageFlag.seen) == false, "\\Seen untouched")
        #expect(flags[IMAPUID(3)]?.contains(MessageFlag.seen) == true, "\\Seen kept")
        let stored = try fixture.stored("INBOX")
        #expect(stored.first { $0.uid == 1 }?.flags.contains("$MailroomRefused") == true, "the stored flags follow")

        // A third pass stores nothing on the server: no STORE, so no new modification sequence.
        let before = try await highestModSeq(fixture)
        let third = await fixture.sync()
        #expect(third.refusals.tagged == 0)
        #expect(third.mailboxes.first?.changed == 0, "the keyword is not seen as a change")
        #expect(try await highestModSeq(fixture) == before)

        // The person removes the keyword by hand: Mailroom does not put it back.
        try fixture.server.doveadm(["flags", "remove", "-u", fixture.server.user, "$MailroomRefused", "mailbox", "INBOX", "uid", "3"])
        let fourth = await fixture.sync()
        #expect(fourth.refusals.tagged == 0)
        #expect(fourth.mailboxes.first?.changed == 1)

        // Accepted again: the keyword Mailroom added goes.
        try fixture.store.removeRefusal(.vendor(Self.refusedVendor), category: nil)
        let fifth = await fixture.sync()
        #expect(fifth.refusals.untagged == 1)
        flags = try await fixture.serverFlags()
        #expect(flags.values.allSatisfy { !$0.contains("$MailroomRefused") })
        #expect(flags[IMAPUID(3)]?.contains(MessageFlag.seen) == true)
        #expect(try fixture.stored("INBOX").allSatisfy { !$0.flags.contains("$MailroomRefused") })
        #expect((await fixture.sync()).refusals.untagged == 0)
    }

    @Test("move (folder not synced): refused mail lands in the folder, stored once, still hidden; never moved twice")
    func move() async throws {
        let fixture = try Self.fixture(RefusalSettings(action: .move, folder: "Refused"))
        try fixture.server.doveadm(["mailbox", "create", "-u", fixture.server.user, "Refused"])
        try fixture.server.deliver([SyncFixture.message(1), Self.newsletter(2), SyncFixture.message(3, attachment: true)])
        _ = await fixture.sync()
        try refuse(fixture)
        // The person corrected one of them: the move must keep the message and the correction.
        _ = try fixture.store.addCorrection(
            messageKey: "<order-1@boutique-exemple.fr>", stream: nil, category: .support, vendorID: nil, now: Date())
        let countBefore = try fixture.store.messageCount()

        let moving = await fixture.sync()
        #expect(moving.succeeded, "\(moving.refusals.errors)")
        #expect(moving.refusals.moved == 2)
        let inbox = try await fixture.serverFlags("INBOX")
        let refused = try await fixture.serverFlags("Refused")
        #expect(inbox.count == 1, "only the newsletter stays in INBOX")
        #expect(refused.count == 2)
        #expect(refused.values.allSatisfy { !$0.contains(MessageFlag.seen) && !$0.contains(MessageFlag.deleted) })

        // The store follows: same messages, the two locations now in Refused, still hidden.
        #expect(try fixture.store.messageCount() == countBefore)
        #expect(try fixture.stored("INBOX").map(\.uid) == [2])
        let locations = try fixture.store.imapLocations(hidden: HiddenMail(vendors: [Self.refusedVendor], pairs: []), hiddenOnly: true)
        #expect(locations.map(\.mailbox) == ["Refused", "Refused"])
        #expect(Set(locations.map { UInt32($0.uid) }) == Set(refused.keys.map(\.rawValue)))

        // The next pass sees no expunge, stores nothing twice and moves nothing.
        let after = await fixture.sync()
        #expect(after.mailboxes.first?.expunged == 0)
        #expect(after.refusals.moved == 0)
        #expect(try fixture.store.messageCount() == countBefore)
        #expect(try fixture.store.classificationsByContent().values.contains { $0.messageID == "<order-1@boutique-exemple.fr>" })
        #expect(try fixture.store.corrections().map(\.messageKey) == ["<order-1@boutique-exemple.fr>"])

        // Put back by the person, a moved message is not moved again.
        let connection = try await fixture.connection()
        let mailboxes = try await connection.listMailboxes()
        _ = try await connection.select(try #require(mailboxes.first { $0.name == "Refused" }))
        try await connection.move(UIDSet([try #require(refused.keys.min())]), to: try #require(mailboxes.first(where: \.isInbox)))
        await connection.logout()
        let back = await fixture.sync()
        #expect(back.refusals.moved == 0)
        #expect(back.mailboxes.first?.linked == 1, "found again by its content")
        #expect(try await fixture.serverFlags("INBOX").count == 2)
        #expect(try fixture.store.messageCount() == countBefore)
    }

    @Test("move into a synced folder: the folder's sync finds the moved mail stored already")
    func moveIntoSyncedFolder() async throws {
        var fixture = try Self.fixture(RefusalSettings(action: .move, folder: "Refused", createFolder: true))
        fixture.account.include = ["INBOX", "Refused"]
        try fixture.server.deliver([SyncFixture.message(1), SyncFixture.message(2), Self.newsletter(3)])
        _ = await fixture.sync()
        try refuse(fixture)
        let countBefore = try fixture.store.messageCount()
        let moving = await fixture.sync()
        #expect(moving.refusals.moved == 2, "the folder was created: \(moving.refusals.errors)")
        #expect(try await fixture.serverFlags("Refused").count == 2)

        let after = await fixture.sync()
        let refusedResult = try #require(fixture.mailboxResult(after, "Refused"))
        #expect(refusedResult.new == 0)
        #expect(fixture.mailboxResult(after, "INBOX")?.expunged == 0)
        #expect(try fixture.store.messageCount() == countBefore)
        #expect(try fixture.stored("Refused").count == 2)
        #expect(try fixture.stored("INBOX").count == 1)
        #expect(after.refusals.moved == 0, "mail in the folder itself is not moved")
    }

    @Test("move to a missing folder is an error told once; nothing moves")
    func missingFolder() async throws {
        let fixture = try Self.fixture(RefusalSettings(action: .move, folder: "Refused"))
        try fixture.server.deliver([SyncFixture.message(1)])
        _ = await fixture.sync()
        try refuse(fixture)
        let result = await fixture.sync()
        #expect(result.refusals.moved == 0)
        #expect(result.refusals.errors.count == 1)
        #expect(result.refusals.errors.first?.contains("has no such mailbox") == true)
        #expect(result.refusals.errors.first?.contains("create_folder: true") == true)
        #expect(!result.succeeded)
        #expect(try await fixture.serverFlags("INBOX").count == 1)
        // Told once per process: the daemon's next passes stay quiet.
        #expect((await fixture.sync()).refusals.errors.isEmpty)
    }

    @Test("a server without MOVE: UID COPY, then only the copied UIDs are marked \\Deleted and expunged")
    func copyWithoutMove() async throws {
        let fixture = try Self.fixture(
            RefusalSettings(action: .move, folder: "Refused", createFolder: true),
            capability: DovecotServer.capabilities(without: ["MOVE"]))
        try fixture.server.deliver([SyncFixture.message(1), Self.newsletter(2), SyncFixture.message(3)])
        _ = await fixture.sync()
        // The person's own pending deletion must survive Mailroom's UID EXPUNGE.
        try fixture.server.doveadm(["flags", "add", "-u", fixture.server.user, "\\Deleted", "mailbox", "INBOX", "uid", "2"])
        try refuse(fixture)
        let countBefore = try fixture.store.messageCount()
        let result = await fixture.sync()
        #expect(result.refusals.moved == 2, "\(result.refusals)")
        let inbox = try await fixture.serverFlags("INBOX")
        #expect(inbox.keys.map(\.rawValue) == [2], "the newsletter marked \\Deleted by the person is still there")
        #expect(inbox[IMAPUID(2)]?.contains(MessageFlag.deleted) == true)
        let refused = try await fixture.serverFlags("Refused")
        #expect(refused.count == 2)
        #expect(refused.values.allSatisfy { !$0.contains(MessageFlag.deleted) })
        let after = await fixture.sync()
        #expect(after.mailboxes.first?.expunged == 0)
        #expect(try fixture.store.messageCount() == countBefore)
    }

    @Test("a server without UIDPLUS: the move is skipped with a warning, nothing changes")
    func withoutUIDPlus() async throws {
        let fixture = try Self.fixture(
            RefusalSettings(action: .move, folder: "Refused", createFolder: true),
            capability: DovecotServer.capabilities(without: ["UIDPLUS"]))
        try fixture.server.deliver([SyncFixture.message(1)])
        _ = await fixture.sync()
        try refuse(fixture)
        let result = await fixture.sync()
        #expect(result.refusals.moved == 0)
        #expect(result.refusals.warnings.first?.contains("UIDPLUS") == true)
        #expect(result.succeeded, "a server limit is a warning")
        #expect(try await fixture.serverFlags("INBOX").count == 1)
        let connection = try await fixture.connection()
        #expect(try await connection.listMailboxes().contains { $0.name == "Refused" } == false, "no folder created for nothing")
        await connection.logout()
    }
}
