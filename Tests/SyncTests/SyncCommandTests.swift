import Config
import Foundation
import IMAP
import Store
import Testing

/// `mailroom sync`, `accounts` and `config` as a person or a script runs them.
@Suite("mailroom sync and accounts, the built command")
struct SyncCommandTests {
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-synccli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func configured(_ server: DovecotServer, pin: Bool = true, extra: [String] = []) throws -> MailroomBinary {
        let mailroom = MailroomBinary(home: home, environment: ["MAIL_PASSWORD": server.password])
        var arguments = ["accounts", "add", "test", "--host", "127.0.0.1", "--port", String(server.imapsPort),
                         "--user", server.user, "--password-env", "MAIL_PASSWORD"]
        if pin { arguments += ["--fingerprint", server.fingerprint] }
        let added = try mailroom.run(arguments + extra)
        #expect(added.status == 0, "\(added.stderr)")
        return mailroom
    }

    @Test("config example is accepted by the loader; accounts add, list, test and remove")
    func accounts() throws {
        let mailroom = MailroomBinary(home: home)
        let example = try mailroom.run(["config", "example"])
        #expect(example.status == 0)
        try Data(example.stdout.utf8).write(to: URL(fileURLWithPath: mailroom.configPath))
        let listed = try mailroom.run(["accounts", "list", "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"name\":\"personal\""))
        #expect(listed.stdout.contains("\"password\":\"password_command: pass show mail/example.org\""))

        let added = try mailroom.run(["accounts", "add", "work", "--host", "imap.example.org", "--user", "c", "--password-env", "W"])
        #expect(added.status == 0)
        let text = try String(contentsOfFile: mailroom.configPath, encoding: .utf8)
        #expect(text.contains("# Mailroom configuration"), "comments are kept")
        #expect(try ConfigLoader.load(path: mailroom.configPath).accounts.map(\.name) == ["personal", "work"])
        #expect(try mailroom.run(["accounts", "add", "bad", "--host", "h", "--user", "u"]).status == 2, "a password source is required")
        #expect(try mailroom.run(["accounts", "remove", "personal"]).status == 0)
        #expect(try ConfigLoader.load(path: mailroom.configPath).accounts.map(\.name) == ["work"])
        #expect(try mailroom.run(["accounts", "remove", "nobody"]).status == 1)
    }

    @Test("accounts test logs in and lists mailboxes; a self-signed certificate is refused (exit 5) with the fingerprint to pin")
    func accountsTest() throws {
        let server = try DovecotServer()
        let unpinned = try configured(server, pin: false)
        let refused = try unpinned.run(["accounts", "test", "test"])
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("--fingerprint \(server.fingerprint)"))
        #expect(try unpinned.run(["sync"]).status == 5)
        #expect(try unpinned.run(["accounts", "remove", "test"]).status == 0)

        let pinned = try configured(server)
        let tested = try pinned.run(["accounts", "test", "test"])
        #expect(tested.status == 0, "\(tested.stderr)")
        #expect(tested.stdout.contains("* INBOX"))
        #expect(tested.stdout.contains("Archive  (\\Archive)"))
        #expect(tested.stdout.contains("QRESYNC"))
    }

    @Test("sync: summary, status in the issue's JSON shape; exit 3 for a wrong password, 4 for a server that is down")
    func syncAndStatus() async throws {
        let server = try DovecotServer()
        let mailroom = try configured(server)
        try server.deliver([SyncFixture.message(1), SyncFixture.message(2, attachment: true)])
        let synced = try mailroom.run(["sync"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("test/INBOX: 2 new, 0 already stored, 0 changed, 0 expunged"))
        let json = try mailroom.run(["sync", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let account = try #require((document["accounts"] as? [[String: Any]])?.first)
        #expect(account["error"] is NSNull)
        #expect((account["mailboxes"] as? [[String: Any]])?.first?["new"] as? Int == 0)

        let status = try mailroom.run(["status", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let accounts = try #require(object["accounts"] as? [[String: Any]])
        #expect(accounts.count == 1)
        #expect(accounts[0]["name"] as? String == "test")
        let mailboxes = try #require(accounts[0]["mailboxes"] as? [[String: Any]])
        let inbox = try #require(mailboxes.first { $0["name"] as? String == "INBOX" })
        #expect(Set(inbox.keys) == ["name", "messages", "lastSync", "lastError"])
        #expect(inbox["messages"] as? Int == 2)
        #expect(inbox["lastError"] is NSNull)
        #expect((inbox["lastSync"] as? String)?.hasSuffix("Z") == true)

        let wrong = try mailroom.run(["sync"], environment: ["MAIL_PASSWORD": "wrong"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("refused the user name or password"))
        #expect(!wrong.stderr.contains("wrong"))
        try server.stop()
        let down = try mailroom.run(["sync"])
        #expect(down.status == 4)
        #expect(down.stderr.contains("cannot connect to 127.0.0.1:\(server.imapsPort)"))
    }

    @Test("kill -9 in the middle of `mailroom sync`, then sync again: the store matches the mailbox, nothing twice")
    func killNine() async throws {
        let server = try DovecotServer()
        let mailroom = try configured(server)
        let count = 1200
        let fixtureConnection = IMAPConnection(endpoint: server.endpoint(.tls), logger: .init(label: "t"), now: { Date() })
        try await fixtureConnection.open(credentials: server.credentials)
        for index in 1...count { try await fixtureConnection.append(SyncFixture.message(index, attachment: index % 7 == 0), to: "INBOX") }
        await fixtureConnection.logout()

        let running = try mailroom.start(["sync"])
        let store = try MailStore(path: mailroom.databasePath)
        let started = try await eventually(within: .seconds(120)) { try store.messageCount() >= 250 }
        #expect(started != nil, "the sync stored its first batches")
        running.signal(SIGKILL)
        let killed = running.wait()
        #expect(killed.status == 128 + SIGKILL)
        let atKill = try store.messageCount()
        #expect(atKill < count, "killed in the middle (\(atKill) stored)")

        let resumed = try mailroom.run(["sync"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let mailbox = try #require(try store.mailboxID(account: "test", mailbox: "INBOX"))
        let stored = try store.syncedMessages(mailbox: mailbox)
        #expect(stored.map(\.uid) == (1...UInt32(count)).map { $0 }, "every UID of the mailbox, once")
        #expect(Set(stored.map(\.contentHash)).count == count)
        #expect(try store.messageCount() == count)
        #expect(stored.allSatisfy { $0.category != nil })
    }
}
