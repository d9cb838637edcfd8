import Foundation
import GRDB
import MailroomCore
import Testing

@testable import Store

/// Text parts are stored compressed when that saves room, HTML without its rendering (derived
/// from the HTML); what reads them gets the texts back as they were.
@Suite("Stored text parts")
struct StoredTextTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-text-\(UUID().uuidString)")
    var path: String { directory.appendingPathComponent("store.sqlite").path }

    func message(_ hash: String, parts: [StoredPart]) -> NewMessage {
        NewMessage(
            location: .file(path: "\(hash).eml", position: 0), messageID: "<\(hash)@example.com>", contentHash: hash,
            date: Date(timeIntervalSince1970: 1_760_000_000), fromName: "Shop", fromAddress: "orders@shop.example",
            subject: "Commande \(hash)", size: 100, rawHeader: Data("Subject: x\r\n".utf8), warnings: [], parts: parts, attachments: [])
    }

    /// Markup as mail templates write it: long, repetitive, with accents and an emoji.
    static let newsletterHTML = "<html><body>" + (1...60).map { index in
        "<table role=\"presentation\" style=\"width:100%;border:0\"><tr><td style=\"padding:8px;font-family:Arial\">Offre n°\(index) : -\(index)% sur les thés 🍵</td></tr></table>"
    }.joined() + "</body></html>"

    func exported(_ store: MailStore) throws -> [String: ExportMessageRow] {
        var rows: [String: ExportMessageRow] = [:]
        try store.forEachMessageForExport(hidden: .nothing, withText: true) { rows[$0.message.subject ?? ""] = $0 }
        return rows
    }

    @Test("long texts are written compressed, short ones as they are, and both read back unchanged", arguments: [false, true])
    func roundTrip(compressedAhead: Bool) throws {
        let store = try MailStore(path: path)
        var new = message("h1", parts: [
            StoredPart(section: "1", kind: .plain, charset: "utf-8", text: "Merci Zoë", renderedText: nil),
            StoredPart(section: "2", kind: .html, charset: "utf-8", text: Self.newsletterHTML, renderedText: "Offres"),
        ])
        if compressedAhead { new.compressTexts() }
        _ = try store.insert([new], now: Date(timeIntervalSince1970: 0))
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT section, compression, length(content) AS bytes FROM message_text ORDER BY section")
        }
        #expect(rows.map { $0["compression"] as String? } == [nil, "zstd"])
        #expect(rows[1]["bytes"] as Int * 4 < Self.newsletterHTML.utf8.count)
        let parts = try #require(try store.storedMessages(after: 0, limit: 10).first).parts
        #expect(parts.map(\.text) == ["Merci Zoë", Self.newsletterHTML])
        #expect(parts.map(\.renderedText) == [nil, nil])
    }

    @Test("parts changed after compressing ahead are written as changed")
    func changedAfterCompressing() throws {
        let store = try MailStore(path: path)
        var new = message("h1", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: Self.newsletterHTML, renderedText: nil)])
        new.compressTexts()
        new.parts[0].text = "<p>Autre</p>"
        _ = try store.insert([new], now: Date(timeIntervalSince1970: 0))
        #expect(try store.storedMessages(after: 0, limit: 10).first?.parts.first?.text == "<p>Autre</p>")
    }

    @Test("the rendering is not written; the full-text index still has the rendered words")
    func renderingNotWritten() throws {
        let store = try MailStore(path: path)
        _ = try store.insert([message("h1", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: "<p>Merci <b>Zoë</b></p>", renderedText: "Merci Zoë")])],
                             now: Date(timeIntervalSince1970: 0))
        let body = try store.read { db in try String.fetchOne(db, sql: "SELECT body FROM message_fts") }
        #expect(body == "Merci Zoë")
        #expect(try store.storedMessages(after: 0, limit: 10).first?.parts.first?.renderedText == nil)
    }

    @Test("export: the plain part, else the HTML source to render, else empty")
    func export() throws {
        let store = try MailStore(path: path)
        _ = try store.insert([
            message("plain", parts: [
                StoredPart(section: "1", kind: .plain, charset: nil, text: "Bonjour", renderedText: nil),
                StoredPart(section: "2", kind: .html, charset: nil, text: "<p>Hello</p>", renderedText: "Hello"),
            ]),
            message("emptyplain", parts: [
                StoredPart(section: "1", kind: .plain, charset: nil, text: "", renderedText: nil),
                StoredPart(section: "2", kind: .html, charset: nil, text: Self.newsletterHTML, renderedText: "Offres"),
            ]),
            message("html", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: "<p>Hello</p>", renderedText: "Hello")]),
            message("none", parts: []),
        ], now: Date(timeIntervalSince1970: 0))
        let rows = try exported(store)
        #expect(rows["Commande plain"]?.text == "Bonjour")
        #expect(rows["Commande plain"]?.html == nil)
        #expect(rows["Commande emptyplain"]?.text == nil)
        #expect(rows["Commande emptyplain"]?.html == Self.newsletterHTML)
        #expect(rows["Commande html"]?.text == nil)
        #expect(rows["Commande html"]?.html == "<p>Hello</p>")
        #expect(rows["Commande none"]?.text == "")
        #expect(rows["Commande none"]?.html == nil)
    }

    @Test("a damaged compressed part is a clear error, not a crash")
    func damaged() throws {
        let store = try MailStore(path: path)
        _ = try store.insert([message("h1", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: Self.newsletterHTML, renderedText: nil)])],
                             now: Date(timeIntervalSince1970: 0))
        try store.write { db in try db.execute(sql: "UPDATE message_text SET content = substr(content, 1, 40)") }
        #expect {
            _ = try store.storedMessages(after: 0, limit: 10)
        } throws: { error in
            "\(error)".contains("a stored text part is damaged")
        }
    }

    @Test("a store made before keeps its parts: copied as they were, read back the same")
    func migratesOldParts() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: path)
            try MailStore.migrator.migrate(old, upTo: "2026-11-23-vendor-card-indexes")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO message (id, content_hash, size, raw_header, added_at) VALUES (1, 'old', 10, x'00', 0);
                    INSERT INTO message_part (message_id, section, kind, charset, text, rendered_text)
                        VALUES (1, '1', 'plain', 'utf-8', 'Très bien', NULL), (1, '2', 'html', NULL, '<p>Très</p>', 'Très');
                    """)
            }
        }
        let store = try MailStore(path: path)
        let parts = try #require(try store.storedMessages(after: 0, limit: 10).first).parts
        #expect(parts.map(\.text) == ["Très bien", "<p>Très</p>"])
        #expect(parts.map(\.kind) == [.plain, .html])
        let tables = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'message_part'") }
        #expect(tables.isEmpty)
    }

    @Test("a long import keeps the write-ahead log bounded: checkpoints run beside the writer")
    func logStaysBounded() throws {
        let store = try MailStore(path: path)
        // Text that does not compress (each part is compressed alone, so one random block
        // serves every message): 40 batches of 8 × 160 KB, about 50 MB in all.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ".utf8)
        let bytes = (0..<160_000).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return letters[Int(state % UInt64(letters.count))]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for batch in 0..<40 {
            let messages = (0..<8).map { index in
                message("b\(batch)-\(index)", parts: [StoredPart(section: "1", kind: .plain, charset: nil, text: text, renderedText: nil)])
            }
            _ = try store.insert(messages, now: Date(timeIntervalSince1970: 0))
        }
        let log = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(log < 40 << 20, "the log grew to \(log) bytes")  // 32 MB, then a batch
        #expect(try store.messageCount() == 320)
        let check = try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }
}
