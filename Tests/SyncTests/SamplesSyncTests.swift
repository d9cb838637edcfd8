import Foundation
import Logging
import Pipeline
import Store
import Sync
import Testing

/// Syncing Samples/ from Dovecot stores what importing the files stores: one pipeline.
@Suite("Samples through IMAP and through import")
struct SamplesSyncTests {
    static func sampleFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: SyncFixture.samples, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "eml" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test("every sample, broken ones too: same content hashes, vendors and categories as import")
    func sameAsImport() async throws {
        let fixture = try SyncFixture()
        let files = try Self.sampleFiles()
        #expect(files.count >= 198)
        try fixture.server.deliver(try files.map { try Data(contentsOf: $0) })
        let result = await fixture.sync(only: ["INBOX"])
        #expect(result.error == nil)
        #expect(result.mailboxes.first?.error == nil)

        let imported = try MailStore(path: fixture.folder.appendingPathComponent("imported.sqlite").path)
        let importer = Importer(store: imported, analyzer: SyncFixture.analyzer, logger: Logger(label: "t"), now: { Date() })
        _ = try importer.run(try MailSource(paths: [SyncFixture.samples.path]))

        // IMAP cannot carry NUL bytes (RFC 3501 §4.3): the server sends a message holding some
        // with replacements, so its content (hashed whole when it has no header) can differ.
        let lossy = Set(try files.map { try Data(contentsOf: $0) }.filter { $0.contains(0) }.map {
            SyncFixture.analyzer.analyze(RawMessage(path: "x", position: 0, data: $0)).contentHash
        })
        let synced = try fixture.store.classificationsByContent()
        let expected = try imported.classificationsByContent()
        #expect(synced.count == expected.count)
        let missing = Set(expected.keys).subtracting(synced.keys).subtracting(lossy)
        #expect(missing.isEmpty, "the content hash of a synced message is the one import computes: \(missing.map { expected[$0]?.subject ?? $0 })")
        var differences: [String] = []
        for (hash, classification) in expected where !lossy.contains(hash) && synced[hash] != classification {
            differences.append("\(classification.subject ?? "?"): import \(classification) / sync \(synced[hash].map { "\($0)" } ?? "missing")")
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")

        // The same text parts, read from the parts the server sends (multiparts) or from the
        // whole text, and the same attachments (their sizes are estimated from BODYSTRUCTURE).
        let syncedMessages = Dictionary(try fixture.store.storedMessages(after: 0, limit: 10_000).map { ($0.contentHash, $0) }) { first, _ in first }
        var partDifferences: [String] = []
        for message in try imported.storedMessages(after: 0, limit: 10_000) where !lossy.contains(message.contentHash) {
            guard let synced = syncedMessages[message.contentHash] else { continue }
            if synced.parts != message.parts {
                partDifferences.append("\(expected[message.contentHash]?.subject ?? "?"): text parts differ")
            }
            let attachments = { (list: [StoredAttachment]) in list.map { "\($0.section) \($0.mimeType) \($0.filename ?? "-")" } }
            if attachments(synced.attachments) != attachments(message.attachments) {
                partDifferences.append("\(expected[message.contentHash]?.subject ?? "?"): attachments \(attachments(message.attachments)) / \(attachments(synced.attachments))")
            }
        }
        #expect(partDifferences.isEmpty, "\(partDifferences.joined(separator: "\n"))")

        // Syncing into the store that imported the same mail only adds locations.
        var second = fixture
        second.engine = SyncEngine(store: imported, analyzer: { SyncFixture.analyzer }, logger: Logger(label: "t"),
                                   environment: fixture.engine.environment, now: { Date() })
        let linked = await second.engine.sync(fixture.account, onlyMailboxes: ["INBOX"])
        #expect(linked.mailboxes.first?.new == lossy.count - lossy.intersection(synced.keys).count)
        #expect(linked.mailboxes.first.map { $0.new + $0.linked } == files.count)
    }
}
