import Foundation
import MailroomCore
import Testing

@testable import Store

/// HTML parts are stored without their rendering (it is derived from the HTML); what reads
/// them gets the source back to render.
@Suite("HTML parts stored unrendered")
struct StoredRenderingTests {
    let store: MailStore

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-rendering-\(UUID().uuidString)")
        store = try MailStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    func message(_ hash: String, parts: [StoredPart]) -> NewMessage {
        NewMessage(
            location: .file(path: "\(hash).eml", position: 0), messageID: "<\(hash)@example.com>", contentHash: hash,
            date: Date(timeIntervalSince1970: 1_760_000_000), fromName: "Shop", fromAddress: "orders@shop.example",
            subject: "Commande \(hash)", size: 100, rawHeader: Data("Subject: x\r\n".utf8), warnings: [], parts: parts, attachments: [])
    }

    func exported() throws -> [String: ExportMessageRow] {
        var rows: [String: ExportMessageRow] = [:]
        try store.forEachMessageForExport(hidden: .nothing, withText: true) { rows[$0.message.subject ?? ""] = $0 }
        return rows
    }

    @Test("the rendering is not written; the full-text index still has the rendered words")
    func notWritten() throws {
        _ = try store.insert([message("h1", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: "<p>Merci <b>Zoë</b></p>", renderedText: "Merci Zoë")])],
                             now: Date(timeIntervalSince1970: 0))
        let stored = try store.read { db in try String?.fetchOne(db, sql: "SELECT rendered_text FROM message_part") }
        #expect(stored == .some(nil))
        let body = try store.read { db in try String.fetchOne(db, sql: "SELECT body FROM message_fts") }
        #expect(body == "Merci Zoë")
        #expect(try store.storedMessages(after: 0, limit: 10).first?.parts.first?.renderedText == nil)
    }

    @Test("export: the plain part, else the HTML source to render, else the rendering a store made before, else empty")
    func export() throws {
        _ = try store.insert([
            message("plain", parts: [
                StoredPart(section: "1", kind: .plain, charset: nil, text: "Bonjour", renderedText: nil),
                StoredPart(section: "2", kind: .html, charset: nil, text: "<p>Hello</p>", renderedText: "Hello"),
            ]),
            message("html", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: "<p>Hello</p>", renderedText: "Hello")]),
            message("old", parts: [StoredPart(section: "1", kind: .html, charset: nil, text: "<p>Old</p>", renderedText: "Old")]),
            message("none", parts: []),
        ], now: Date(timeIntervalSince1970: 0))
        // A row stored before renderings stopped being written keeps its own.
        try store.write { db in
            try db.execute(sql: "UPDATE message_part SET rendered_text = 'Old' WHERE text = '<p>Old</p>'")
        }
        let rows = try exported()
        #expect(rows["Commande plain"]?.text == "Bonjour")
        #expect(rows["Commande plain"]?.html == nil)
        #expect(rows["Commande html"]?.text == nil)
        #expect(rows["Commande html"]?.html == "<p>Hello</p>")
        #expect(rows["Commande old"]?.text == "Old")
        #expect(rows["Commande old"]?.html == nil)
        #expect(rows["Commande none"]?.text == "")
        #expect(rows["Commande none"]?.html == nil)
    }
}
