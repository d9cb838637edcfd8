import Classification
import Config
import Foundation
import IMAP
import Pipeline
import Rules
import Store
@testable import Sync
import Testing

/// The sync engine against a real Dovecot.
@Suite("sync against Dovecot")
struct SyncEngineTests {
    @Test("initial sync: INBOX and the archive, not Trash; analysed like import; nothing marked \\Seen")
    func initialSync() async throws {
        let fixture = try SyncFixture()
        try await fixture.append((1...4).map { SyncFixture.message($0) } + [SyncFixture.message(5, attachment: true)])
        try await fixture.append([SyncFixture.message(6), SyncFixture.message(7)], to: "Archive")
        try await fixture.append([SyncFixture.message(8)], to: "Trash")
        let result = await fixture.sync()
        #expect(result.error == nil)
        #expect(result.mailboxes.map(\.name) == ["INBOX", "Archive"])
        #expect(fixture.mailboxResult(result, "INBOX")?.new == 5)
        #expect(fixture.mailboxResult(result, "Archive")?.new == 2)
        #expect(result.bytesFetched > 0)

        let inbox = try fixture.stored("INBOX")
        #expect(inbox.map(\.uid) == [1, 2, 3, 4, 5])
        #expect(inbox.allSatisfy { $0.category == "orders" })
        let withAttachment = try #require(inbox.last)
        #expect(withAttachment.attachments == 1)
        #expect(withAttachment.size == SyncFixture.message(5, attachment: true).count, "size is RFC822.SIZE")
        // The content hash is the one import computes from the file.
        let imported = SyncFixture.analyzer.analyze(RawMessage(path: "x.eml", position: 0, data: SyncFixture.message(5, attachment: true)))
        #expect(withAttachment.contentHash == imported.contentHash)
        #expect(try fixture.stored("Trash").isEmpty)

        let flags = try await fixture.serverFlags()
        #expect(flags.count == 5)
        #expect(flags.values.allSatisfy { !$0.contains(MessageFlag.seen) }, "syncing never marks mail read")

        // A second pass finds nothing to do.
        let again = await fixture.sync()
        #expect(again.mailboxes.allSatisfy { $0.new == 0 && $0.changed == 0 && $0.expunged == 0 && $0.linked == 0 })
    }

    @Test("flag changes, expunges and new mail are picked up incrementally",
          arguments: [nil, DovecotServer.capabilities(without: ["QRESYNC"]), DovecotServer.capabilities(without: ["QRESYNC", "CONDSTORE"])])
    func incremental(capability: String?) async throws {
        let fixture = try SyncFixture(capability: capability)
        try await fixture.append((1...5).map { SyncFixture.message($0) })
        #expect(await fixture.sync().error == nil)
        try fixture.server.doveadm(["flags", "add", "-u", fixture.server.user, "\\Flagged $Important", "mailbox", "INBOX", "uid", "2"])
        try fixture.server.doveadm(["expunge", "-u", fixture.server.user, "mailbox", "INBOX", "uid", "4"])
        try await fixture.append([SyncFixture.message(6)])
        let result = await fixture.sync(only: ["INBOX"])
        #expect(result.error == nil)
        let inbox = try #require(fixture.mailboxResult(result, "INBOX"))
        #expect(inbox.changed == 1)
        #expect(inbox.expunged == 1)
        #expect(inbox.new == 1)
        let stored = try fixture.stored("INBOX")
        #expect(stored.map(\.uid) == [1, 2, 3, 5, 6])
        #expect(stored.first { $0.uid == 2 }?.flags == "$Important \\Flagged")
        #expect(try fixture.store.messageCount() == 5, "the expunged message had no other location: it is gone")
    }

    @Test("a new UIDVALIDITY resyncs the mailbox without analysing stored mail again or duplicating it; corrections stay")
    func uidValidityReset() async throws {
        let fixture = try SyncFixture()
        try await fixture.append((1...3).map { SyncFixture.message($0) })
        _ = await fixture.sync()
        // The user corrects the first message, as `mailroom correct #ID --category personal --only-this` does.
        let first = try #require(try fixture.stored("INBOX").first)
        let firstRow = try #require(try fixture.store.messageRowID(contentHash: first.contentHash))
        _ = try fixture.store.addCorrection(
            messageKey: first.messageID ?? first.contentHash, stream: nil, category: .personal, vendorID: nil, now: Date())
        let rules = try RulesLoader.load(folders: [SyncFixture.rulesFolder])
        let corrected = Analyzer(classifier: Classifier(rules: rules), corrections: try Corrections.load(from: fixture.store, rules: rules))
        _ = try Reclassifier(store: fixture.store, analyzer: corrected).run(rowIDs: [firstRow])
        let before = try fixture.stored("INBOX")
        #expect(before.first?.category == "personal")
        try fixture.server.doveadm(["mailbox", "update", "-u", fixture.server.user, "--uid-validity", "12345", "INBOX"])
        let result = await fixture.sync(only: ["INBOX"])
        let inbox = try #require(fixture.mailboxResult(result, "INBOX"))
        #expect(inbox.resynced)
        #expect(inbox.new == 0)
        #expect(inbox.linked == 3)
        let after = try fixture.stored("INBOX")
        #expect(after.map(\.contentHash) == before.map(\.contentHash))
        #expect(after.map(\.category) == before.map(\.category), "the user's correction survives the resync")
        #expect(try fixture.store.corrections().count == 1)
        #expect(try fixture.store.messageCount() == 3)
        let id = try #require(try fixture.store.mailboxID(account: "test", mailbox: "INBOX"))
        #expect(try fixture.store.checkpoint(account: try fixture.store.accountID(named: "test"), mailbox: "INBOX").uidValidity == 12345)
        #expect(try fixture.store.syncedMessages(mailbox: id).count == 3)
    }

    @Test("mail already imported, or in two mailboxes, gets only a new location")
    func duplicates() async throws {
        let fixture = try SyncFixture()
        try await fixture.append([SyncFixture.message(1), SyncFixture.message(2)])
        try await fixture.append([SyncFixture.message(1)], to: "Archive")
        let result = await fixture.sync()
        #expect(fixture.mailboxResult(result, "INBOX")?.new == 2)
        #expect(fixture.mailboxResult(result, "Archive")?.linked == 1)
        #expect(try fixture.store.messageCount() == 2)
    }

    @Test("headers longer than the summary fetch's limit are fetched again whole: read and recognised as import reads them")
    func longHeaders() async throws {
        let fixture = try SyncFixture()
        // 2,000 trace lines (about 150 KB) before From, Subject, Message-ID and Content-Type:
        // the first 64 KB alone would lose every field the analysis reads.
        func longHeader(_ message: Data) -> Data {
            let trace = (1...2_000).map { "X-Relay-Trace: hop \($0) relay-\($0 % 7).mx.example.net 2025-01-07T09:30:00+01:00\r\n" }.joined()
            return Data(trace.utf8) + message
        }
        let messages = [SyncFixture.message(1), longHeader(SyncFixture.message(2)), longHeader(SyncFixture.message(3, attachment: true)),
                        SyncFixture.message(4)]
        #expect(messages[1].count > 2 * BatchContext.headerLimit)
        try await fixture.append(messages)
        let result = await fixture.sync(only: ["INBOX"])
        #expect(result.error == nil)
        let stored = try fixture.stored("INBOX")
        #expect(stored.map(\.uid) == [1, 2, 3, 4])
        for (message, data) in zip(stored, messages) {
            let imported = SyncFixture.analyzer.analyze(RawMessage(path: "x.eml", position: 0, data: data))
            #expect(message.contentHash == imported.contentHash)
            #expect(message.messageID == "<order-\(message.uid)@boutique-exemple.fr>")
            #expect(message.category == "orders")
        }
        #expect(stored[2].attachments == 1)
    }

    @Test("a wrong password and a server that is down: clear errors, recorded for status")
    func failures() async throws {
        var fixture = try SyncFixture()
        fixture.account.password = .literal("not the password")
        let refused = await fixture.sync()
        #expect(refused.error?.kind == .login)
        #expect(refused.error?.description.contains("not the password") == false)
        let status = try fixture.store.syncStatus()
        #expect(status.first?.mailboxes.first?.lastError?.contains("refused the user name or password") == true)
        try fixture.server.stop()
        let down = await fixture.sync()
        #expect(down.error?.kind == .unreachable)
    }

    @Test("the server stopped in the middle of a sync: what was stored stays, the next sync completes it without duplicates")
    func serverStoppedMidSync() async throws {
        let fixture = try SyncFixture(batchSize: 20)
        let messages = (1...300).map { SyncFixture.message($0, attachment: $0 % 5 == 0) }
        try await fixture.append(messages)
        let server = fixture.server
        let stopped = StopOnce()
        let first = await fixture.sync(only: ["INBOX"]) { progress in
            if progress.done >= 40 && stopped.first() { try? server.stop() }
        }
        #expect(first.error?.kind == .unreachable)
        let partial = try fixture.stored("INBOX")
        #expect(partial.count >= 40 && partial.count < 300)
        try server.restart()
        let second = await fixture.sync(only: ["INBOX"])
        #expect(second.error == nil)
        let stored = try fixture.stored("INBOX")
        #expect(stored.map(\.uid) == Array(1...300).map(UInt32.init))
        #expect(Set(stored.map(\.contentHash)).count == 300)
        #expect(try fixture.store.messageCount() == 300)
    }

    @Test("batches end at their byte budget; stopped and resumed, every message is stored once")
    func byteBoundedBatches() async throws {
        var fixture = try SyncFixture(batchSize: 20)
        // Each message's header and text take about 1 KB, a few of them 30 KB: a 4 KB budget
        // makes batches of a few small messages and batches of one large message.
        fixture.engine.batchBytes = 4_096
        let messages = (1...120).map { index in
            index % 17 == 0
                ? SyncFixture.message(index, subject: "Commande \(index) " + String(repeating: "détail ", count: 4_000))
                : SyncFixture.message(index, attachment: index % 5 == 0)
        }
        try await fixture.append(messages)
        let server = fixture.server
        let stopped = StopOnce()
        let sizes = BatchSizes()
        let first = await fixture.sync(only: ["INBOX"]) { progress in
            sizes.record(progress.done)
            if progress.done >= 50 && stopped.first() { try? server.stop() }
        }
        #expect(first.error?.kind == .unreachable)
        let deltas = sizes.deltas
        #expect(!deltas.isEmpty && deltas.allSatisfy { $0 >= 1 && $0 < 20 })
        #expect(deltas.contains(1))
        try server.restart()
        let second = await fixture.sync(only: ["INBOX"])
        #expect(second.error == nil)
        let stored = try fixture.stored("INBOX")
        #expect(stored.map(\.uid) == Array(1...120).map(UInt32.init))
        #expect(Set(stored.map(\.contentHash)).count == 120)
        #expect(try fixture.store.messageCount() == 120)
    }
}

/// The `done` counts a sync reported, as batch sizes.
final class BatchSizes: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [Int] = []
    func record(_ count: Int) { lock.withLock { done.append(count) } }
    var deltas: [Int] {
        lock.withLock { zip(done, [0] + done).map { $0 - $1 } }
    }
}

/// True the first time only.
final class StopOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }
}
