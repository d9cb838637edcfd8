import Foundation
import IMAP
import Logging
import Testing

/// The IMAP module against a real Dovecot: TLS verification, login, LIST, SELECT, FETCH, IDLE.
@Suite("IMAP connection against Dovecot")
struct IMAPConnectionTests {
    static let logger = Logger(label: "test")

    static func message(_ index: Int, subject: String = "Votre commande", attachment: Bool = false) -> Data {
        var text = """
            From: Boutique Exemple <commandes@boutique.example>\r
            To: Camille <camille@example.org>\r
            Subject: \(subject) \(index)\r
            Date: Tue, 7 Jan 2025 09:30:00 +0100\r
            Message-ID: <order-\(index)@boutique.example>\r
            MIME-Version: 1.0\r

            """
        if attachment {
            text += """
                Content-Type: multipart/mixed; boundary="outer"\r
                \r
                --outer\r
                Content-Type: multipart/alternative; boundary="inner"\r
                \r
                --inner\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Merci pour votre commande n=C2=B0 \(index).\r
                --inner\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <p>Merci pour votre commande n° \(index).</p>\r
                --inner--\r
                --outer\r
                Content-Type: application/pdf; name="facture.pdf"\r
                Content-Disposition: attachment; filename="facture.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r
                --outer--\r

                """
        } else {
            text += "Content-Type: text/plain; charset=utf-8\r\n\r\nMerci pour votre commande \(index).\r\n"
        }
        return Data(text.utf8)
    }

    func connect(_ server: DovecotServer, _ security: IMAPEndpoint.Security = .tls, trust: CertificateTrust? = nil) async throws -> IMAPConnection {
        let connection = IMAPConnection(endpoint: server.endpoint(security, trust: trust), logger: Self.logger, now: { Date() })
        try await connection.open(credentials: server.credentials)
        return connection
    }

    @Test("TLS with the pinned fingerprint: login, capabilities, special-use mailboxes")
    func pinnedTLS() async throws {
        let server = try DovecotServer()
        let connection = try await connect(server)
        #expect(connection.capabilities.qresync)
        #expect(connection.capabilities.idle)
        let mailboxes = try await connection.listMailboxes()
        #expect(mailboxes.first { $0.isInbox } != nil)
        #expect(mailboxes.first { $0.name == "Archive" }?.specialUse == .archive)
        #expect(mailboxes.first { $0.name == "Trash" }?.specialUse == .trash)
        await connection.logout()
    }

    @Test("a self-signed certificate is refused without a pin, with the fingerprint to pin in the message")
    func selfSignedRefused() async throws {
        let server = try DovecotServer()
        for security in [IMAPEndpoint.Security.tls, .starttls] {
            let connection = IMAPConnection(endpoint: server.endpoint(security, trust: .systemRoots), logger: Self.logger, now: { Date() })
            let error = await #expect(throws: IMAPError.self) { try await connection.open(credentials: server.credentials) }
            guard case .certificateRefused(_, _, let fingerprint) = error else {
                Issue.record("expected a refused certificate, got \(String(describing: error))")
                continue
            }
            #expect(fingerprint == server.fingerprint)
            #expect(error?.description.contains("--fingerprint \(server.fingerprint)") == true)
        }
    }

    @Test("a wrong pin is refused; the certificate's own file as CA file is accepted")
    func pinAndCAFile() async throws {
        let server = try DovecotServer()
        let wrong = String(repeating: "ab", count: 32)
        let refused = IMAPConnection(endpoint: server.endpoint(.tls, trust: .pinned(sha256: wrong)), logger: Self.logger, now: { Date() })
        await #expect(throws: IMAPError.self) { try await refused.open(credentials: server.credentials) }
        let viaCA = try await connect(server, .tls, trust: .caFile(server.certificate))
        await viaCA.logout()
        // The certificate names localhost and 127.0.0.1, not other names.
        var endpoint = server.endpoint(.tls, trust: .caFile(server.certificate))
        endpoint.host = "localhost"
        let byName = IMAPConnection(endpoint: endpoint, logger: Self.logger, now: { Date() })
        try await byName.open(credentials: server.credentials)
        await byName.logout()
        // Ten years from now the certificate has expired.
        let later = IMAPConnection(endpoint: server.endpoint(.tls, trust: .caFile(server.certificate)), logger: Self.logger,
                                   now: { Date().addingTimeInterval(11 * 365 * 86_400) })
        let error = await #expect(throws: IMAPError.self) { try await later.open(credentials: server.credentials) }
        #expect(error?.description.contains("expired") == true)
    }

    @Test("commands after the server went away fail with an error, over TLS and plain (no SIGPIPE)")
    func serverGone() async throws {
        let server = try DovecotServer()
        let connections = [try await connect(server, .tls), try await connect(server, .plain)]
        try server.stop()
        for connection in connections {
            // The first write may still be accepted by the kernel; the next ones meet a closed
            // socket (EPIPE), which must be an error, not a signal that ends the process.
            for _ in 0..<3 {
                await #expect(throws: IMAPError.self) { _ = try await connection.listMailboxes() }
            }
        }
    }

    @Test("STARTTLS and plain on loopback connect; plain elsewhere is refused before connecting")
    func otherSecurity() async throws {
        let server = try DovecotServer()
        await (try connect(server, .starttls)).logout()
        await (try connect(server, .plain)).logout()
        let remote = IMAPConnection(endpoint: IMAPEndpoint(host: "imap.example.org", port: 143, security: .plain), logger: Self.logger, now: { Date() })
        let error = await #expect(throws: IMAPError.self) { try await remote.open(credentials: server.credentials) }
        #expect(error?.description.contains("without TLS") == true)
    }

    @Test("a wrong password and a stopped server give errors a person can act on")
    func failures() async throws {
        let server = try DovecotServer()
        let wrong = IMAPConnection(endpoint: server.endpoint(.tls), logger: Self.logger, now: { Date() })
        let loginError = await #expect(throws: IMAPError.self) {
            try await wrong.open(credentials: IMAPCredentials(user: server.user, password: "wrong"))
        }
        #expect(loginError?.kind == .login)
        #expect(loginError?.description.contains("wrong") == false, "the password never appears in messages")
        try server.stop()
        let down = IMAPConnection(endpoint: server.endpoint(.tls), logger: Self.logger, now: { Date() })
        let downError = await #expect(throws: IMAPError.self) { try await down.open(credentials: server.credentials) }
        #expect(downError?.kind == .unreachable)
    }

    @Test("SELECT with CONDSTORE, summaries, partial text sections; nothing becomes \\Seen")
    func fetching() async throws {
        let server = try DovecotServer()
        try server.deliver([Self.message(1), Self.message(2, attachment: true)])
        let connection = try await connect(server)
        let inbox = try #require(try await connection.listMailboxes().first { $0.isInbox })
        let selected = try await connection.select(inbox)
        #expect(selected.exists == 2)
        #expect(selected.highestModSeq != nil)
        let uids = try await connection.uids(after: IMAPUID(0))
        #expect(uids.count == 2)
        let summaries = try await connection.summaries(UIDSet(uids))
        #expect(summaries.count == 2)
        #expect(String(decoding: summaries[0].header, as: UTF8.self).contains("Subject: Votre commande 1"))
        #expect(summaries[0].size == Self.message(1).count)
        let leaves = summaries[1].structure?.leaves ?? []
        #expect(leaves.map(\.section) == ["1.1", "1.2", "2"])
        #expect(leaves.map(\.mimeType) == ["text/plain", "text/html", "application/pdf"])
        #expect(leaves.last?.filename == "facture.pdf")
        #expect(leaves.first?.parameters["charset"] == "utf-8")
        let sections = try await connection.sections(["1.1", "1.2"], of: UIDSet([summaries[1].uid]), limit: 20)
        #expect(sections[summaries[1].uid]?["1.1"] == Data("Merci pour votre com".utf8))
        // With a limit longer headers come back cut, and whole from `headers`.
        let limited = try await connection.summaries(UIDSet(uids), headerLimit: 100)
        #expect(limited.map(\.header.count) == [100, 100])
        #expect(limited.allSatisfy { $0.headerCut })
        #expect(try await connection.summaries(UIDSet(uids), headerLimit: 64 * 1024).allSatisfy { !$0.headerCut })
        let whole = try await connection.headers(UIDSet(uids))
        #expect(whole[uids[0]] == summaries[0].header && whole[uids[1]] == summaries[1].header)
        let flags = try await connection.flags(of: UIDSet(uids))
        #expect(flags.flags.values.allSatisfy { !$0.contains(MessageFlag.seen) })
        #expect(connection.bytesFetched > 0)
        // Nothing after the last UID.
        #expect(try await connection.uids(after: uids[1]).isEmpty)
        await connection.logout()
    }

    @Test("QRESYNC reports flag changes and expunges since a modification sequence")
    func qresync() async throws {
        let server = try DovecotServer()
        try server.deliver((1...4).map { Self.message($0) })
        let connection = try await connect(server)
        let inbox = try #require(try await connection.listMailboxes().first { $0.isInbox })
        let before = try #require(try await connection.select(inbox).highestModSeq)
        try server.doveadm(["flags", "add", "-u", server.user, "\\Flagged", "mailbox", "INBOX", "uid", "2"])
        try server.doveadm(["expunge", "-u", server.user, "mailbox", "INBOX", "uid", "3"])
        let reselected = try await connection.select(inbox)
        #expect(try #require(reselected.highestModSeq) > before)
        let changes = try await connection.flags(of: UIDSet(1...4), changedSince: before, vanished: true)
        #expect(changes.flags[IMAPUID(2)]?.contains(MessageFlag.flagged) == true)
        #expect(changes.flags[IMAPUID(1)] == nil)
        #expect(Array(changes.vanished) == [IMAPUID(3)])
        await connection.logout()
    }

    @Test("IDLE wakes up on new mail and on an interrupt")
    func idle() async throws {
        let server = try DovecotServer()
        let connection = try await connect(server)
        let inbox = try #require(try await connection.listMailboxes().first { $0.isInbox })
        _ = try await connection.select(inbox)
        async let outcome = connection.idle(seconds: 20)
        try await Task.sleep(for: .milliseconds(500))
        try server.deliver([Self.message(9)])
        #expect(try await outcome == .changed)
        async let interrupted = connection.idle(seconds: 20)
        try await Task.sleep(for: .milliseconds(300))
        connection.interruptIdle()
        #expect(try await interrupted == .interrupted)
        await connection.logout()
    }

    @Test("UID STORE of a keyword and UID MOVE (the refusal actions); nothing is deleted")
    func keywordAndMove() async throws {
        let server = try DovecotServer()
        try server.deliver([Self.message(1), Self.message(2)])
        let connection = try await connect(server)
        let mailboxes = try await connection.listMailboxes()
        let inbox = try #require(mailboxes.first { $0.isInbox })
        let archive = try #require(mailboxes.first { $0.specialUse == .archive })
        _ = try await connection.select(inbox)
        try await connection.addKeyword("$MailroomRefused", to: UIDSet([IMAPUID(1)]))
        let flags = try await connection.flags(of: UIDSet(1...2))
        #expect(flags.flags[IMAPUID(1)]?.contains("$MailroomRefused") == true)
        #expect(flags.flags[IMAPUID(2)]?.contains("$MailroomRefused") == false)
        try await connection.move(UIDSet([IMAPUID(2)]), to: archive)
        #expect(try await connection.existing(UIDSet(1...2)) == [IMAPUID(1)])
        #expect(try await connection.select(archive).exists == 1)
        await connection.logout()
    }

    @Test("mailbox names in modified UTF-7 are decoded, and selectable by their decoded name")
    func internationalNames() async throws {
        let server = try DovecotServer()
        try server.doveadm(["mailbox", "create", "-u", server.user, "Reçus/Été 2025"])
        try server.deliver([Self.message(1)], to: "Reçus/Été 2025")
        let connection = try await connect(server)
        let mailboxes = try await connection.listMailboxes()
        let mailbox = try #require(mailboxes.first { $0.name == "Reçus/Été 2025" })
        #expect(mailbox.wireName == "Re&AOc-us/&AMk-t&AOk- 2025")
        #expect(try await connection.select(mailbox).exists == 1)
        await connection.logout()
    }
}
