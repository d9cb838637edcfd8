import Foundation
import IMAP
import Store
import Testing

/// `mailroom daemon`, the built command, against real Dovecots.
@Suite("mailroom daemon")
struct DaemonTests {
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// A config with one account per server; the `broken` one has a wrong password.
    func configure(_ servers: [(name: String, server: DovecotServer, password: String)], poll: Int = 1, recheck: Int = 3) throws -> MailroomBinary {
        var text = "accounts:\n"
        var environment: [String: String] = [:]
        for (name, server, password) in servers {
            text += """
                  \(name):
                    host: 127.0.0.1
                    port: \(server.imapsPort)
                    user: \(server.user)
                    password_env: PW_\(name.uppercased())
                    fingerprint: \(server.fingerprint)

                """
            environment["PW_\(name.uppercased())"] = password
        }
        text += "daemon:\n  poll_interval: \(poll)\n  recheck_interval: \(recheck)\n"
        let mailroom = MailroomBinary(home: home, environment: environment)
        try Data(text.utf8).write(to: URL(fileURLWithPath: mailroom.configPath))
        return mailroom
    }

    func storedCount(_ store: MailStore, account: String, mailbox: String = "INBOX") throws -> Int {
        guard let id = try store.mailboxID(account: account, mailbox: mailbox) else { return 0 }
        return try store.syncedMessages(mailbox: id).count
    }

    @Test("new mail is stored and classified within seconds; a failing account does not stop the other; SIGTERM exits 0")
    func newMail() async throws {
        let server = try DovecotServer()
        let other = try DovecotServer()
        try server.deliver([SyncFixture.message(1)])
        let mailroom = try configure([("good", server, server.password), ("broken", other, "wrong password")], recheck: 600)
        let daemon = try mailroom.start(["daemon", "--verbose"])
        let store = try MailStore(path: mailroom.databasePath)
        #expect(try await eventually(within: .seconds(60)) { try storedCount(store, account: "good") == 1 } != nil, "\(daemon.stderr)")

        try await Task.sleep(for: .milliseconds(500))  // into IDLE
        try server.deliver([SyncFixture.message(2), SyncFixture.message(3, attachment: true)])
        let latency = try await eventually(within: .seconds(20)) { try storedCount(store, account: "good") == 3 }
        #expect(latency != nil, "new mail arrived while the daemon was idling: \(daemon.stderr)")
        // "Within seconds": generous, since the suite runs debug builds on a shared 2-core machine.
        #expect((latency ?? .seconds(99)) < .seconds(15))
        let id = try #require(try store.mailboxID(account: "good", mailbox: "INBOX"))
        #expect(try store.syncedMessages(mailbox: id).allSatisfy { $0.category == "orders" }, "stored and classified")

        let status = try store.syncStatus()
        #expect(status.first { $0.name == "broken" }?.mailboxes.first?.lastError?.contains("refused the user name or password") == true)

        daemon.signal(SIGTERM)
        let ended = await daemon.wait(timeout: .seconds(20))
        #expect(ended?.status == 0, "graceful shutdown exits 0: \(daemon.stderr)")
        #expect(ended?.stderr.contains("logged out") == true)
    }

    @Test("without IDLE the daemon polls; after a server restart it reconnects with backoff")
    func pollAndReconnect() async throws {
        let server = try DovecotServer(capability: DovecotServer.capabilities(without: ["IDLE", "CONDSTORE", "QRESYNC"]))
        let mailroom = try configure([("poll", server, server.password)], poll: 1, recheck: 2)
        let daemon = try mailroom.start(["daemon"])
        let store = try MailStore(path: mailroom.databasePath)
        #expect(try await eventually(within: .seconds(60)) { try store.mailboxID(account: "poll", mailbox: "INBOX") != nil } != nil)
        try server.deliver([SyncFixture.message(1)])
        #expect(try await eventually(within: .seconds(60)) { try storedCount(store, account: "poll") == 1 } != nil, "\(daemon.stderr)")
        try server.deliver([SyncFixture.message(2)], to: "Archive")
        #expect(try await eventually(within: .seconds(60)) { try storedCount(store, account: "poll", mailbox: "Archive") == 1 } != nil,
                "other mailboxes are re-checked")

        try server.stop()
        try await Task.sleep(for: .seconds(3))
        try server.restart()
        try server.deliver([SyncFixture.message(3)])
        #expect(try await eventually(within: .seconds(60)) { try storedCount(store, account: "poll") == 2 } != nil,
                "reconnected after the restart: \(daemon.stderr)")
        daemon.signal(SIGINT)
        #expect(await daemon.wait(timeout: .seconds(20))?.status == 0)
    }
}
