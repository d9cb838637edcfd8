import Classification
import Config
import Foundation
import IMAP
import Logging
import Pipeline
import Rules
import Store
import Sync

/// A Dovecot, a fresh store and a sync engine wired to them.
struct SyncFixture {
    let server: DovecotServer
    let store: MailStore
    let folder: URL
    var engine: SyncEngine
    var account: AccountConfig

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let rulesFolder = repository.appendingPathComponent("Rules")
    static let samples = repository.appendingPathComponent("Samples")

    /// The shipped rules, loaded once per test process.
    static let analyzer: Analyzer = {
        do {
            return Analyzer(classifier: Classifier(rules: try RulesLoader.load(folders: [rulesFolder])))
        } catch {
            fatalError("the shipped rules do not load: \(error)")
        }
    }()

    init(capability: String? = nil, security: AccountConfig.Security = .tls, batchSize: Int = 250) throws {
        server = try DovecotServer(capability: capability)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try MailStore(path: folder.appendingPathComponent("store.sqlite").path)
        account = AccountConfig(
            name: "test", host: "127.0.0.1", port: security == .tls ? server.imapsPort : server.imapPort, security: security,
            user: server.user, password: .environment("TEST_PASSWORD"), fingerprint: server.fingerprint)
        var logger = Logger(label: "sync-test")
        logger.logLevel = .warning
        engine = SyncEngine(store: store, analyzer: { SyncFixture.analyzer }, logger: logger,
                            environment: ["TEST_PASSWORD": server.password], now: { Date() })
        engine.batchSize = batchSize
    }

    func sync(only: [String] = [], progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async -> AccountSyncResult {
        await engine.sync(account, onlyMailboxes: only, progress: progress)
    }

    func mailboxResult(_ result: AccountSyncResult, _ name: String) -> MailboxSyncResult? {
        result.mailboxes.first { $0.name == name }
    }

    func stored(_ mailbox: String) throws -> [SyncedMessage] {
        guard let id = try store.mailboxID(account: account.name, mailbox: mailbox) else { return [] }
        return try store.syncedMessages(mailbox: id)
    }

    /// A logged-in connection of the test's own, to change the mailbox behind the sync's back.
    func connection() async throws -> IMAPConnection {
        let connection = IMAPConnection(endpoint: server.endpoint(.tls), logger: Logger(label: "t"), now: { Date() })
        try await connection.open(credentials: server.credentials)
        return connection
    }

    /// APPENDs messages (much faster than one doveadm per message).
    func append(_ messages: [Data], to mailbox: String = "INBOX") async throws {
        let connection = try await connection()
        for message in messages { try await connection.append(message, to: mailbox) }
        await connection.logout()
    }

    /// Flags of every message of a mailbox on the server, by UID.
    func serverFlags(_ mailbox: String = "INBOX") async throws -> [IMAPUID: [String]] {
        let connection = try await connection()
        defer { Task { await connection.logout() } }
        guard let info = try await connection.listMailboxes().first(where: { $0.name == mailbox }) else { return [:] }
        _ = try await connection.select(info)
        let uids = try await connection.uids(after: IMAPUID(0))
        return try await connection.flags(of: UIDSet(uids)).flags
    }

    /// A realistic order mail.
    static func message(_ index: Int, attachment: Bool = false, subject: String? = nil) -> Data {
        var text = """
            From: Boutique Exemple <commandes@boutique-exemple.fr>\r
            To: Camille <camille@example.org>\r
            Subject: \(subject ?? "Confirmation de votre commande n° \(1000 + index)")\r
            Date: Tue, 7 Jan 2025 09:\(String(format: "%02d", index % 60)):00 +0100\r
            Message-ID: <order-\(index)@boutique-exemple.fr>\r
            MIME-Version: 1.0\r

            """
        if attachment {
            text += """
                Content-Type: multipart/mixed; boundary="outer-\(index)"\r
                \r
                --outer-\(index)\r
                Content-Type: multipart/alternative; boundary="inner-\(index)"\r
                \r
                --inner-\(index)\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Bonjour Camille, merci pour votre commande n=C2=B0 \(1000 + index). Votre facture est jointe.\r
                --inner-\(index)\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <p>Bonjour Camille, merci pour votre commande n° \(1000 + index).</p>\r
                --inner-\(index)--\r
                --outer-\(index)\r
                Content-Type: application/pdf; name="facture-\(index).pdf"\r
                Content-Disposition: attachment; filename="facture-\(index).pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                \(Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))\r
                --outer-\(index)--\r

                """
        } else {
            text += "Content-Type: text/plain; charset=utf-8\r\n\r\nBonjour Camille, merci pour votre commande n° \(1000 + index).\r\n"
        }
        return Data(text.utf8)
    }
}
