import Foundation
import IMAP
import Logging
import Store
import Testing

/// `refusals.action` and `report.regenerate_after_sync` through the built `mailroom`, against
/// real Dovecots: `refuse`/`accept`, then `sync` and `daemon`.
@Suite("refusal action and report regeneration, the built command")
struct RefusalCommandTests {
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-refusalcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// One account on `server`, then the given config sections.
    func configure(_ server: DovecotServer, sections: String) throws -> MailroomBinary {
        let text = """
            accounts:
              test:
                host: 127.0.0.1
                port: \(server.imapsPort)
                user: \(server.user)
                password_env: MAIL_PASSWORD
                fingerprint: \(server.fingerprint)

            """ + sections
        let mailroom = MailroomBinary(home: home, environment: ["MAIL_PASSWORD": server.password])
        try Data(text.utf8).write(to: URL(fileURLWithPath: mailroom.configPath))
        return mailroom
    }

    func inboxFlags(_ server: DovecotServer) async throws -> [IMAPUID: [String]] {
        let connection = IMAPConnection(endpoint: server.endpoint(.tls), logger: Logger(label: "t"), now: { Date() })
        try await connection.open(credentials: server.credentials)
        let inbox = try #require(try await connection.listMailboxes().first(where: \.isInbox))
        _ = try await connection.select(inbox)
        let flags = try await connection.flags(of: UIDSet(try await connection.uids(after: IMAPUID(0)))).flags
        await connection.logout()
        return flags
    }

    @Test("refuse, then sync with action keyword: the summary counts it, the server carries it once; accept takes it off")
    func keyword() async throws {
        let server = try DovecotServer()
        try server.deliver([SyncFixture.message(1), RefusalActionTests.newsletter(2)])
        let mailroom = try configure(server, sections: "refusals:\n  action: keyword\n  keyword: $Refused\n")
        let first = try mailroom.run(["sync"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("test: refused mail: 0 tagged $Refused, 0 untagged"))

        let refused = try mailroom.run(["refuse", "boutique-exemple.fr"])
        #expect(refused.status == 0, "\(refused.stderr)")
        let json = try mailroom.run(["sync", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let account = try #require((document["accounts"] as? [[String: Any]])?.first)
        let refusals = try #require(account["refusals"] as? [String: Any])
        #expect(Set(refusals.keys) == ["action", "tagged", "untagged", "moved", "errors", "warnings"])
        #expect(refusals["action"] as? String == "keyword")
        #expect(refusals["tagged"] as? Int == 1)
        #expect((refusals["errors"] as? [Any])?.isEmpty == true)
        var flags = try await inboxFlags(server)
        #expect(flags[IMAPUID(1)] == ["$Refused"], "only the keyword: not \\Seen")
        #expect(flags[IMAPUID(2)] == [])

        let again = try mailroom.run(["sync"])
        #expect(again.stdout.contains("test: refused mail: 0 tagged $Refused, 0 untagged"), "\(again.stdout)")
        #expect(again.stdout.contains("test/INBOX: 0 new, 0 already stored, 0 changed, 0 expunged"))

        #expect(try mailroom.run(["accept", "boutique-exemple.fr"]).status == 0)
        let accepted = try mailroom.run(["sync"])
        #expect(accepted.stdout.contains("test: refused mail: 0 tagged $Refused, 1 untagged"), "\(accepted.stdout)")
        flags = try await inboxFlags(server)
        #expect(flags[IMAPUID(1)] == [])
    }

    @Test("move to a missing folder: `mailroom sync` says how to fix it and exits 1")
    func missingFolder() async throws {
        let server = try DovecotServer()
        try server.deliver([SyncFixture.message(1)])
        let mailroom = try configure(server, sections: "refusals:\n  action: move\n  folder: Refusés\n")
        #expect(try mailroom.run(["sync"]).status == 0)
        #expect(try mailroom.run(["refuse", "boutique-exemple.fr"]).status == 0)
        let sync = try mailroom.run(["sync"])
        #expect(sync.status == 1)
        #expect(sync.stdout.contains("test: refused mail: 0 moved to Refusés"))
        #expect(sync.stderr.contains("cannot move refused mail of test to Refusés: the account has no such mailbox"), "\(sync.stderr)")
        #expect(try await inboxFlags(server).count == 1)
    }

    @Test("daemon with regenerate_after_sync: the report is written after new mail, not after a pass that changed nothing")
    func daemonRegeneratesReport() async throws {
        let server = try DovecotServer()
        let report = home.appendingPathComponent("report")
        let mailroom = try configure(
            server,
            sections: "report:\n  output: \(report.path)\n  regenerate_after_sync: true\ndaemon:\n  poll_interval: 1\n  recheck_interval: 1\n")
        let index = report.appendingPathComponent("index.html")
        let daemon = try mailroom.start(["daemon", "--verbose"])
        var stopped = false
        defer { if !stopped { daemon.signal(SIGKILL); _ = daemon.wait() } }
        func idlePasses() -> Int { daemon.stderr.components(separatedBy: "nothing changed").count - 1 }

        // An empty mailbox: passes that change nothing write no report.
        #expect(await eventually(within: .seconds(60)) { idlePasses() >= 3 } != nil, "\(daemon.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index.path))

        try server.deliver([SyncFixture.message(1)])
        // The daemon logs the regeneration once the report is written: the log line, not the
        // file, says it is done.
        #expect(await eventually(within: .seconds(90)) { daemon.stderr.contains("report regenerated after test's sync") } != nil,
                "\(daemon.stderr)")
        #expect(FileManager.default.fileExists(atPath: index.path))
        let html = try String(contentsOf: index, encoding: .utf8)
        #expect(html.contains("Boutique Exemple"))
        let attributes = try FileManager.default.attributesOfItem(atPath: index.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let written = try #require(attributes[.modificationDate] as? Date)
        let regenerations = daemon.stderr.components(separatedBy: "report regenerated").count - 1

        // More passes with nothing new: the report stays as it is.
        let passes = idlePasses()
        #expect(await eventually(within: .seconds(90)) { idlePasses() >= passes + 3 } != nil)
        #expect(try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date == written)
        #expect(daemon.stderr.components(separatedBy: "report regenerated").count - 1 == regenerations)

        // A flag change is a change.
        try server.doveadm(["flags", "add", "-u", server.user, "\\Seen", "mailbox", "INBOX", "uid", "1"])
        #expect(await eventually(within: .seconds(90)) {
            daemon.stderr.components(separatedBy: "report regenerated").count - 1 > regenerations
        } != nil, "\(daemon.stderr)")

        daemon.signal(SIGTERM)
        let ended = await daemon.wait(timeout: .seconds(20))
        stopped = ended != nil
        #expect(ended?.status == 0)
    }
}
